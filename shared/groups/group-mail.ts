import { describeInZone, localToInstant } from '../domain/local-time.js';
import { sendMail } from '../mail/send-mail.js';
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

/** A mail that fails is logged, not fatal: the change is already made and visible in /me. */
const sendAll = async (
  d: Deps,
  course: CourseRecord,
  to: string[],
  subject: string,
  lines: string[],
  groupId: string | undefined,
) => {
  try {
    await Promise.all(
      [...new Set(to)].map((address) =>
        sendMail(d, {
          to: [address],
          subject: `[${course.config.title}] ${subject}`,
          text: lines.join('\n'),
        }),
      ),
    );
  } catch (error) {
    log.error('group mail failed', { courseId: course.courseId, groupId, error });
  }
};

/**
 * Tells every member what their group now is: who is in it, which paper, whether it is complete,
 * the deadline and how to leave if added by mistake. `details` say what changed and who did it.
 */
export const mailGroupChange = async (
  d: Deps,
  course: CourseRecord,
  group: GroupRecord,
  headline: string,
  options: { names?: Map<string, string>; details?: string[] } = {},
) => {
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
  await sendAll(d, course, group.members, headline, lines, group.groupId);
};

/** Tells a member who left or was removed that they are no longer in the group. */
export const mailMemberRemoved = async (
  d: Deps,
  course: CourseRecord,
  email: string,
  before: GroupRecord,
  options: { by?: string; reason?: string; deleted: boolean },
) => {
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
  await sendAll(d, course, [email], headline, lines, before.groupId);
};
