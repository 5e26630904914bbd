import { DateTime } from 'luxon';
import type { CourseConfig, PresentationMode } from './course-config.js';
import { describeInZone, localToInstant, resolveLocalTime } from './local-time.js';

/**
 * Presentation slots without storage: cutting the instructors' day windows into slots, slot ids,
 * and the time rules a student's booking must meet. The clock is passed in.
 */

/** A slot id is the wall-clock start of the slot in the course zone: 2023-05-15T09:00. */
export const SLOT_ID = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const WALL = "yyyy-MM-dd'T'HH:mm";

export const isWellFormedSlotId = (id: string): boolean =>
  SLOT_ID.test(id) && DateTime.fromFormat(id, WALL, { zone: 'utc' }).isValid;

export const slotIdOf = (start: Date, zone: string): string =>
  DateTime.fromJSDate(start, { zone }).toFormat(WALL);

export interface DayWindow {
  date: string;
  start: string;
  end: string;
  room?: string | undefined;
  modes?: PresentationMode[] | undefined;
}

export interface SlotSpec {
  slotId: string;
  start: Date;
  end: Date;
  room: string | null;
  modes: PresentationMode[];
}

export interface LayoutProblem {
  path: string;
  message: string;
}

export interface LayoutRules {
  zone: string;
  slotMinutes: number;
  courseModes: PresentationMode[];
  /** A cap on the whole layout, so one request stays one bounded transaction. */
  maxSlots: number;
}

const hm = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat('HH:mm');

/**
 * Cuts each day window into slots of `slotMinutes`, in the course zone. Every problem is reported
 * with the path of the field at fault; nothing is cut when there is one.
 */
export const cutDays = (
  days: DayWindow[],
  rules: LayoutRules,
  at = 'body.days',
): { slots: SlotSpec[]; problems: LayoutProblem[] } => {
  const problems: LayoutProblem[] = [];
  const windows: { index: number; start: Date; end: Date; day: DayWindow }[] = [];
  days.forEach((day, i) => {
    const path = `${at}[${i}]`;
    const from = resolveLocalTime(`${day.date}T${day.start}`, rules.zone);
    const to = resolveLocalTime(`${day.date}T${day.end}`, rules.zone);
    let ok = true;
    for (const [r, field, value] of [
      [from, 'start', day.start],
      [to, 'end', day.end],
    ] as const) {
      if (r.ok) continue;
      ok = false;
      problems.push({
        path: `${path}.${field}`,
        message:
          r.reason === 'nonexistent'
            ? `${day.date} ${value} does not exist in ${rules.zone} (daylight-saving gap)`
            : `${day.date} ${value} is not a valid date and time`,
      });
    }
    (day.modes ?? []).forEach((m, j) => {
      if (!rules.courseModes.includes(m)) {
        ok = false;
        problems.push({
          path: `${path}.modes[${j}]`,
          message: `the course does not offer "${m}" (it offers ${rules.courseModes.join(', ')})`,
        });
      }
    });
    if (!from.ok || !to.ok) return;
    const minutes = (to.instant.getTime() - from.instant.getTime()) / 60_000;
    if (minutes <= 0) {
      problems.push({
        path: `${path}.end`,
        message: `end (${day.end}) must be after start (${day.start})`,
      });
      return;
    }
    if (minutes % rules.slotMinutes !== 0) {
      problems.push({
        path: `${path}.end`,
        message: `${day.start}–${day.end} is ${minutes} minutes, not a whole number of ${rules.slotMinutes}-minute slots`,
      });
      return;
    }
    if (ok) windows.push({ index: i, start: from.instant, end: to.instant, day });
  });

  const sorted = [...windows].sort((a, b) => a.start.getTime() - b.start.getTime());
  sorted.forEach((w, k) => {
    const prev = sorted[k - 1];
    if (prev && prev.end.getTime() > w.start.getTime())
      problems.push({
        path: `${at}[${w.index}]`,
        message: `${w.day.date} ${w.day.start}–${w.day.end} overlaps ${prev.day.date} ${prev.day.start}–${prev.day.end} (days[${prev.index}])`,
      });
  });

  const slots: SlotSpec[] = [];
  const seen = new Map<string, number>();
  for (const w of windows) {
    const modes = w.day.modes?.length ? [...new Set(w.day.modes)] : [...rules.courseModes];
    for (let t = w.start.getTime(); t < w.end.getTime(); t += rules.slotMinutes * 60_000) {
      const start = new Date(t);
      const slotId = slotIdOf(start, rules.zone);
      const other = seen.get(slotId);
      if (other !== undefined && other !== w.index) continue; // reported as an overlap
      if (other === w.index) {
        problems.push({
          path: `${at}[${w.index}]`,
          message: `${w.day.date} ${w.day.start}–${w.day.end} crosses a daylight-saving change: the wall time ${hm(start, rules.zone)} happens twice; lay out two windows around it`,
        });
        break;
      }
      seen.set(slotId, w.index);
      slots.push({
        slotId,
        start,
        end: new Date(t + rules.slotMinutes * 60_000),
        room: w.day.room?.trim() ? w.day.room.trim() : null,
        modes,
      });
    }
  }
  if (slots.length > rules.maxSlots)
    problems.push({
      path: at,
      message: `${slots.length} slots; at most ${rules.maxSlots} can be laid out`,
    });
  slots.sort((a, b) => a.start.getTime() - b.start.getTime());
  return { slots: problems.length ? [] : slots, problems };
};

