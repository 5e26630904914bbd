import { CourseParams } from '../../shared/courses/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { listRegrades } from '../../shared/regrades/list-regrades.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  listRegrades(deps, params.courseId, caller),
);
