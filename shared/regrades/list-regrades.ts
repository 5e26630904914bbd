import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import type { Deps } from '../runtime/deps.js';
import { listRegradeRecords } from './regrade-store.js';
import { regradeViews } from './regrade-view.js';

/**
 * Instructors: every regrade request of the course, open ones first, then by when they were made.
 * Names are stored with the requests (no roster read): DynamoDB one BatchGet (access) and one
 * Query (REGRADE#).
 */
export const listRegrades = async (d: Deps, courseId: string, caller: Caller) => {
  const access = await loadAccess(d, courseId, caller);
  requireStaff(access, 'read regrade requests');
  const views = (await listRegradeRecords(d, courseId)).flatMap((r) => regradeViews(access.course.config, r));
  const rank = (status: string) => (status === 'open' ? 0 : 1);
  return views.sort(
    (a, b) => rank(a.status) - rank(b.status) || Date.parse(a.requestedAt) - Date.parse(b.requestedAt),
  );
};
