import { CourseParams } from '../../shared/courses/schemas.js';
import { UnpublishBody } from '../../shared/grades/schemas.js';
import { unpublishGrades } from '../../shared/grades/unpublish-grades.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: CourseParams, body: UnpublishBody },
  async ({ deps, params, body, caller }) => unpublishGrades(deps, params.courseId, caller, body),
);
