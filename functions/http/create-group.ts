import { createGroup } from '../../shared/groups/create-group.js';
import { CreateGroupBody } from '../../shared/groups/schemas.js';
import { CourseParams } from '../../shared/courses/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: CourseParams, body: CreateGroupBody },
  async ({ deps, params, body, caller }) => createGroup(deps, params.courseId, caller, body),
);
