import { describeInZone, localToInstant } from '../domain/local-time.js';
import { sendMail, type Mail } from '../mail/send-mail.js';
import type { Deps } from '../runtime/deps.js';
import type { CourseRecord } from '../store/course-repo.js';
import type { GroupRecord } from '../store/group-repo.js';
import { log } from '../runtime/log.js';

const deadlineText = (course: CourseRecord) => {
  const zone = course.config.timeZone;
  return describeInZone(localToInstant(course.config.groups.deadline, zone), zone);
};

const paperText = (course: CourseRecord, paperId: string) => {
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
 * Sends mails built before the change, once it committed. A mail that fails is logged, not fatal:
 * the change is already made and visible in /me.
 */
export const sendGroupMails = async (
  d: Pick<Deps, 'ses' | 'mailFrom'>,
  ...built: (GroupMail | undefined)[]
): Promise<void> => {
  await Promise.all(
    built.map(async (m) => {
      if (!m) return;
      try {
        await Promise.all(m.mails.map((mail) => sendMail(d, mail)));
      } catch (error) {
        log.error('group mail failed', { courseId: m.courseId, groupId: m.groupId, error });
      }
    }),
  );
};

/**
 * What every member is told about their group: who is in it, which paper, whether it is complete,
 * the deadline and how to leave if added by mistake. `details` say what changed and who did it.
 * Built before the transaction (nothing is written when it cannot be built), sent after it.
 */
export const groupChangeMail = (
  course: CourseRecord,
  group: GroupRecord,
  headline: string,
  options: { names?: Map<string, string>; details?: string[] } = {},
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
    `Groups can be changed until ${deadlineText(course)}.`,
    'If you were added by mistake, leave the group before then:',
    `  DELETE /courses/${course.courseId}/groups/${group.groupId}/members/<your email>`,
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
