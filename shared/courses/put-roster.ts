import type { Caller } from '../auth/caller.js';
import type { Deps } from '../runtime/deps.js';
import { Conflict } from '../errors.js';
import { applyRosterChange, listStudents } from '../store/roster-repo.js';
import { loadAccess, requireStaff } from './access.js';
import { parseRoster } from './parse-roster.js';

/** Replaces the roster; existing students keep their group, removed ones must be in no group. */
export const putRoster = async (
  d: Deps,
  courseId: string,
  caller: Caller,
  /** Bytes as sent (checked to be UTF-8), or text already decoded. */
  rawBody: string | Uint8Array,
  contentType: string,
) => {
  const access = await loadAccess(d, courseId, caller);
  requireStaff(access, 'replace the roster');
  const wanted = parseRoster(rawBody, contentType);
  const existing = new Map((await listStudents(d, courseId)).map((s) => [s.email, s]));
  const wantedEmails = new Set(wanted.map((s) => s.email));
  const removed = [...existing.values()].filter((s) => !wantedEmails.has(s.email));
  const grouped = removed.filter((s) => s.groupId);
  if (grouped.length)
    throw new Conflict(
      `Cannot remove students who are in a group (remove them from their group first): ${grouped.map((s) => s.email).join(', ')}`,
      'student_in_group',
    );
  const upsert = wanted.filter((s) => {
    const before = existing.get(s.email);
    return !before || before.name !== s.name || (before.studentId ?? undefined) !== s.studentId;
  });
  await applyRosterChange(d, courseId, { upsert, remove: removed.map((s) => s.email) });
  const added = upsert.filter((s) => !existing.has(s.email)).length;
  return {
    count: wanted.length,
    added,
    updated: upsert.length - added,
    removed: removed.length,
    unchanged: wanted.length - upsert.length,
  };
};