export interface BookingTimes {
  zone: string;
  opens: Date;
  closes: Date;
  changeUntilHours: number;
}

export const bookingTimes = (c: CourseConfig): BookingTimes => ({
  zone: c.timeZone,
  opens: localToInstant(c.presentations.bookingOpens, c.timeZone),
  closes: localToInstant(c.presentations.bookingCloses, c.timeZone),
  changeUntilHours: c.presentations.changeUntilHoursBefore,
});

/** The last instant at which a booking of a slot starting at `start` may be made or changed. */
export const changeDeadline = (start: Date, t: BookingTimes): Date =>
  new Date(start.getTime() - t.changeUntilHours * 3_600_000);

export type BookingAction = 'book' | 'move' | 'cancel';

export interface TimingProblem {
  rule: 'not-open' | 'closed' | 'too-late';
  message: string;
}

/**
 * What a student may not do at `now`: book only between bookingOpens and bookingCloses; a slot only
 * while it is at least changeUntilHoursBefore away (so that it can still be changed); move and cancel
 * until changeUntilHoursBefore the held slot's start. Instructors may do any of it, with a reason.
 */
export const studentTimingProblems = (
  action: BookingAction,
  now: Date,
  t: BookingTimes,
  slots: { held?: Date; target?: Date },
): TimingProblem[] => {
  const problems: TimingProblem[] = [];
  const when = (d: Date) => describeInZone(d, t.zone);
  if ((action === 'book' || action === 'move') && now.getTime() < t.opens.getTime())
    problems.push({ rule: 'not-open', message: `Booking opens on ${when(t.opens)}` });
  if (action === 'book' && now.getTime() > t.closes.getTime())
    problems.push({ rule: 'closed', message: `Booking closed on ${when(t.closes)}` });
  if (slots.held && action !== 'book') {
    const until = changeDeadline(slots.held, t);
    if (now.getTime() > until.getTime())
      problems.push({
        rule: 'too-late',
        message: `Your slot (${when(slots.held)}) could be changed or cancelled until ${when(until)}, ${t.changeUntilHours} h before it starts`,
      });
  }
  if (slots.target && action !== 'cancel') {
    const until = changeDeadline(slots.target, t);
    if (now.getTime() > until.getTime())
      problems.push({
        rule: 'too-late',
        message: `The slot ${when(slots.target)} could be booked until ${when(until)}, ${t.changeUntilHours} h before it starts`,
      });
  }
  return problems;
};
