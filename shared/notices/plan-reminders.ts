import { describeInZone } from '../domain/local-time.js';
import type { DueRecord } from '../store/due-repo.js';
import type { Mail } from '../mail/send-mail.js';
import { bookedGroups, ownersWithAccepted, type CourseSnapshot } from './course-snapshot.js';

export interface PlannedNotice {
  recipient: string;
  mail: Omit<Mail, 'to'>;
}

const when = (s: CourseSnapshot, at: Date) => describeInZone(at, s.course.config.timeZone);

/**
 * Who still has something to do before a deadline, and what exactly. Nobody who has acted is
 * reminded: students already in a group, owners with an accepted file, groups with a slot.
 */
export const planReminders = (s: CourseSnapshot, entry: DueRecord, deadlineAt: Date): PlannedNotice[] => {
  const { config, courseId } = s.course;
  const title = config.title;
  const deadline = when(s, deadlineAt);
  if (entry.deadlineKey === 'groups')
    return s.students
      .filter((st) => !st.groupId)
      .map((st) => ({
        recipient: st.email,
        mail: {
          subject: `[${title}] Reminder: you are not in a group yet (deadline ${deadline})`,
          text: [
            `Hello ${st.name},`,
            '',
            `You are not in a group for "${title}" yet. Groups of ${config.groups.minSize} to ${config.groups.maxSize} and their paper must be chosen before ${deadline}.`,
            `Form your group (one member does it for all): POST /courses/${courseId}/groups with the members' emails and a paper id.`,
            `Papers: ${config.papers.map((p) => p.id).join(', ')}.`,
          ].join('\n'),
        },
      }));
  if (entry.deadlineKey.startsWith('deliverable:')) {
    const deliverableId = entry.deadlineKey.slice('deliverable:'.length);
    const deliverable = config.deliverables.find((d) => d.id === deliverableId);
    if (!deliverable) return [];
    const done = ownersWithAccepted(s, deliverableId);
    const line = (who: string) => [
      `${who} no accepted "${deliverable.title}" yet. It is due ${deadline}.`,
      `Missing: an accepted file (${deliverable.accept.join(' or ')}, at most ${Math.round(deliverable.maxBytes / 1024 / 1024)} MB${deliverable.maxPages ? `, at most ${deliverable.maxPages} pages` : ''}${deliverable.requiresContributions ? ', with a contribution statement for every member' : ''}).`,
      `Upload: POST /courses/${courseId}/deliverables/${deliverable.id}/uploads`,
    ];
    if (deliverable.owner === 'student')
      return s.students
        .filter((st) => !done.has(st.email))
        .map((st) => ({
          recipient: st.email,
          mail: {
            subject: `[${title}] Reminder: ${deliverable.title} due ${deadline}`,
            text: line('You have').join('\n'),
          },
        }));
    return s.groups
      .filter((g) => !done.has(g.groupId))
      .flatMap((g) =>
        g.members.map((m) => ({
          recipient: m,
          mail: {
            subject: `[${title}] Reminder: ${deliverable.title} due ${deadline}`,
            text: line(`Your group (${g.groupId}) has`).join('\n'),
          },
        })),
      );
  }
  if (entry.deadlineKey === 'booking-closes') {
    const booked = bookedGroups(s);
    return s.groups
      .filter((g) => !booked.has(g.groupId))
      .flatMap((g) =>
        g.members.map((m) => ({
          recipient: m,
          mail: {
            subject: `[${title}] Reminder: book your presentation slot before ${deadline}`,
            text: [
              `Your group (${g.groupId}) has no presentation slot yet. Booking closes ${deadline}; after that, groups without a slot are given one.`,
              g.members.length < config.groups.minSize
                ? `Your group has ${g.members.length} member(s): a group needs ${config.groups.minSize} to book.`
                : `Book: PUT /courses/${courseId}/groups/${g.groupId}/booking with a free slotId (GET /courses/${courseId}/slots) and a mode (${config.presentations.modes.join(' or ')}).`,
            ].join('\n'),
          },
        })),
      );
  }
  return [];
};
