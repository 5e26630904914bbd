import type { Caller } from '../auth/caller.js';
import type { Deps } from '../runtime/deps.js';
import { loadAccess } from './access.js';
import { courseView } from './course-view.js';

export const getCourseForCaller = async (d: Deps, courseId: string, caller: Caller) => {
  const access = await loadAccess(d, courseId, caller);
  return courseView(access.course, access.role);
};
