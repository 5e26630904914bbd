import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import type { Deps } from '../runtime/deps.js';
import { listJobRuns } from './job-history.js';

/** What the scheduled jobs did for a course: each run, each entry, what was sent, what failed. */
export const listJobs = async (d: Deps, courseId: string, caller: Caller) => {
  requireStaff(await loadAccess(d, courseId, caller), 'read the job history');
  return listJobRuns(d, courseId);
};
