import { getMe } from '../../shared/courses/get-me.js';
import { CourseParams } from '../../shared/courses/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  getMe(deps, params.courseId, caller),
);
