import type { Caller } from '../auth/caller.js';
import type { Deps } from '../runtime/deps.js';
import { listStudents } from '../store/roster-repo.js';
import { loadAccess, requireStaff } from './access.js';

export const getRoster = async (d: Deps, courseId: string, caller: Caller) => {
  requireStaff(await loadAccess(d, courseId, caller), 'read the roster');
  return (await listStudents(d, courseId)).map((s) => ({
    email: s.email,
    name: s.name,
    ...(s.studentId ? { studentId: s.studentId } : {}),
    groupId: s.groupId ?? null,
  }));
};
