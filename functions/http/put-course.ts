import { putCourse } from '../../shared/courses/put-course.js';
import { CourseParams } from '../../shared/courses/schemas.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: CourseParams, body: CourseConfig },
  async ({ deps, params, body, caller }) => putCourse(deps, params.courseId, body, caller),
);
