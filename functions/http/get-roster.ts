import { getRoster } from '../../shared/courses/get-roster.js';
import { CourseParams } from '../../shared/courses/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  getRoster(deps, params.courseId, caller),
);
