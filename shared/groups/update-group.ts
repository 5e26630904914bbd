import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { checkAddMembers, type MemberListProblem } from '../domain/group-rules.js';
import { Conflict } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import {
  joinGroupUpdate,
  paperSeatsTaken,
  releaseSeatUpdate,
  takeSeatUpdate,
  updateGroupAtVersion,
  type GroupRecord,
} from '../store/group-repo.js';
import { groupInvitesUpdate } from '../store/invitation-writes.js';
import { keys } from '../store/keys.js';
import { invalidGroup, staleGroup } from './group-errors.js';
import { assertMayChangeGroups, loadGroupAccess } from './group-access.js';
import { groupChangeMail, groupMailKey, invitationMail, withGroupMails } from './group-mail.js';
import { withRosterEntries } from './group-names.js';
import { runGroupTransaction } from './group-transaction.js';
import { groupView, namesOf, peopleOf } from './group-view.js';
import { assertStudentMayChoosePaper, checkInvitees, invitationEntries, lostInvitees } from './invite.js';
import type { GroupView, UpdateGroupBody } from './schemas.js';

/**
 * PATCH a group: change its paper (the seat moves: old released, new taken under the cap) and/or
 * add roster students who are in no group: an instructor adds them directly, up to maxSize; a
 * member invites them (they join when they accept, see answer-invitation.ts). One transaction:
 * the group at the version read when members or paper change (the invitees folded into the same
 * update), otherwise only its `invited` set; each new member's or invitee's roster entry; the
 * seat counters; the audit record for instructors; every mail (outbox). Calls: the access
 * BatchGet (course, caller, group, new members, new paper's seats), one BatchGet for the other
 * members' names, the transaction.
 */
