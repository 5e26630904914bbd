import { allocateAtDeadline } from '../allocation/allocate-at-deadline.js';
import type { Caller } from '../auth/caller.js';
import { describeInZone } from '../domain/local-time.js';
import { AppError } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { log } from '../runtime/log.js';
import { putBooking } from '../slots/put-booking.js';
import type { DueRecord } from '../store/due-repo.js';
import type { PresentationMode } from '../domain/course-config.js';
import {
  bookedGroups,
  loadCourseSnapshot,
  names,
  ownersWithAccepted,
  type CourseSnapshot,
} from './course-snapshot.js';
import type { EntryOutcome } from './job-history.js';
import type { PlannedNotice } from './plan-reminders.js';
import { deliver } from './send-once.js';

/** Who acts when the scheduler changes something: recorded as the actor in the audit log. */
export const SCHEDULER: Caller = { email: 'scheduler@examdesk', groups: ['admins'], isAdmin: true };

const toInstructors = (s: CourseSnapshot, subject: string, lines: string[]): PlannedNotice[] =>
  s.course.config.instructors.map((recipient) => ({
    recipient,
    mail: { subject: `[${s.course.config.title}] ${subject}`, text: lines.join('\n') },
  }));

const groupsSummary = (s: CourseSnapshot, when: string, allocation: string[] = []): PlannedNotice[] => {
  const { minSize } = s.course.config.groups;
  const alone = s.students.filter((x) => !x.groupId);
  const incomplete = s.groups.filter((g) => g.members.length < minSize);
  return toInstructors(
    s,
    `Groups closed ${when}: ${alone.length} without a group, ${incomplete.length} incomplete`,
    [
      `Groups closed ${when}. ${s.groups.length} group(s) formed.`,
      '',
      `Students in no group (${alone.length}):`,
      ...(alone.length ? alone.map((x) => `  - ${x.name} <${x.email}>`) : ['  none']),
      '',
      `Incomplete groups, fewer than ${minSize} members (${incomplete.length}):`,
      ...(incomplete.length
        ? incomplete.map((g) => `  - ${g.groupId}: ${g.members.join(', ')}`)
        : ['  none']),
      '',
      ...(allocation.length ? [...allocation, ''] : []),
      alone.length
        ? `To place the students left over into groups with room (or new groups): POST /courses/${s.course.courseId}/groups/place-unassigned`
        : 'Nothing to do.',
    ],
  );
};

const deliverableSummary = (s: CourseSnapshot, deliverableId: string, when: string): PlannedNotice[] => {
  const deliverable = s.course.config.deliverables.find((x) => x.id === deliverableId);
  if (!deliverable) return [];
  const accepted = ownersWithAccepted(s, deliverableId);
  const who = names(s);
  const missing =
    deliverable.owner === 'student'
      ? s.students.filter((x) => !accepted.has(x.email)).map((x) => `${x.name} <${x.email}>`)
      : s.groups
          .filter((g) => !accepted.has(g.groupId))
          .map((g) => `${g.groupId} (${g.members.map((m) => who.get(m) ?? m).join(', ')})`);
  const late = s.submissions
    .filter((x) => x.deliverableId === deliverableId && x.late)
    .map(
      (x) =>
        `${x.ownerId}: ${x.fileName}, received ${describeInZone(new Date(x.receivedAt), s.course.config.timeZone)} (${x.status})`,
    );
  return toInstructors(
    s,
    `${deliverable.title} closed ${when}: ${missing.length} missing, ${late.length} late`,
    [
      `${deliverable.title} was due ${when}.`,
      '',
      `Nothing accepted (${missing.length}):`,
      ...(missing.length ? missing.map((m) => `  - ${m}`) : ['  none']),
      '',
      `Late submissions, kept and marked (${late.length}):`,
      ...(late.length ? late.map((m) => `  - ${m}`) : ['  none']),
      '',
      `Details: GET /courses/${s.course.courseId}/deliverables/${deliverableId}/submissions`,
    ],
  );
};

