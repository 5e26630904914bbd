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
 * Who still has something to do before a deadline, and what exactly, and where in the app to do it.
 * Nobody who has acted is reminded: students already in a group (and, in ranked courses, groups that
 * ranked or have a paper), owners with an accepted file, groups with a slot.
 */
export const planReminders = (s: CourseSnapshot, entry: DueRecord, deadlineAt: Date): PlannedNotice[] => {
  const { config } = s.course;
  const title = config.title;
  const deadline = when(s, deadlineAt);
  if (entry.deadlineKey === 'groups') {
    const ranked = config.groups.paperChoice === 'ranked';
    const alone = s.students
      .filter((st) => !st.groupId)
      .map((st) => ({
        recipient: st.email,
        mail: {
          subject: `[${title}] Reminder: you are not in a group yet (deadline ${deadline})`,
          text: [
            `Hello ${st.name},`,
            '',
            ranked
              ? `You are not in a group for "${title}" yet. Groups of ${config.groups.minSize} to ${config.groups.maxSize} must be formed, and their papers ranked, before ${deadline}.`
              : `You are not in a group for "${title}" yet. Groups of ${config.groups.minSize} to ${config.groups.maxSize} and their paper must be chosen before ${deadline}.`,
            'Open the course in examdesk, Group page: form a group and invite your classmates (they join when they accept), or accept an invitation you received.',
            `Papers: ${config.papers.map((p) => p.title).join('; ')}.`,
          ].join('\n'),
        },
      }));
    // Ranked courses: a group still without a paper that has not ranked any is allocated whatever
    // has seats left at the deadline; its members are told while ranking is still possible.
    const unranked = ranked
      ? s.groups
          .filter((g) => !g.paperId && !s.rankings.get(g.groupId)?.length)
          .flatMap((g) =>
            g.members.map((m) => ({
              recipient: m,
              mail: {
                subject: `[${title}] Reminder: your group has not ranked the papers (deadline ${deadline})`,
                text: [
                  `Your group (${g.groupId}) has not ranked the papers yet. Papers are allocated from the groups' rankings at the group deadline, ${deadline}; a group without a ranking gets a paper that still has seats.`,
                  'Open the course in examdesk, Group page: rank the papers (any member may do it for the group).',
                ].join('\n'),
              },
            })),
          )
      : [];
    return [...alone, ...unranked];
  }
  if (entry.deadlineKey.startsWith('deliverable:')) {
    const deliverableId = entry.deadlineKey.slice('deliverable:'.length);
    const deliverable = config.deliverables.find((d) => d.id === deliverableId);
    if (!deliverable) return [];
    const done = ownersWithAccepted(s, deliverableId);
    const line = (who: string) => [
      `${who} no accepted "${deliverable.title}" yet. It is due ${deadline}.`,
      `Missing: an accepted file (${deliverable.accept.join(' or ')}, at most ${Math.round(deliverable.maxBytes / 1024 / 1024)} MB${deliverable.maxPages ? `, at most ${deliverable.maxPages} pages` : ''}${deliverable.requiresContributions ? ', with a contribution statement for every member' : ''}).`,
      'Open the course in examdesk, Uploads page, to upload it.',
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
                : `Open the course in examdesk, Slots page, to book a free slot (${config.presentations.modes.join(' or ')}).`,
            ].join('\n'),
          },
        })),
      );
  }
  return [];
};
