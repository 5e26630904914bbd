import { CourseParams } from '../../shared/courses/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { getQueue } from '../../shared/marking/queue.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  getQueue(deps, params.courseId, caller),
);
