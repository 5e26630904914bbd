import { describeInZone, localToInstant } from '../domain/local-time.js';
import { sendMail } from '../mail/send-mail.js';
import type { Deps } from '../runtime/deps.js';
import type { CourseRecord } from '../store/course-repo.js';
import type { GroupRecord } from '../store/group-repo.js';
import { log } from '../runtime/log.js';

/**
 * Tells every member (and anyone just removed) what their group now is. A mail that fails is logged,
 * not fatal: the change is already made and visible in /me.
 */
export const mailGroupChange = async (
  d: Deps,
  course: CourseRecord,
  group: GroupRecord | undefined,
  headline: string,
  options: { alsoTo?: string[]; names?: Map<string, string> } = {},
) => {
  const zone = course.config.timeZone;
  const deadline = describeInZone(localToInstant(course.config.groups.deadline, zone), zone);
  const paper = group ? course.config.papers.find((p) => p.id === group.paperId) : undefined;
  const lines = group
    ? [
        headline,
        '',
        `Course: ${course.config.title}`,
        `Group: ${group.groupId}`,
        'Members:',
        ...group.members.map((m) => `  - ${options.names?.get(m) ?? m} <${m}>`),
        `Paper: ${paper ? `${paper.title} (${paper.url})` : group.paperId}`,
        group.members.length < course.config.groups.minSize
          ? `Status: incomplete — a group needs at least ${course.config.groups.minSize} members.`
          : 'Status: complete',
        '',
        `Groups can be changed until ${deadline}.`,
        'If you were added by mistake, leave the group before then:',
        `  DELETE /courses/${course.courseId}/groups/${group.groupId}/members/<your email>`,
      ]
    : [headline, '', `Course: ${course.config.title}`];
  const to = [...(group?.members ?? []), ...(options.alsoTo ?? [])];
  try {
    await Promise.all(
      to.map((address) =>
        sendMail(d, {
          to: [address],
          subject: `[${course.config.title}] ${headline}`,
          text: lines.join('\n'),
        }),
      ),
    );
  } catch (error) {
    log.error('group mail failed', { courseId: course.courseId, groupId: group?.groupId, error });
  }
};