/** Free slots in time order, and the groups without one in creation order: the same input gives the same schedule. */
const assignSlots = async (d: Deps, s: CourseSnapshot) => {
  const booked = bookedGroups(s);
  const waiting = s.groups
    .filter((g) => !booked.has(g.groupId) && g.members.length > 0)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.groupId.localeCompare(b.groupId));
  const free = s.slots.filter((x) => !x.groupId).sort((a, b) => a.start.localeCompare(b.start));
  const preferred = new Map(s.bookings.map((b) => [b.groupId, b.mode] as const));
  const actions: string[] = [];
  let unplaced = 0;
  for (const group of waiting) {
    const wish = preferred.get(group.groupId);
    // The group's earlier mode if a slot offers it, else in person where offered.
    const pick =
      free.find((x) => wish && x.modes.includes(wish)) ??
      free.find((x) => x.modes.includes('in-person')) ??
      free[0];
    if (!pick) {
      // Final, not retried: the instructors see it in the schedule and add slots or assign by hand.
      actions.push(`no free slot left for ${group.groupId}`);
      continue;
    }
    const mode: PresentationMode =
      wish && pick.modes.includes(wish)
        ? wish
        : pick.modes.includes('in-person')
          ? 'in-person'
          : pick.modes[0]!;
    try {
      await putBooking(d, s.course.courseId, group.groupId, SCHEDULER, {
        slotId: pick.slotId,
        mode,
        reason: 'Booking closed: a free slot was assigned automatically to a group without one',
      });
      free.splice(free.indexOf(pick), 1);
      actions.push(`assigned ${group.groupId} to ${pick.slotId} (${mode})`);
    } catch (error) {
      // Someone booked meanwhile, or the slot went: leave it for the next run rather than guess.
      // An invite that cannot be built fails putBooking before anything is written: the same.
      unplaced += 1;
      actions.push(
        `could not assign ${group.groupId}: ${error instanceof AppError ? error.message : String(error)}`,
      );
      if (!(error instanceof AppError))
        log.error('slot assignment failed', { groupId: group.groupId, error });
    }
  }
  return { actions, unplaced };
};

const finalSchedule = (s: CourseSnapshot, when: string, assignments: string[]): PlannedNotice[] => {
  const zone = s.course.config.timeZone;
  const groupOf = new Map(s.groups.map((g) => [g.groupId, g]));
  const rows = s.slots
    .filter((x) => x.groupId)
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((x) => {
      const g = groupOf.get(x.groupId ?? '');
      return `  - ${describeInZone(new Date(x.start), zone)} ${x.room ? `(${x.room}) ` : ''}${x.mode ?? ''}: ${x.groupId} — ${g?.members.join(', ') ?? ''}`;
    });
  return toInstructors(s, `Presentation schedule (booking closed ${when})`, [
    `Booking closed ${when}. The schedule:`,
    ...(rows.length ? rows : ['  no presentations booked']),
    '',
    `Done automatically at closing (${assignments.length}):`,
    ...(assignments.length ? assignments.map((a) => `  - ${a}`) : ['  none']),
  ]);
};

/**
 * What happens when a deadline passes. Summaries go to the instructors once (queued in the outbox,
 * keyed by the notice); at
 * booking close, groups without a slot get one. An entry stays due while anything is left to retry.
 */
export const enforce = async (
  d: Deps,
  s: CourseSnapshot,
  entry: DueRecord,
  deadlineAt: Date,
): Promise<EntryOutcome> => {
  const when = describeInZone(deadlineAt, s.course.config.timeZone);
  const base = { key: entry.key, deadlineKey: entry.deadlineKey };
  let planned: PlannedNotice[] = [];
  let actions: string[] = [];
  let unfinished = 0;
  if (entry.deadlineKey === 'groups') {
    // Groups without a paper get one first; the summary (with the satisfaction report) waits for them.
    const allocated = await allocateAtDeadline(d, s, SCHEDULER.email);
    actions = allocated.actions;
    unfinished = allocated.unfinished;
    if (!unfinished) planned = groupsSummary(s, when, allocated.summary);
  } else if (entry.deadlineKey.startsWith('deliverable:'))
    planned = deliverableSummary(s, entry.deadlineKey.slice('deliverable:'.length), when);
  else if (entry.deadlineKey === 'booking-closes') {
    const assigned = await assignSlots(d, s);
    actions = assigned.actions;
    unfinished = assigned.unplaced;
    // The schedule mail waits until every group that can have a slot has one.
    if (!unfinished) {
      const after = (await loadCourseSnapshot(d, s.course.courseId)) ?? s;
      planned = finalSchedule(after, when, actions);
    }
  }
  const tally = await deliver(d, s.course.courseId, entry.key, planned, 'deadline-summary');
  return {
    ...base,
    ...tally,
    actions,
    done: tally.busy === 0 && tally.failed === 0 && unfinished === 0,
  };
};
