import { listCourses } from '../../shared/courses/list-courses.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({}, async ({ deps, caller }) => listCourses(deps, caller));
