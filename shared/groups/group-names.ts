import { batchGetAll, type Db } from '../store/table-ops.js';
import { keys } from '../store/keys.js';
import type { StudentRecord } from '../store/course-repo.js';
import { rosterOf } from './group-access.js';

/**
 * Completes a roster map with the entries of `emails` not yet in it: one BatchGet, or none when
 * every entry was already read with the access.
 */
export const withRosterEntries = async (
  d: Db,
  courseId: string,
  known: Map<string, StudentRecord>,
  emails: string[],
): Promise<Map<string, StudentRecord>> => {
  const missing = [...new Set(emails)].filter((e) => !known.has(e));
  if (!missing.length) return known;
  const found = rosterOf(
    await batchGetAll(
      d,
      missing.map((e) => keys.student(courseId, e)),
    ),
  );
  return new Map([...known, ...found]);
};
