import { CourseParams } from '../../shared/courses/schemas.js';
import { listLooking } from '../../shared/groups/looking.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  listLooking(deps, params.courseId, caller),
);
