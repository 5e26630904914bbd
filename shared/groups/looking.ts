import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStudent } from '../courses/access.js';
import { groupsOpen } from '../domain/group-rules.js';
import { Conflict, DeadlinePassed } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { studentEntity } from '../store/course-repo.js';
import { defineEntity } from '../store/entity.js';
import { coursePk, keys, prefixes } from '../store/keys.js';
import { batchGetAll, queryCourse } from '../store/table-ops.js';
import { describeGroupDeadline, groupDeadline } from './group-access.js';
import type { LookingList, LookingView, PutLookingBody } from './schemas-looking.js';

/**
 * A student's opt-in to appear on the course's "looking for a group" list. Privacy by default: the
 * item exists only while the student wants to be listed, and opting out deletes it (note included).
 */
export const lookingEntity = defineEntity({
  type: 'looking',
  schema: z.object({
    courseId: z.string(),
    email: z.string(),
    note: z.string().optional(),
    updatedAt: z.string(),
  }),
  key: (l) => keys.looking(l.courseId, l.email),
});
export type LookingRecord = z.output<typeof lookingEntity.schema>;

/**
 * Sets or clears the caller's opt-in. Two DynamoDB calls: the access read (course and the caller's
 * roster entry, whose groupId says whether they are grouped) and one Put or Delete. The grouped
 * check is not part of the write's condition (it lives on another item): a student who joins a
 * group just after opting in keeps a stale opt-in, which the list drops because it reads groupId.
 */
export const putLooking = async (
  d: Deps,
  courseId: string,
  caller: Caller,
  body: PutLookingBody,
): Promise<LookingView> => {
  const access = await loadAccess(d, courseId, caller);
  const student = requireStudent(access);
  const key = keys.looking(courseId, student.email);
  if (!body.looking) {
    // Opting out forgets the note too, and is allowed at any time: withdrawing one's own details
    // must never be closed by a deadline.
    await d.db.send(new DeleteCommand({ TableName: d.tableName, Key: key }));
    return { looking: false, note: null };
  }
  // Like every other student group action, opting in closes with the group deadline.
  if (!groupsOpen(d.clock.now(), groupDeadline(access.course)))
    throw new DeadlinePassed(
      `Groups closed on ${describeGroupDeadline(access.course)}; the list of students looking for a group is closed`,
    );
  if (student.groupId)
    throw new Conflict(
      `${student.email} is already in group ${student.groupId}; leave it before looking for another`,
      'already_in_group',
    );
  // An empty note (after trimming) is no note.
  const note = body.note ? body.note : undefined;
  const record: LookingRecord = {
    courseId,
    email: student.email,
    ...(note !== undefined ? { note } : {}),
    updatedAt: d.clock.now().toISOString(),
  };
  await d.db.send(new PutCommand({ TableName: d.tableName, Item: lookingEntity.toItem(record) }));
  return { looking: true, note: note ?? null };
};

/**
 * The students who opted in and are in no group, for any course member. DynamoDB calls: the access
 * read, one Query of the LOOKING# items, then (only when someone opted in) one BatchGet of those
 * students' roster entries per 100 of them: 3 in all for a course's usual handful, 2 when nobody
 * opted in. The roster entries give the name and groupId, and drop opt-ins left by students since
 * removed from the roster; nothing is read, let alone returned, about anyone who did not opt in.
 */
export const listLooking = async (d: Deps, courseId: string, caller: Caller): Promise<LookingList> => {
  await loadAccess(d, courseId, caller);
  const optIns = lookingEntity.parseAll(await queryCourse(d, coursePk(courseId), prefixes.looking));
  if (!optIns.length) return { students: [] };
  const roster = studentEntity.parseAll(
    await batchGetAll(
      d,
      optIns.map((o) => keys.student(courseId, o.email)),
    ),
  );
  const byEmail = new Map(roster.map((s) => [s.email, s]));
  const students = optIns.flatMap((o) => {
    const s = byEmail.get(o.email);
    return s && !s.groupId ? [{ email: s.email, name: s.name, note: o.note ?? null }] : [];
  });
  students.sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  return { students };
};
