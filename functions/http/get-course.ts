import { getCourseForCaller } from '../../shared/courses/get-course.js';
import { CourseParams } from '../../shared/courses/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  getCourseForCaller(deps, params.courseId, caller),
);