export const updateGroup = async (
  d: Deps,
  courseId: string,
  groupId: string,
  caller: Caller,
  body: UpdateGroupBody,
): Promise<GroupView> => {
  const add = body.addMembers ?? [];
  const { access, group, roster } = await loadGroupAccess(d, courseId, caller, groupId, [
    ...add.map((m) => keys.student(courseId, m)),
    ...(body.paperId ? [keys.paperSeats(courseId, body.paperId)] : []),
  ]);
  const { config } = access.course;
  const now = d.clock.now();
  assertMayChangeGroups(access, now, body.reason);
  if (body.paperId) assertStudentMayChoosePaper(access.course, access.isStaff);
  const invitees = access.isStaff ? [] : add;

  const check = checkAddMembers(group.members, access.isStaff ? add : [], config.groups);
  const problems: MemberListProblem[] = [...checkAddMembers([], add, config.groups).problems];
  [...new Set(add)].forEach((m) => {
    if (!roster.has(m))
      problems.push({
        path: `body.addMembers[${add.indexOf(m)}]`,
        message: `${m} is not on the roster of this course`,
      });
  });
  const paperId = body.paperId ?? group.paperId;
  const paper = config.papers.find((p) => p.id === paperId);
  if (body.paperId && !paper)
    problems.push({ path: 'body.paperId', message: `no paper "${body.paperId}" in this course` });
  if (problems.length) throw invalidGroup(problems, 'change this group');
  if (check.alreadyHere.length)
    throw new Conflict(`Already in this group: ${check.alreadyHere.join(', ')}`, 'already_member');
  checkInvitees(invitees, roster, group, (e) => `body.addMembers[${add.indexOf(e)}]`);
  const added = check.members.slice(group.members.length);
  const elsewhere = added.filter((m) => roster.get(m)?.groupId);
  if (elsewhere.length) throw new Conflict(`Already in a group: ${elsewhere.join(', ')}`, 'already_in_group');
  if (check.overflow)
    throw new Conflict(
      `A group has at most ${check.overflow.maxSize} members; adding ${added.join(', ')} would make ${check.overflow.size}`,
      'group_full',
    );
  const paperMoves = paperId !== group.paperId;
  const cap = config.groups.maxGroupsPerPaper;
  const seats = paperId
    ? access.extras.find((i) => i.sk === keys.paperSeats(courseId, paperId).sk)
    : undefined;
  if (paperMoves && cap !== undefined && paperSeatsTaken(seats) >= cap)
    throw new Conflict(
      `The paper "${paper?.title}" already has ${cap} group(s); choose another`,
      'paper_full',
    );

  // Invitations alone do not change the version: they touch only the `invited` set.
  const versioned = paperMoves || added.length > 0;
  const next: GroupRecord = {
    ...group,
    members: check.members,
    invited: [...group.invited, ...invitees].sort(),
    ...(versioned ? { version: group.version + 1, updatedAt: now.toISOString() } : {}),
    ...(paperId ? { paperId } : {}),
  };
  const nameMap = namesOf((await withRosterEntries(d, courseId, roster, peopleOf(next))).values());
  if (!versioned && !invitees.length) return groupView(access.course, group, nameMap, now);

  const changes = [
    [
      'group',
      versioned
        ? updateGroupAtVersion(d, courseId, groupId, group.version, next, invitees)
        : groupInvitesUpdate(d, courseId, groupId, invitees),
    ] as const,
    ...added.map((m) => [`join:${m}`, joinGroupUpdate(d, courseId, m, groupId)] as const),
    ...invitationEntries(d, courseId, groupId, invitees),
    ['releaseSeat', paperMoves && !!group.paperId && releaseSeatUpdate(d, courseId, group.paperId)] as const,
    ['seat', paperMoves && !!paperId && takeSeatUpdate(d, courseId, paperId, cap)] as const,
    [
      'audit',
      access.isStaff &&
        auditPut(d.tableName, {
          courseId,
          actor: caller.email,
          action: 'group.update',
          target: groupId,
          before: { members: group.members, paperId: group.paperId ?? null },
          after: { members: next.members, paperId: next.paperId ?? null },
          at: now,
          ...(body.reason ? { reason: body.reason } : {}),
        }),
    ] as const,
  ];
  // The members' names and the mails come before anything is written.
  const who = (e: string) => `${nameMap.get(e) ?? e} <${e}>`;
  const oldPaper = config.papers.find((p) => p.id === group.paperId)?.title ?? group.paperId ?? 'none';
  const mail = groupChangeMail(
    access.course,
    next,
    versioned ? 'Your group was changed' : 'Classmates were invited to your group',
    {
      now,
      names: nameMap,
      details: [
        ...(added.length ? [`Added: ${added.map(who).join(', ')}`] : []),
        ...(invitees.length ? [`Invited (they join when they accept): ${invitees.map(who).join(', ')}`] : []),
        ...(paperMoves ? [`Paper changed from "${oldPaper}" to "${paper?.title ?? paperId}"`] : []),
        access.isStaff
          ? `Changed by ${caller.email} (instructor)${body.reason ? `: ${body.reason}` : ''}.`
          : `Changed by ${who(caller.email)}.`,
      ],
    },
  );
  // Invitations alone keep the version: their mails are keyed by the moment instead.
  const key = versioned
    ? groupMailKey(groupId, next.version)
    : groupMailKey(groupId, group.version, `invite-${now.getTime()}`);
  const items = withGroupMails(
    d,
    now,
    changes,
    { mail, key },
    {
      mail: invitees.length
        ? invitationMail(access.course, next, invitees, { inviter: caller.email, names: nameMap })
        : undefined,
      key: `${key}#invited`,
    },
  );
  await runGroupTransaction(d, items, (failed) => {
    if (failed.has('group')) return staleGroup(groupId);
    const lost = failed.withPrefix('join:');
    if (lost.length) return new Conflict(`Already in a group: ${lost.join(', ')}`, 'already_in_group');
    const lostInvites = failed.withPrefix('invite:');
    if (lostInvites.length) return lostInvitees(lostInvites);
    if (failed.has('seat'))
      return new Conflict(`The paper "${paper?.title}" has no seat left; choose another`, 'paper_full');
    return new Conflict('The group could not be changed; try again', 'try_again');
  });

  return groupView(access.course, next, nameMap, now);
};
