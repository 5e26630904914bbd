import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStudent } from '../courses/access.js';
import { groupsOpen } from '../domain/group-rules.js';
import { Conflict, DeadlinePassed, Forbidden, NotFound } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { groupEntity, type GroupRecord } from '../store/group-repo.js';
import {
  groupAcceptUpdate,
  groupUninviteUpdate,
  rosterAcceptUpdate,
  rosterUninvitedUpdate,
} from '../store/invitation-writes.js';
import { keys } from '../store/keys.js';
import { batchGetAll } from '../store/table-ops.js';
import { describeGroupDeadline, groupDeadline, rosterOf } from './group-access.js';
import { groupChangeMail, groupMailKey, invitationEndedMail, withGroupMails } from './group-mail.js';
import { runGroupTransaction } from './group-transaction.js';
import { groupView, namesOf } from './group-view.js';
import type { GroupView } from './schemas.js';

const noInvitation = (email: string, groupId: string) =>
  new NotFound(`${email} has no open invitation to group ${groupId}`);

/**
 * The invitee accepts: they join the group and every other invitation they had is withdrawn, in
 * ONE transaction: their roster entry (joins only if in no group and still invited), this group
 * (only while it has room and still invites them: the size is checked by the write), each other
 * inviting group's `invited` set, and the mails (outbox) to the group and to the groups whose
 * invitation was withdrawn. Calls: the access BatchGet (course, caller, group), one BatchGet
 * (other inviting groups, members' names), the transaction.
 */
export const acceptInvitation = async (
  d: Deps,
  courseId: string,
  groupId: string,
  caller: Caller,
): Promise<GroupView> => {
  const groupKey = keys.group(courseId, groupId);
  const access = await loadAccess(d, courseId, caller, [groupKey]);
  const me = requireStudent(access);
  const now = d.clock.now();
  if (!groupsOpen(now, groupDeadline(access.course)))
    throw new DeadlinePassed(
      `Invitations lapsed at the group deadline (${describeGroupDeadline(access.course)}); ask an instructor to place you`,
    );
  const group = groupEntity.find(access.extras, groupKey);
  if (me.groupId === groupId) throw new Conflict(`You are already in group ${groupId}`, 'already_member');
  if (!group || !group.invited.includes(me.email) || !(me.invitedTo ?? []).includes(groupId))
    throw noInvitation(me.email, groupId);
  if (me.groupId) throw new Conflict(`You are already in a group (${me.groupId})`, 'already_in_group');
  const { maxSize } = access.course.config.groups;
  if (group.members.length >= maxSize)
    throw new Conflict(`Group ${groupId} is full (${maxSize} members)`, 'group_full');

  const others = (me.invitedTo ?? []).filter((g) => g !== groupId);
  const read = await batchGetAll(d, [
    ...others.map((g) => keys.group(courseId, g)),
    ...group.members.map((m) => keys.student(courseId, m)),
  ]);
  const withdrawn = others.flatMap((g) => groupEntity.find(read, keys.group(courseId, g)) ?? []);
  const names = namesOf([...rosterOf(read).values(), me]);
  const next: GroupRecord = {
    ...group,
    members: [...group.members, me.email],
    invited: group.invited.filter((e) => e !== me.email),
    version: group.version + 1,
    updatedAt: now.toISOString(),
  };
  const who = `${me.name} <${me.email}>`;
  const changes = [
    ['me', rosterAcceptUpdate(d, courseId, me.email, groupId)] as const,
    ['group', groupAcceptUpdate(d, courseId, groupId, me.email, maxSize, next.updatedAt)] as const,
    ...withdrawn.map(
      (g) => [`withdraw:${g.groupId}`, groupUninviteUpdate(d, courseId, g.groupId, me.email)] as const,
    ),
  ];
  // The mail keys name the accepting student: two classmates accepting at once never share one.
  const items = withGroupMails(
    d,
    now,
    changes,
    {
      mail: groupChangeMail(access.course, next, `${me.name} joined your group`, {
        now,
        names,
        details: [`${who} accepted the invitation.`],
      }),
      key: groupMailKey(groupId, next.version, `accepted-${me.email}`),
    },
    ...withdrawn.map((g) => ({
      mail: invitationEndedMail(
        access.course,
        g,
        g.members,
        `${me.name} joined another group`,
        [`${who} accepted another group’s invitation, so your invitation was withdrawn.`],
        now,
      ),
      key: groupMailKey(g.groupId, g.version, `withdrawn-${me.email}`),
    })),
  );
  await runGroupTransaction(
    d,
    items,
    (failed) => {
      if (failed.has('me'))
        return new Conflict(
          'You joined a group or your invitation was withdrawn meanwhile',
          'already_in_group',
        );
      if (failed.has('group'))
        return new Conflict(`Group ${groupId} is full or withdrew your invitation meanwhile`, 'group_full');
      return new Conflict('The invitation could not be accepted; try again', 'try_again');
    },
    { retries: 2 },
  );
  return groupView(access.course, next, names, now);
};

