import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { loadAccess, type CourseAccess } from '../courses/access.js';
import { groupsOpen, memberListProblems } from '../domain/group-rules.js';
import { describeInZone, localToInstant } from '../domain/local-time.js';
import { BadRequest, Conflict, DeadlinePassed, Forbidden } from '../errors.js';
import { created } from '../http/responses.js';
import type { Deps } from '../runtime/deps.js';
import { toStudent } from '../store/course-repo.js';
import {
  joinGroupUpdate,
  paperSeatsTaken,
  putNewGroup,
  takeSeatUpdate,
  transact,
  type GroupRecord,
} from '../store/group-repo.js';
import { keys } from '../store/keys.js';
import { failedConditions } from '../store/transactions.js';
import { mailGroupChange } from './group-mail.js';
import { groupView, namesOf } from './group-view.js';
import { newId } from './new-id.js';
import type { CreateGroupBody } from './schemas.js';

/** Students manage groups until the deadline; after it, a 403 that names the deadline in course time. */
export const assertGroupsOpen = (access: CourseAccess, now: Date): void => {
  if (access.isStaff) return;
  const { deadline } = access.course.config.groups;
  const zone = access.course.config.timeZone;
  const at = localToInstant(deadline, zone);
  if (!groupsOpen(now, at))
    throw new DeadlinePassed(
      `Groups closed on ${describeInZone(at, zone)}; ask an instructor to change your group`,
    );
};

/**
 * Creates a group in one transaction: the group, each member's roster entry (only if in no group),
 * the paper's seat counter (only if it has room) and, for instructors, the audit record.
 * Reads happen first only to give precise messages; the conditions are what keep it race-free.
 */
export const createGroup = async (d: Deps, courseId: string, caller: Caller, body: CreateGroupBody) => {
  const members = body.members;
  const access = await loadAccess(d, courseId, caller, [
    ...members.map((m) => keys.student(courseId, m)),
    keys.paperSeats(courseId, body.paperId),
  ]);
  const { config } = access.course;
  const now = d.clock.now();
  if (!access.isStaff && !access.student)
    throw new Forbidden(`${caller.email} is not on the roster of "${courseId}"`);
  assertGroupsOpen(access, now);

  const problems = memberListProblems(members, config.groups, access.isStaff ? undefined : caller.email);
  const roster = new Map(
    access.extras.flatMap((i) => {
      const s = toStudent(i.type === 'student' ? i : undefined);
      return s ? [[s.email, s] as const] : [];
    }),
  );
  members.forEach((m, i) => {
    if (!roster.has(m) && !(m === caller.email && access.student))
      problems.push({ path: `body.members[${i}]`, message: `${m} is not on the roster of this course` });
  });
  const paper = config.papers.find((p) => p.id === body.paperId);
  if (!paper) problems.push({ path: 'body.paperId', message: `no paper "${body.paperId}" in this course` });
  if (problems.length) throw new BadRequest('Cannot form this group', problems, 'invalid_group');
  if (access.student) roster.set(access.student.email, access.student);

  const taken = members.filter((m) => roster.get(m)?.groupId);
  if (taken.length) throw new Conflict(`Already in a group: ${taken.join(', ')}`, 'already_in_group');
  const cap = config.groups.maxGroupsPerPaper;
  const seatsItem = access.extras.find((i) => i.sk === keys.paperSeats(courseId, body.paperId).sk);
  if (cap !== undefined && paperSeatsTaken(seatsItem) >= cap)
    throw new Conflict(
      `The paper "${paper?.title}" already has ${cap} group(s); choose another`,
      'paper_full',
    );
  if (
    access.isStaff &&
    !groupsOpen(now, localToInstant(config.groups.deadline, config.timeZone)) &&
    !body.reason
  )
    throw new BadRequest('A reason is required to form a group after the deadline', [
      { path: 'body.reason', message: 'required after the group deadline' },
    ]);

  const iso = now.toISOString();
  const group: GroupRecord = {
    courseId,
    groupId: newId('g'),
    members,
    paperId: body.paperId,
    version: 1,
    createdAt: iso,
    updatedAt: iso,
  };
  const items = [
    putNewGroup(d, group),
    ...members.map((m) => joinGroupUpdate(d, courseId, m, group.groupId)),
    takeSeatUpdate(d, courseId, body.paperId, cap),
    ...(access.isStaff
      ? [
          auditPut(d.tableName, {
            courseId,
            actor: caller.email,
            action: 'group.create',
            target: group.groupId,
            after: { members, paperId: body.paperId },
            at: now,
            ...(body.reason ? { reason: body.reason } : {}),
          }),
        ]
      : []),
  ];
  try {
    await transact(d, items);
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed.length) throw error;
    const lostMembers = failed.filter((i) => i >= 1 && i <= members.length).map((i) => members[i - 1]);
    if (lostMembers.length)
      throw new Conflict(`Already in a group: ${lostMembers.join(', ')}`, 'already_in_group');
    if (failed.includes(members.length + 1))
      throw new Conflict(`The paper "${paper?.title}" has no seat left; choose another`, 'paper_full');
    throw new Conflict('The group could not be created; try again', 'conflict');
  }
  const names = namesOf([...roster.values()]);
  await mailGroupChange(d, access.course, group, 'Your group was created', { names });
  return created(groupView(access.course, group, names));
};
