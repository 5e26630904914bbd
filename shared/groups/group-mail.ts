import { describeInZone, localToInstant } from '../domain/local-time.js';
import { intentsFor, outboxPut, type MailIntent } from '../mail/outbox.js';
import type { Mail } from '../mail/send-mail.js';
import type { Deps } from '../runtime/deps.js';
import type { CourseRecord } from '../store/course-repo.js';
import type { GroupRecord } from '../store/group-repo.js';
import type { TransactItem } from '../store/table-ops.js';
import { namedEach } from '../store/transactions.js';

/** DynamoDB takes at most 100 items in one TransactWriteItems. */
export const TRANSACTION_LIMIT = 100;

const deadlineText = (course: CourseRecord) => {
  const zone = course.config.timeZone;
  return describeInZone(localToInstant(course.config.groups.deadline, zone), zone);
};

/** Until the group deadline students change groups themselves; after it only instructors do. */
const changeLines = (course: CourseRecord, now: Date, ifAddedByMistake: boolean): string[] =>
  now < localToInstant(course.config.groups.deadline, course.config.timeZone)
    ? [
        `Groups can be changed until ${deadlineText(course)}.`,
        ...(ifAddedByMistake
          ? [
              'If you were added by mistake, leave the group before then: open the course in examdesk, Group page, Leave.',
            ]
          : []),
      ]
    : [
        `The group deadline passed on ${deadlineText(course)}: from now on only your instructors change groups.`,
        ...(ifAddedByMistake ? ['If this is a mistake, write to your instructors.'] : []),
      ];

const paperText = (course: CourseRecord, paperId: string | undefined) => {
  if (!paperId)
    return course.config.groups.paperChoice === 'ranked'
      ? 'none yet: papers are allocated from your group’s ranking at the group deadline'
      : 'none yet: choose one before the group deadline, or one with seats left is given to you then';
  const paper = course.config.papers.find((p) => p.id === paperId);
  return paper ? `${paper.title} (${paper.url})` : paperId;
};

/** Mails about one group, built and ready to send (one per recipient). */
export interface GroupMail {
  courseId: string;
  groupId: string | undefined;
  mails: Mail[];
}

const build = (
  course: CourseRecord,
  to: string[],
  subject: string,
  lines: string[],
  groupId: string | undefined,
): GroupMail => ({
  courseId: course.courseId,
  groupId,
  mails: [...new Set(to)].map((address) => ({
    to: [address],
    subject: `[${course.config.title}] ${subject}`,
    text: lines.join('\n'),
  })),
});

/**
 * Folds intents of the same text into shared ones (several recipients each) until at most `room`
 * are left. One intent per recipient is preferred (a failure concerns one person); only a change
 * that would not fit in one transaction otherwise (a group near the 50-member limit, joined by
 * many at once) shares them.
 */
const fitIntents = (intents: MailIntent[], room: number): MailIntent[] => {
  if (intents.length <= room) return intents;
  const per = Math.ceil(intents.length / Math.max(1, room));
  const folded: MailIntent[] = [];
  for (const intent of intents) {
    const last = folded.at(-1);
    if (last && last.to.length < per && last.subject === intent.subject && last.text === intent.text)
      last.to = [...last.to, ...intent.to];
    else folded.push({ ...intent });
  }
  if (folded.length > room)
    throw new Error(`${intents.length} group mails do not fit in the ${room} items left in the transaction`);
  return folded;
};

/**
 * The outbox Puts of mails built before the change, for the change's own transaction: recorded
 * with it, sent by the outbox sender (so an SES failure after the commit loses nothing). Each part
 * is keyed by `key` (e.g. `group#<groupId>#v<version>`, one per change) and the recipient, so a
 * change's mails are recorded once. `used` counts the transaction's other items: the mails take at
 * most what is left of DynamoDB's 100.
 */
export const groupOutboxPuts = (
  d: Pick<Deps, 'tableName'>,
  now: Date,
  used: number,
  ...parts: { mail: GroupMail | undefined; key: string }[]
): TransactItem[] => {
  const built = parts.filter((p): p is { mail: GroupMail; key: string } => !!p.mail);
  let left = TRANSACTION_LIMIT - used;
  return built.flatMap((p, i) => {
    // Each later part keeps at least one item for itself.
    const intents = fitIntents(
      intentsFor(p.mail.courseId, 'group', p.key, p.mail.mails),
      left - (built.length - 1 - i),
    );
    left -= intents.length;
    return intents.map((intent) => outboxPut(d, intent, now));
  });
};

