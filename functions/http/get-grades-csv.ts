import { CourseParams } from '../../shared/courses/schemas.js';
import { getGradesCsv } from '../../shared/grades/get-grades.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  getGradesCsv(deps, params.courseId, caller),
);
