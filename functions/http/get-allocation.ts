import { getAllocation } from '../../shared/allocation/get-allocation.js';
import { CourseParams } from '../../shared/courses/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  getAllocation(deps, params.courseId, caller),
);
