import { CourseParams } from '../../shared/courses/schemas.js';
import { publishGrades } from '../../shared/grades/publish-grades.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  publishGrades(deps, params.courseId, caller),
);