/**
 * An invitation ends without a new member: the invitee declines it, or a member of the group (or
 * an instructor, audited) withdraws it. Allowed at any time, also after the deadline: ending an
 * invitation never puts anyone in a group. One transaction: the group's `invited` set (if the
 * group still exists), the invitee's roster entry (if it still names the group), the mail to the
 * other side, the audit record for instructors. Calls: the access BatchGet, the transaction.
 */
export const endInvitation = async (
  d: Deps,
  courseId: string,
  groupId: string,
  invitee: string,
  caller: Caller,
): Promise<{ groupId: string; email: string; ended: 'declined' | 'withdrawn' }> => {
  const groupKey = keys.group(courseId, groupId);
  const access = await loadAccess(d, courseId, caller, [groupKey, keys.student(courseId, invitee)]);
  const group = groupEntity.find(access.extras, groupKey);
  const entry =
    rosterOf(access.extras).get(invitee) ?? (access.student?.email === invitee ? access.student : undefined);
  const declining = caller.email === invitee;
  if (!declining && !access.isStaff && !group?.members.includes(caller.email))
    throw new Forbidden(
      `Only ${invitee}, a member of group ${groupId} or an instructor may end this invitation`,
    );
  const onGroup = !!group?.invited.includes(invitee);
  const onEntry = !!entry?.invitedTo?.includes(groupId);
  if (!onGroup && !onEntry) throw noInvitation(invitee, groupId);
  const now = d.clock.now();
  const by = access.isStaff && !declining ? `${caller.email} (instructor)` : caller.email;
  const mail = !group
    ? undefined
    : declining
      ? invitationEndedMail(
          access.course,
          group,
          group.members,
          `${entry?.name ?? invitee} declined your invitation`,
          [`${entry?.name ?? invitee} <${invitee}> declined the invitation to group ${groupId}.`],
          now,
        )
      : invitationEndedMail(
          access.course,
          group,
          [invitee],
          'Your invitation to a group was withdrawn',
          [
            `Your invitation to join group ${groupId} was withdrawn by ${by}.`,
            'You are in no group because of it; you may accept another invitation or form a group.',
          ],
          now,
        );
  const ended = declining ? 'declined' : 'withdrawn';
  const changes = [
    ['group', onGroup && groupUninviteUpdate(d, courseId, groupId, invitee)] as const,
    ['entry', onEntry && rosterUninvitedUpdate(d, courseId, invitee, groupId)] as const,
    [
      'audit',
      access.isStaff &&
        !declining &&
        auditPut(d.tableName, {
          courseId,
          actor: caller.email,
          action: 'group.invitation-withdraw',
          target: groupId,
          before: { invited: invitee },
          after: null,
          at: now,
        }),
    ] as const,
  ];
  const items = withGroupMails(d, now, changes, {
    mail,
    key: groupMailKey(groupId, group?.version ?? 0, `${ended}-${invitee}-${now.getTime()}`),
  });
  await runGroupTransaction(
    d,
    items,
    () =>
      new Conflict(
        'The invitation changed meanwhile (accepted, declined or withdrawn); read it again',
        'stale_version',
      ),
    { retries: 1 },
  );
  return { groupId, email: invitee, ended };
};
