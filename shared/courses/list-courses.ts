import type { Caller } from '../auth/caller.js';
import type { Deps } from '../runtime/deps.js';
import { getCourseTitles, listAllCourses, listMemberships } from '../store/course-repo.js';
import type { Role } from './access.js';

/** The caller's courses, with the strongest role they hold in each. */
export const listCourses = async (d: Deps, caller: Caller) => {
  if (caller.isAdmin)
    return (await listAllCourses(d)).map((c) => ({
      courseId: c.courseId,
      title: c.title,
      role: 'admin' as Role,
    }));
  const memberships = await listMemberships(d, caller.email);
  const roles = new Map<string, Role>();
  for (const m of memberships) if (roles.get(m.courseId) !== 'instructor') roles.set(m.courseId, m.role);
  const titles = await getCourseTitles(d, [...roles.keys()]);
  return [...roles]
    .filter(([courseId]) => titles.has(courseId))
    .map(([courseId, role]) => ({ courseId, title: titles.get(courseId) ?? courseId, role }))
    .sort((a, b) => a.courseId.localeCompare(b.courseId));
};
