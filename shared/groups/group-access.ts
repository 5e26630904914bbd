import type { Caller } from '../auth/caller.js';
import { loadAccess, type CourseAccess } from '../courses/access.js';
import { changeAllowed, groupsOpen } from '../domain/group-rules.js';
import { describeInZone, localToInstant } from '../domain/local-time.js';
import { BadRequest, DeadlinePassed, Forbidden, NotFound } from '../errors.js';
import { toStudent, type CourseRecord, type StudentRecord } from '../store/course-repo.js';
import { toGroup, type GroupRecord } from '../store/group-repo.js';
import { keys, type Key } from '../store/keys.js';
import type { Item } from '../store/table-ops.js';

export const groupDeadline = (course: CourseRecord): Date =>
  localToInstant(course.config.groups.deadline, course.config.timeZone);

export const describeGroupDeadline = (course: CourseRecord): string =>
  describeInZone(groupDeadline(course), course.config.timeZone);

/**
 * Students manage groups until the deadline; after it, a 403 that names the deadline in course
 * time. Instructors may always change groups, but after the deadline only with a reason (audited).
 */
export const assertMayChangeGroups = (
  access: CourseAccess,
  now: Date,
  reason: string | undefined,
  action = 'change a group',
  reasonPath = 'body.reason',
): void => {
  const open = groupsOpen(now, groupDeadline(access.course));
  const verdict = changeAllowed({ isStaff: access.isStaff, reason }, open);
  if (verdict === 'closed')
    throw new DeadlinePassed(
      `Groups closed on ${describeGroupDeadline(access.course)}; ask an instructor to change your group`,
    );
  if (verdict === 'reason-required')
    throw new BadRequest(
      `A reason is required to ${action} after the group deadline (${describeGroupDeadline(access.course)})`,
      [{ path: reasonPath, message: 'required from instructors after the group deadline' }],
      'reason_required',
    );
};

/** Students manage groups until the deadline; after it, a 403 that names the deadline in course time. */
export const assertGroupsOpen = (access: CourseAccess, now: Date): void => {
  if (!access.isStaff) assertMayChangeGroups(access, now, undefined);
};

/** BatchGet refuses duplicate keys; a request naming someone twice must still get its 400. */
export const uniqueKeys = (list: Key[]): Key[] => {
  const seen = new Set<string>();
  return list.filter((k) => {
    const id = `${k.pk}\u0000${k.sk}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
};

/** Roster entries found among the items of a read, by email. */
export const rosterOf = (items: Item[]): Map<string, StudentRecord> =>
  new Map(
    items.flatMap((i) => {
      const s = i.type === 'student' ? toStudent(i) : undefined;
      return s ? [[s.email, s] as const] : [];
    }),
  );

export interface GroupAccess {
  access: CourseAccess;
  group: GroupRecord;
  /** Roster entries read with the access (the caller's and any asked for). */
  roster: Map<string, StudentRecord>;
}

/**
 * The course, the caller, the group and any other items in ONE BatchGet. Unknown group (or a
 * group of another course: ids are looked up inside this course only) → 404; a student who is not
 * a member → 403.
 */
export const loadGroupAccess = async (
  d: Parameters<typeof loadAccess>[0],
  courseId: string,
  caller: Caller,
  groupId: string,
  extra: Key[] = [],
): Promise<GroupAccess> => {
  const groupKey = keys.group(courseId, groupId);
  const access = await loadAccess(d, courseId, caller, uniqueKeys([groupKey, ...extra]));
  const group = toGroup(access.extras.find((i) => i.sk === groupKey.sk && i.type === 'group'));
  if (!group) throw new NotFound(`No group "${groupId}" in course "${courseId}"`);
  if (!access.isStaff && !group.members.includes(caller.email))
    throw new Forbidden(`${caller.email} is not a member of group ${groupId}`, 'not_a_member');
  const roster = rosterOf(access.extras);
  if (access.student) roster.set(access.student.email, access.student);
  return { access, group, roster };
};
