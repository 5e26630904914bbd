import { DateTime, Duration } from 'luxon';
import type { CourseConfig } from './course-config.js';
import { courseDeadlines, type Deadline } from './deadlines.js';

export type JobKind = 'reminders' | 'enforcement';

/** One thing a scheduled job must do at an instant: remind before a deadline, or enforce it. */
export interface DueEntry {
  job: JobKind;
  /** Stable and unique in the course, and changes when the instant changes, e.g. remind:deliverable:report:P1D@2023-04-27T21:59:00.000Z */
  key: string;
  deadlineKey: string;
  /** ISO 8601 duration before the deadline, for reminders. */
  offset?: string;
  at: Date;
}

/** Deadlines that people act on: reminders go to those who have not acted, enforcement follows. */
const actionable = (c: CourseConfig, d: Deadline): boolean => {
  if (d.kind === 'booking-opens') return false;
  if (d.kind !== 'deliverable') return true;
  return c.deliverables.find((x) => `deliverable:${x.id}` === d.key)?.required ?? true;
};

/** When a deliverable stops accepting on-time work: its due time plus the grace period. */
const enforcementInstant = (c: CourseConfig, d: Deadline): Date => {
  const deliverable = c.deliverables.find((x) => `deliverable:${x.id}` === d.key);
  return new Date(d.at.getTime() + (deliverable?.graceMinutes ?? 0) * 60_000);
};

/**
 * Reminder instants are computed on the course's wall clock: "P1D before Friday 23:59" is Thursday
 * 23:59 in Paris even across a daylight-saving change; hour offsets ("PT3H") are exact durations.
 */
export const reminderInstant = (deadline: Date, offset: string, zone: string): Date =>
  DateTime.fromJSDate(deadline, { zone }).minus(Duration.fromISO(offset)).toJSDate();

export const dueEntries = (c: CourseConfig): DueEntry[] =>
  courseDeadlines(c)
    .filter((d) => actionable(c, d))
    .flatMap((d) => {
      const reminders = c.reminders.map((offset) => {
        const at = reminderInstant(d.at, offset, c.timeZone);
        return {
          job: 'reminders' as const,
          key: `remind:${d.key}:${offset}@${at.toISOString()}`,
          deadlineKey: d.key,
          offset,
          at,
        };
      });
      const at = enforcementInstant(c, d);
      return [
        ...reminders,
        { job: 'enforcement' as const, key: `enforce:${d.key}@${at.toISOString()}`, deadlineKey: d.key, at },
      ];
    });

/**
 * How far back a job looks. An entry older than this is never read again: a reminder about a
 * deadline long gone is noise, and a job's cost must not grow with everything ever stored.
 */
export const JOB_LOOKBACK_MS = 7 * 24 * 3600 * 1000;
