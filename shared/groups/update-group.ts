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
import { keys } from '../store/keys.js';
import { invalidGroup, staleGroup } from './group-errors.js';
import { assertMayChangeGroups, loadGroupAccess } from './group-access.js';
import { groupChangeMail, groupMailKey, withGroupMails } from './group-mail.js';
import { withRosterEntries } from './group-names.js';
import { runGroupTransaction } from './group-transaction.js';
import { groupView, namesOf } from './group-view.js';
import type { UpdateGroupBody } from './schemas.js';

/**
 * PATCH a group: change its paper (the seat moves: old released, new taken under the cap) and/or
 * add roster students who are in no group, up to maxSize. One transaction guarded by the group
 * version read, each new member's roster entry and the new paper's seat counter, with every
 * member's mail (outbox). Calls: the access
 * BatchGet (course, caller, group, new members, new paper's seats), the transaction, one BatchGet
 * for the other members' names.
 */
export const updateGroup = async (
  d: Deps,
  courseId: string,
  groupId: string,
  caller: Caller,
  body: UpdateGroupBody,
) => {
  const add = body.addMembers ?? [];
  const { access, group, roster } = await loadGroupAccess(d, courseId, caller, groupId, [
    ...add.map((m) => keys.student(courseId, m)),
    ...(body.paperId ? [keys.paperSeats(courseId, body.paperId)] : []),
  ]);
  const { config } = access.course;
  const now = d.clock.now();
  assertMayChangeGroups(access, now, body.reason);

  const check = checkAddMembers(group.members, add, config.groups);
  const problems: MemberListProblem[] = [...check.problems];
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
  const seats = access.extras.find((i) => i.sk === keys.paperSeats(courseId, paperId).sk);
  if (paperMoves && cap !== undefined && paperSeatsTaken(seats) >= cap)
    throw new Conflict(
      `The paper "${paper?.title}" already has ${cap} group(s); choose another`,
      'paper_full',
    );

  const names = async (g: GroupRecord) =>
    namesOf((await withRosterEntries(d, courseId, roster, g.members)).values());
  if (!paperMoves && !added.length) return groupView(access.course, group, await names(group));

  const next: GroupRecord = {
    ...group,
    members: check.members,
    paperId,
    version: group.version + 1,
    updatedAt: now.toISOString(),
  };
  const changes = [
    ['group', updateGroupAtVersion(d, courseId, groupId, group.version, next)] as const,
    ...added.map((m) => [`join:${m}`, joinGroupUpdate(d, courseId, m, groupId)] as const),
    ['releaseSeat', paperMoves && releaseSeatUpdate(d, courseId, group.paperId)] as const,
    ['seat', paperMoves && takeSeatUpdate(d, courseId, paperId, cap)] as const,
    [
      'audit',
      access.isStaff &&
        auditPut(d.tableName, {
          courseId,
          actor: caller.email,
          action: 'group.update',
          target: groupId,
          before: { members: group.members, paperId: group.paperId },
          after: { members: next.members, paperId: next.paperId },
          at: now,
          ...(body.reason ? { reason: body.reason } : {}),
        }),
    ] as const,
  ];
  // The members' names (one BatchGet, as before) and the mail come before anything is written.
  const nameMap = await names(next);
  const who = (e: string) => `${nameMap.get(e) ?? e} <${e}>`;
  const oldPaper = config.papers.find((p) => p.id === group.paperId)?.title ?? group.paperId;
  const mail = groupChangeMail(access.course, next, 'Your group was changed', {
    names: nameMap,
    details: [
      ...(added.length ? [`Added: ${added.map(who).join(', ')}`] : []),
      ...(paperMoves ? [`Paper changed from "${oldPaper}" to "${paper?.title ?? paperId}"`] : []),
      access.isStaff
        ? `Changed by ${caller.email} (instructor)${body.reason ? `: ${body.reason}` : ''}.`
        : `Changed by ${who(caller.email)}.`,
    ],
  });
  // The mails go in the outbox, in the same transaction as the change.
  const items = withGroupMails(d, now, changes, { mail, key: groupMailKey(groupId, next.version) });
  await runGroupTransaction(d, items, (failed) => {
    if (failed.has('group')) return staleGroup(groupId);
    const lost = failed.withPrefix('join:');
    if (lost.length) return new Conflict(`Already in a group: ${lost.join(', ')}`, 'already_in_group');
    if (failed.has('seat'))
      return new Conflict(`The paper "${paper?.title}" has no seat left; choose another`, 'paper_full');
    return new Conflict('The group could not be changed; try again', 'try_again');
  });

  return groupView(access.course, next, nameMap);
};
