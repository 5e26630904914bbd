import { CourseParams } from '../../shared/courses/schemas.js';
import { getGradesCsv } from '../../shared/exports/grade-exports.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  getGradesCsv(deps, params.courseId, caller),
);
