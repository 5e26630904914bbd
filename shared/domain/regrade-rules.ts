import { describeInZone, plusLocal } from './local-time.js';

/**
 * When a student may ask for a regrade (pure; the clock is passed in). The window counts calendar
 * days in the course's zone from the publication instant, so a DST change in between keeps the
 * hour: published Tuesday 10:00, 7 days → the next Tuesday 10:00 (course time), the end excluded.
 */
export const regradeWindowEnd = (publishedAt: Date, zone: string, days: number): Date =>
  plusLocal(publishedAt, zone, { days });

export interface RegradeSituation {
  /** `grading.regradeDays` of the course; undefined: the course takes no regrade requests. */
  regradeDays: number | undefined;
  zone: string;
  /** The publication that shows this student their grades; undefined while they see none. */
  publishedAt: Date | undefined;
  /** What the student sees of the component (null: no value, e.g. not in a group). */
  seenValue: number | null;
  /** The student already has a request of this component waiting for an answer. */
  open: boolean;
  now: Date;
}

export type RegradeRefusal =
  | { kind: 'disabled'; message: string }
  | { kind: 'not_published'; message: string }
  | { kind: 'window_closed'; message: string; windowEnd: Date }
  | { kind: 'no_grade'; message: string }
  | { kind: 'already_open'; message: string };

export type RegradeEligibility = { ok: true; windowEnd: Date } | ({ ok: false } & RegradeRefusal);

/** Whether a request may be made now, and if not the reason in words (checked in this order). */
export const regradeEligibility = (s: RegradeSituation): RegradeEligibility => {
  if (s.regradeDays === undefined)
    return { ok: false, kind: 'disabled', message: 'This course does not take regrade requests' };
  if (!s.publishedAt)
    return {
      ok: false,
      kind: 'not_published',
      message: 'Regrades can be requested only once your grades are published',
    };
  const windowEnd = regradeWindowEnd(s.publishedAt, s.zone, s.regradeDays);
  if (s.now.getTime() >= windowEnd.getTime())
    return {
      ok: false,
      kind: 'window_closed',
      windowEnd,
      message: `Regrade requests closed on ${describeInZone(windowEnd, s.zone)} (${s.regradeDays} days after publication)`,
    };
  if (s.seenValue === null)
    return { ok: false, kind: 'no_grade', message: 'You have no grade for this component to regrade' };
  if (s.open)
    return {
      ok: false,
      kind: 'already_open',
      message: 'You already have a regrade request of this component waiting for an answer',
    };
  return { ok: true, windowEnd };
};
