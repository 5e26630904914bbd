import { CourseParams } from '../../shared/courses/schemas.js';
import { getGradebookCsv } from '../../shared/exports/grade-exports.js';
import { GradebookQuery } from '../../shared/exports/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: CourseParams, query: GradebookQuery },
  async ({ deps, params, query, caller }) => getGradebookCsv(deps, params.courseId, caller, query.format),
);
