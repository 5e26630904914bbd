import type { DueRecord } from '../store/due-repo.js';
import type { Deps } from '../runtime/deps.js';
import type { CourseSnapshot } from './course-snapshot.js';
import type { EntryOutcome } from './job-history.js';

/** Filled in below: what happens when a deadline passes. */
export const enforce = async (
  _d: Deps,
  _s: CourseSnapshot,
  entry: DueRecord,
  _deadlineAt: Date,
  _runId: string,
): Promise<EntryOutcome> => ({
  key: entry.key,
  deadlineKey: entry.deadlineKey,
  sent: 0,
  already: 0,
  busy: 0,
  failed: 0,
  actions: [],
  done: true,
});