/**
 * The change's named transaction entries followed by its mails (`outbox:<i>`), fitted into what
 * the change leaves of the 100 items. Entries whose item is `false` (not written) count for nothing.
 */
export const withGroupMails = <E extends readonly [string, TransactItem | false | undefined]>(
  d: Pick<Deps, 'tableName'>,
  now: Date,
  changes: readonly E[],
  ...parts: { mail: GroupMail | undefined; key: string }[]
) => [
  ...changes,
  ...Object.entries(
    namedEach('outbox', groupOutboxPuts(d, now, changes.filter(([, item]) => item).length, ...parts)),
  ),
];

/** The outbox key of the mails of one group change: the group's version after it. */
export const groupMailKey = (groupId: string, version: number, part?: string): string =>
  `group#${groupId}#v${version}${part ? `#${part}` : ''}`;

/**
 * What every member is told about their group: who is in it, which paper, whether it is complete,
 * the deadline and how to leave if added by mistake. `details` say what changed and who did it.
 * Built before the transaction (nothing is written when it cannot be built), put in the outbox by it.
 */
export const groupChangeMail = (
  course: CourseRecord,
  group: GroupRecord,
  headline: string,
  options: { now: Date; names?: Map<string, string>; details?: string[] },
): GroupMail => {
  const { minSize } = course.config.groups;
  const lines = [
    headline,
    ...(options.details?.length ? ['', ...options.details] : []),
    '',
    `Course: ${course.config.title}`,
    `Group: ${group.groupId}`,
    'Members:',
    ...group.members.map((m) => `  - ${options.names?.get(m) ?? m} <${m}>`),
    `Paper: ${paperText(course, group.paperId)}`,
    group.members.length < minSize
      ? `Status: incomplete — a group needs at least ${minSize} members.`
      : 'Status: complete',
    '',
    ...changeLines(course, options.now, true),
  ];
  return build(course, group.members, headline, lines, group.groupId);
};

/** What a member who left or was removed is told: they are no longer in the group. */
export const memberRemovedMail = (
  course: CourseRecord,
  email: string,
  before: GroupRecord,
  options: { by?: string; reason?: string; deleted: boolean },
): GroupMail => {
  const headline = options.by ? `You were removed from your group by ${options.by}` : 'You left your group';
  const lines = [
    headline,
    ...(options.reason ? [`Reason: ${options.reason}`] : []),
    '',
    `Course: ${course.config.title}`,
    `Group: ${before.groupId}${options.deleted ? ' (now empty, so it was deleted)' : ''}`,
    `Paper: ${paperText(course, before.paperId)}`,
    '',
    `You are now in no group. Groups can be formed or joined until ${deadlineText(course)}.`,
  ];
  return build(course, [email], headline, lines, before.groupId);
};

const memberLines = (group: GroupRecord, names: Map<string, string> | undefined) =>
  group.members.map((m) => `  - ${names?.get(m) ?? m} <${m}>`);

/** What an invited classmate is told: who invites them, to what, and that nothing happens unless they accept. */
export const invitationMail = (
  course: CourseRecord,
  group: GroupRecord,
  invitees: string[],
  options: { inviter: string; names?: Map<string, string> },
): GroupMail => {
  const inviter = `${options.names?.get(options.inviter) ?? options.inviter} <${options.inviter}>`;
  const headline = `${inviter} invites you to join their group`;
  const lines = [
    headline,
    '',
    `Course: ${course.config.title}`,
    `Group: ${group.groupId}`,
    'Members so far:',
    ...memberLines(group, options.names),
    `Paper: ${paperText(course, group.paperId)}`,
    '',
    'You are not in this group unless you accept. Open the course in examdesk to accept or decline.',
    'Accepting withdraws any other invitation you have; a group has at most ' +
      `${course.config.groups.maxSize} members, so an invitation cannot be accepted once the group is full.`,
    `The invitation lapses at the group deadline: ${deadlineText(course)}.`,
  ];
  return build(course, invitees, headline, lines, group.groupId);
};

/** What the members are told when an invitation ends without a new member: declined, withdrawn, or taken elsewhere. */
export const invitationEndedMail = (
  course: CourseRecord,
  group: GroupRecord,
  to: string[],
  headline: string,
  details: string[],
  now: Date,
): GroupMail =>
  build(
    course,
    to,
    headline,
    [
      headline,
      ...(details.length ? ['', ...details] : []),
      '',
      `Course: ${course.config.title}`,
      `Group: ${group.groupId}`,
      'Members:',
      ...memberLines(group, undefined),
      '',
      ...changeLines(course, now, false),
    ],
    group.groupId,
  );
