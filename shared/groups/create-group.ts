import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStudent } from '../courses/access.js';
import { memberListProblems } from '../domain/group-rules.js';
import { Conflict } from '../errors.js';
import { created } from '../http/responses.js';
import type { Deps } from '../runtime/deps.js';
import {
  joinGroupUpdate,
  paperSeatsTaken,
  putNewGroup,
  takeSeatUpdate,
  type GroupRecord,
} from '../store/group-repo.js';
import { keys } from '../store/keys.js';
import { assertMayChangeGroups, rosterOf, uniqueKeys } from './group-access.js';
import { invalidGroup } from './group-errors.js';
import { groupChangeMail, groupMailKey, invitationMail, withGroupMails } from './group-mail.js';
import { runGroupTransaction } from './group-transaction.js';
import { groupView, namesOf } from './group-view.js';
import { assertStudentMayChoosePaper, checkInvitees, invitationEntries, lostInvitees } from './invite.js';
import { newId } from './new-id.js';
import type { CreateGroupBody } from './schemas.js';
import { count } from '../runtime/metrics.js';

export { assertGroupsOpen } from './group-access.js';

/**
 * Creates a group in one transaction: the group, the roster entries of those who join (only if in
 * no group), the paper's seat counter (only if it has room), for instructors the audit record, and
 * every mail (outbox).
 * - A student forms a group alone and invites the others listed: only the student joins; each
 *   invitee's roster entry records the invitation (only if in no group) and they are mailed. They
 *   join when they accept (answer-invitation.ts). Only accepted members count for the size rules.
 * - An instructor places the listed students directly (audited), within the size rules.
 * Reads happen first only to give precise messages; the conditions are what keep it race-free.
 */
export const createGroup = async (d: Deps, courseId: string, caller: Caller, body: CreateGroupBody) => {
  const members = body.members;
  const access = await loadAccess(
    d,
    courseId,
    caller,
    uniqueKeys([
      ...members.map((m) => keys.student(courseId, m)),
      ...(body.paperId ? [keys.paperSeats(courseId, body.paperId)] : []),
    ]),
  );
  const { config } = access.course;
  const now = d.clock.now();
  if (!access.isStaff) requireStudent(access);
  assertMayChangeGroups(access, now, body.reason, 'form a group');
  if (body.paperId) assertStudentMayChoosePaper(access.course, access.isStaff);

  // A student's group starts with the student alone: the size minimum is met by accepting.
  const rules = access.isStaff ? config.groups : { ...config.groups, minSize: 1 };
  const problems = memberListProblems(members, rules, access.isStaff ? undefined : caller.email);
  const roster = rosterOf(access.extras);
  if (access.student) roster.set(access.student.email, access.student);
  [...new Set(members)].forEach((m) => {
    if (!roster.has(m))
      problems.push({
        path: `body.members[${members.indexOf(m)}]`,
        message: `${m} is not on the roster of this course`,
      });
  });
  const paper = body.paperId ? config.papers.find((p) => p.id === body.paperId) : undefined;
  if (body.paperId && !paper)
    problems.push({ path: 'body.paperId', message: `no paper "${body.paperId}" in this course` });
  if (problems.length) throw invalidGroup(problems);

  const joining = access.isStaff ? members : [caller.email];
  const invitees = access.isStaff ? [] : members.filter((m) => m !== caller.email);
  const taken = joining.filter((m) => roster.get(m)?.groupId);
  if (taken.length) throw new Conflict(`Already in a group: ${taken.join(', ')}`, 'already_in_group');
  checkInvitees(
    invitees,
    roster,
    { members: joining, invited: [] },
    (e) => `body.members[${members.indexOf(e)}]`,
  );
  const cap = config.groups.maxGroupsPerPaper;
  const seatsItem = body.paperId
    ? access.extras.find((i) => i.sk === keys.paperSeats(courseId, body.paperId ?? '').sk)
    : undefined;
  if (body.paperId && cap !== undefined && paperSeatsTaken(seatsItem) >= cap)
    throw new Conflict(
      `The paper "${paper?.title}" already has ${cap} group(s); choose another`,
      'paper_full',
    );

  const iso = now.toISOString();
  const group: GroupRecord = {
    courseId,
    groupId: newId('g'),
    members: joining,
    invited: invitees,
    ...(body.paperId ? { paperId: body.paperId } : {}),
    version: 1,
    createdAt: iso,
    updatedAt: iso,
  };
  const changes = [
    ['group', putNewGroup(d, group)] as const,
    ...joining.map((m) => [`join:${m}`, joinGroupUpdate(d, courseId, m, group.groupId)] as const),
    // The group item is written whole with its `invited` set; the roster entries record the invitations.
    ...invitationEntries(d, courseId, group.groupId, invitees),
    ['seat', body.paperId !== undefined && takeSeatUpdate(d, courseId, body.paperId, cap)] as const,
    [
      'audit',
      access.isStaff &&
        auditPut(d.tableName, {
          courseId,
          actor: caller.email,
          action: 'group.create',
          target: group.groupId,
          after: { members, paperId: body.paperId ?? null },
          at: now,
          ...(body.reason ? { reason: body.reason } : {}),
        }),
    ] as const,
  ];
  const names = namesOf(roster.values());
  // Built before anything is written; put in the outbox with the group.
  const mail = groupChangeMail(access.course, group, 'Your group was created', {
    now,
    names,
    details: [
      access.isStaff
        ? `Formed by ${caller.email} (instructor)${body.reason ? `: ${body.reason}` : ''}.`
        : `Formed by ${names.get(caller.email) ?? caller.email} <${caller.email}>.`,
      ...(invitees.length
        ? [
            `Invited (they join when they accept): ${invitees.map((e) => `${names.get(e) ?? e} <${e}>`).join(', ')}`,
          ]
        : []),
    ],
  });
  const invites = invitees.length
    ? invitationMail(access.course, group, invitees, { inviter: caller.email, names })
    : undefined;
  const items = withGroupMails(
    d,
    now,
    changes,
    { mail, key: groupMailKey(group.groupId, group.version) },
    { mail: invites, key: groupMailKey(group.groupId, group.version, 'invited') },
  );
  // BatchGet + this transaction (+ one retry on a pure TransactionConflict): at most 3 calls.
  await runGroupTransaction(
    d,
    items,
    (failed) => {
      const lost = failed.withPrefix('join:');
      if (lost.length) return new Conflict(`Already in a group: ${lost.join(', ')}`, 'already_in_group');
      const lostInvites = failed.withPrefix('invite:');
      if (lostInvites.length) return lostInvitees(lostInvites);
      if (failed.has('seat'))
        return new Conflict(`The paper "${paper?.title}" has no seat left; choose another`, 'paper_full');
      return new Conflict('The group could not be created; try again', 'try_again');
    },
    { retries: 1 },
  );
  count('GroupFormed');
  return created(groupView(access.course, group, names, now));
};
