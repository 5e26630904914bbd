import { CourseParams } from '../../shared/courses/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { putAssignments } from '../../shared/marking/assign.js';
import { PutAssignmentsBody } from '../../shared/marking/schemas.js';

export const handler = httpHandler(
  { params: CourseParams, body: PutAssignmentsBody },
  async ({ deps, params, body, caller }) => putAssignments(deps, params.courseId, caller, body),
);
