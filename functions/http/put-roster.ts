import { putRoster } from '../../shared/courses/put-roster.js';
import { CourseParams } from '../../shared/courses/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: CourseParams, rawBody: true },
  async ({ deps, params, caller, rawBytes, contentType }) =>
    putRoster(deps, params.courseId, caller, rawBytes, contentType),
);
