import { CourseParams } from '../../shared/courses/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { listJobs } from '../../shared/notices/list-jobs.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  listJobs(deps, params.courseId, caller),
);
