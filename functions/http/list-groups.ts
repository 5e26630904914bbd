import { CourseParams } from '../../shared/courses/schemas.js';
import { listCourseGroups } from '../../shared/groups/list-groups.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  listCourseGroups(deps, params.courseId, caller),
);
