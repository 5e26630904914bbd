import { CourseParams } from '../../shared/courses/schemas.js';
import { publishGrades } from '../../shared/grades/publish-grades.js';
import { PublishBody } from '../../shared/grades/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: CourseParams, body: PublishBody },
  async ({ deps, params, body, caller }) => publishGrades(deps, params.courseId, caller, body),
);
