import { CourseParams } from '../../shared/courses/schemas.js';
import { getGrades } from '../../shared/grades/get-grades.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  getGrades(deps, params.courseId, caller),
);
