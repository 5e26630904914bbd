import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { removeMember } from '../domain/group-rules.js';
import { Conflict, Forbidden, NotFound } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import {
  deleteGroupAtVersion,
  leaveGroupUpdate,
  releaseSeatUpdate,
  updateGroupAtVersion,
  type GroupRecord,
} from '../store/group-repo.js';
import { keys } from '../store/keys.js';
import { namedEach } from '../store/transactions.js';
import { deleteBookingMarker, releaseSlot, toBooking } from '../store/slot-repo.js';
import { assertMayChangeGroups, loadGroupAccess } from './group-access.js';
import { staleGroup } from './group-errors.js';
import { groupChangeMail, groupMailKey, groupOutboxPuts, memberRemovedMail } from './group-mail.js';
import { withRosterEntries } from './group-names.js';
import { runGroupTransaction } from './group-transaction.js';
import { groupView, namesOf } from './group-view.js';

/**
 * DELETE a member: the member themselves (before the deadline) or an instructor. One transaction:
 * the roster entry leaves only this group (`groupId = :g`), the group is updated at the version
 * read — or, when nobody is left, deleted and its paper seat released — plus the audit record for
 * instructors and the mails (outbox) to the member and to those who stay. A group below minSize
 * stays, marked incomplete.
 */
export const removeGroupMember = async (
  d: Deps,
  courseId: string,
  groupId: string,
  email: string,
  caller: Caller,
  reason: string | undefined,
) => {
  const { access, group, roster } = await loadGroupAccess(d, courseId, caller, groupId, [
    keys.student(courseId, email),
    keys.booking(courseId, groupId),
  ]);
  const booking = toBooking(access.extras.find((i) => i.sk === keys.booking(courseId, groupId).sk));
  if (!access.isStaff && email !== caller.email)
    throw new Forbidden(`Only ${email} or an instructor may remove ${email} from the group`);
  const now = d.clock.now();
  assertMayChangeGroups(access, now, reason, 'remove a member', 'query.reason');
  const change = removeMember(group.members, email);
  if (!change.found) throw new NotFound(`${email} is not a member of group ${groupId}`);

  const next: GroupRecord = {
    ...group,
    members: change.members,
    version: group.version + 1,
    updatedAt: now.toISOString(),
  };
  const heldSlot = change.empty ? booking?.slotId : undefined;
  const changes = {
    leave: leaveGroupUpdate(d, courseId, email, groupId),
    group: change.empty
      ? deleteGroupAtVersion(d, courseId, groupId, group.version)
      : updateGroupAtVersion(d, courseId, groupId, group.version, next),
    releaseSeat: change.empty && !!group.paperId && releaseSeatUpdate(d, courseId, group.paperId),
    // A group that disappears gives back its presentation slot, in the same transaction.
    releaseSlot: heldSlot && releaseSlot(d, courseId, heldSlot, groupId),
    bookingMarker: heldSlot && deleteBookingMarker(d, courseId, groupId, heldSlot),
    audit:
      access.isStaff &&
      auditPut(d.tableName, {
        courseId,
        actor: caller.email,
        action: change.empty ? 'group.delete' : 'group.remove-member',
        target: groupId,
        before: { members: group.members, paperId: group.paperId ?? null },
        after: change.empty ? null : { members: next.members, paperId: next.paperId ?? null },
        at: now,
        ...(reason ? { reason } : {}),
      }),
  };
  // The names (one BatchGet, as before) and both mails come before anything is written.
  const nameMap = namesOf((await withRosterEntries(d, courseId, roster, next.members)).values());
  const who = `${nameMap.get(email) ?? email} <${email}>`;
  const by = access.isStaff ? caller.email : undefined;
  const toGroup = change.empty
    ? undefined
    : groupChangeMail(
        access.course,
        next,
        by ? 'A member was removed from your group' : 'A member left your group',
        {
          now,
          names: nameMap,
          details: [
            by
              ? `${who} was removed by ${by} (instructor)${reason ? `: ${reason}` : ''}.`
              : `${who} left the group.`,
          ],
        },
      );
  const toMember = memberRemovedMail(access.course, email, group, {
    ...(by ? { by } : {}),
    ...(reason && by ? { reason } : {}),
    deleted: change.empty,
  });
  // Both mails go in the outbox, in the same transaction as the change.
  const items = {
    ...changes,
    ...namedEach(
      'outbox',
      groupOutboxPuts(
        d,
        now,
        Object.values(changes).filter(Boolean).length,
        { mail: toGroup, key: groupMailKey(groupId, next.version) },
        { mail: toMember, key: groupMailKey(groupId, next.version, 'removed') },
      ),
    ),
  };
  await runGroupTransaction(d, items, (failed) => {
    if (failed.has('leave'))
      return new Conflict(`${email} is no longer in group ${groupId}`, 'stale_version');
    if (failed.has('group')) return staleGroup(groupId);
    return new Conflict('The member could not be removed; try again', 'try_again');
  });

  return {
    groupId,
    removed: email,
    deleted: change.empty,
    group: change.empty ? null : groupView(access.course, next, nameMap, now),
  };
};
