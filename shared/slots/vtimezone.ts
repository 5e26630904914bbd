import { DateTime, IANAZone } from 'luxon';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** "+0200", "-0430": an iCalendar UTC offset from minutes east of UTC. */
const utcOffset = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

/** The wall time of instant `ms` read at `offset` minutes east of UTC, as an iCalendar local DATE-TIME. */
const localStamp = (ms: number, offset: number): string =>
  DateTime.fromMillis(ms + offset * MINUTE_MS, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss");

interface Observance {
  at: number;
  from: number;
  to: number;
}

/** Every instant in [from, to) where the zone's UTC offset changes, found to the minute. */
const transitions = (zone: IANAZone, from: number, to: number): Observance[] => {
  const found: Observance[] = [];
  let before = zone.offset(from);
  for (let day = from; day < to; day += DAY_MS) {
    const next = Math.min(day + DAY_MS, to);
    const after = zone.offset(next);
    if (after === before) continue;
    // The offset changed within this day: bisect to the first minute with the new offset.
    let lo = day;
    let hi = next;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (zone.offset(mid) === before) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: before, to: zone.offset(hi) });
    before = after;
  }
  return found;
};

/**
 * A VTIMEZONE for `tzid` covering the calendar years from `start` to `end`, computed from the
 * runtime's own time zone data (Intl, through Luxon): the same data that turned the course's wall
 * time into the event's instant, so the two cannot disagree, and nothing is read from disk (Lambda
 * bundles carry no zone files). RFC 5545 lets a VTIMEZONE list only the transitions that cover the
 * events it serves, so each observance is one explicit onset (no RRULE): the first one fixes the
 * offset in force from 1 January of the start year, then one per offset change until the end of
 * the end year.
 *
 * Throws for a zone the runtime does not know: an invite without its VTIMEZONE would be wrong.
 */
export const vtimezone = (tzid: string, start: Date, end: Date = start): string => {
  const zone = IANAZone.create(tzid);
  if (!zone.isValid) throw new Error(`Unknown time zone "${tzid}": cannot write its VTIMEZONE`);
  const firstYear = DateTime.fromJSDate(start, { zone }).year;
  const lastYear = DateTime.fromJSDate(end, { zone }).year;
  // UTC bounds widened by a day so the zone's local 1 January and 31 December are inside.
  const from = Date.UTC(firstYear, 0, 1) - DAY_MS;
  const to = Date.UTC(lastYear + 1, 0, 1) + DAY_MS;
  const isDst = (ms: number) => DateTime.fromMillis(ms, { zone }).isInDST;
  const initial = zone.offset(from);
  const observances: Observance[] = [
    { at: from, from: initial, to: initial },
    ...transitions(zone, from, to),
  ];
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    ...observances.flatMap((o) => {
      const kind = isDst(o.at) ? 'DAYLIGHT' : 'STANDARD';
      return [
        `BEGIN:${kind}`,
        // DTSTART is the local time of the onset as read before it (TZOFFSETFROM).
        `DTSTART:${localStamp(o.at, o.from)}`,
        `TZOFFSETFROM:${utcOffset(o.from)}`,
        `TZOFFSETTO:${utcOffset(o.to)}`,
        `END:${kind}`,
      ];
    }),
    'END:VTIMEZONE',
  ];
  return `${lines.join('\r\n')}\r\n`;
};
