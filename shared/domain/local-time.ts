import { DateTime, IANAZone } from 'luxon';

/** Course times are written as wall-clock time in the course's IANA zone. */
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const WALL_FORMAT = "yyyy-MM-dd'T'HH:mm";

export const isValidTimeZone = (zone: string): boolean => IANAZone.isValidZone(zone);

export type LocalTimeResult =
  { ok: true; instant: Date } | { ok: false; reason: 'malformed' | 'nonexistent' | 'bad-zone' };

/**
 * Turns wall time in a zone into an instant. A time skipped by a daylight-saving change does not
 * exist and is refused; a time that happens twice (autumn) resolves to its first occurrence, so a
 * deadline is never later than a reader of the wall clock could think.
 */
export const resolveLocalTime = (local: string, zone: string): LocalTimeResult => {
  if (!isValidTimeZone(zone)) return { ok: false, reason: 'bad-zone' };
  if (!LOCAL_DATE_TIME.test(local)) return { ok: false, reason: 'malformed' };
  const dt = DateTime.fromFormat(local, WALL_FORMAT, { zone });
  if (!dt.isValid) return { ok: false, reason: 'malformed' };
  if (dt.toFormat(WALL_FORMAT) !== local) return { ok: false, reason: 'nonexistent' };
  const earlier = dt.minus({ hours: 1 });
  const first = earlier.toFormat(WALL_FORMAT) === local ? earlier : dt;
  return { ok: true, instant: first.toJSDate() };
};

/** For values already validated by the course schema. */
export const localToInstant = (local: string, zone: string): Date => {
  const result = resolveLocalTime(local, zone);
  if (!result.ok) throw new RangeError(`${local} in ${zone}: ${result.reason}`);
  return result.instant;
};

/** ISO 8601 with the zone's offset, e.g. 2023-04-28T23:59:00+02:00. */
export const isoInZone = (instant: Date, zone: string): string =>
  DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true }) ?? instant.toISOString();

/** How a person reads a time in the course: "Friday 28 April 2023, 23:59 (Europe/Paris)". */
export const describeInZone = (instant: Date, zone: string): string =>
  `${DateTime.fromJSDate(instant, { zone }).setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm')} (${zone})`;

/** Wall-clock arithmetic in the zone: adding a day across a DST change keeps the hour. */
export const plusLocal = (instant: Date, zone: string, duration: { days?: number; minutes?: number }): Date =>
  DateTime.fromJSDate(instant, { zone }).plus(duration).toJSDate();
