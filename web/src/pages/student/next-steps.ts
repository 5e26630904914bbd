import type { CourseView, MeView } from '../../api/types.js';
import { isPast } from './student-data.js';

/** One thing the student should do (or know) now, most pressing first. */
export type Step =
  | { kind: 'grades' }
  | { kind: 'invitation'; invitation: MeView['invitations'][number] }
  | { kind: 'form-group'; until: string }
  | { kind: 'groups-closed' }
  | { kind: 'complete-group'; members: number; min: number; until: string }
  | { kind: 'upload'; deliverableId: string; title: string; until: string; refused: boolean }
  | { kind: 'book'; opens: string | null; closes: string }
  | { kind: 'booked'; start: string };

const deadlineAt = (course: CourseView, key: string): string | undefined =>
  course.deadlines.find((d) => d.key === key)?.at;

/**
 * What is next, from the student's own view and the course's dates: grades once published; each
 * invitation to a group and a group while there is none (or it is below the minimum); each required upload still missing and still
 * open; a presentation slot while booking has not closed. The server enforces every rule; this only
 * picks what to point at.
 */
export const nextSteps = (me: MeView, course: CourseView, now: number = Date.now()): Step[] => {
  const steps: Step[] = [];
  if (me.grades) steps.push({ kind: 'grades' });
  const groupsClose = deadlineAt(course, 'groups');
  const groupsOpen = groupsClose !== undefined && !isPast(groupsClose, now);
  if (!me.group) {
    // Answering an invitation is the quickest way into a group: before forming one's own.
    for (const invitation of me.invitations) steps.push({ kind: 'invitation', invitation });
    steps.push(groupsOpen ? { kind: 'form-group', until: groupsClose } : { kind: 'groups-closed' });
  } else if (me.group.status === 'incomplete' && groupsOpen) {
    steps.push({
      kind: 'complete-group',
      members: me.group.size.members,
      min: me.group.size.min,
      until: groupsClose,
    });
  }
  const uploads = me.submissions
    .filter((d) => d.required && d.owner !== null && d.state === 'none' && !isPast(d.deadline, now))
    .sort((a, b) => new Date(a.deadline).getTime() - new Date(b.deadline).getTime());
  for (const d of uploads)
    steps.push({
      kind: 'upload',
      deliverableId: d.deliverableId,
      title: d.title,
      until: d.deadline,
      refused: d.versions[0]?.status === 'rejected',
    });
  const closes = deadlineAt(course, 'booking-closes');
  const opens = deadlineAt(course, 'booking-opens');
  if (me.booking) steps.push({ kind: 'booked', start: me.booking.start });
  else if (me.group && closes && !isPast(closes, now))
    steps.push({ kind: 'book', opens: opens && !isPast(opens, now) ? opens : null, closes });
  return steps;
};
