import { DateTime } from 'luxon';
import type { Deliverable } from './course-config.js';
import { LOCAL_DATE_TIME, localToInstant, resolveLocalTime } from './local-time.js';

/**
 * When a deliverable closes for one owner (a group or a student).
 *
 * - `due` is the deliverable's wall time read in the course zone (a DST change between two
 *   deadlines is the zone's business: 2023-03-20T23:59 Paris is 22:59Z, 2023-04-28T23:59 is 21:59Z).
 * - An instructor's extension moves the due time later, never earlier: the owner keeps whichever
 *   is later.
 * - `graceMinutes` is elapsed time added after that (network slowness, a slow upload), also on
 *   top of an extension.
 * - The closing instant itself is still on time (`receivedAt <= closesAt`), like the group
 *   deadline; one millisecond later is late.
 */
export interface SubmissionWindow {
  due: Date;
  graceMinutes: number;
  /** The extension's end, when the instructor granted one. */
  extendedUntil?: Date;
  /** The last instant that is on time. */
  closesAt: Date;
}

export const submissionWindow = (
  deliverable: Pick<Deliverable, 'due' | 'graceMinutes'>,
  zone: string,
  extensionUntil?: Date,
): SubmissionWindow => {
  const due = localToInstant(deliverable.due, zone);
  const graceMinutes = deliverable.graceMinutes ?? 0;
  const base = extensionUntil && extensionUntil.getTime() > due.getTime() ? extensionUntil : due;
  return {
    due,
    graceMinutes,
    ...(extensionUntil ? { extendedUntil: extensionUntil } : {}),
    closesAt: new Date(base.getTime() + graceMinutes * 60_000),
  };
};

/** On time when S3 received the file no later than the closing instant. */
export const isOnTime = (receivedAt: Date, window: SubmissionWindow): boolean =>
  receivedAt.getTime() <= window.closesAt.getTime();

/** Students may ask for an upload while the window is open (a file that then arrives late is kept, marked late). */
export const uploadsOpen = (now: Date, window: SubmissionWindow): boolean => isOnTime(now, window);

export type ExtensionUntil = { ok: true; instant: Date } | { ok: false; message: string };

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An extension's end as an instructor writes it: either course wall time (`2023-04-30T23:59`, read
 * in the course zone, like every time in the config) or an ISO instant with an offset.
 */
export const parseExtensionUntil = (text: string, zone: string): ExtensionUntil => {
  if (LOCAL_DATE_TIME.test(text)) {
    const r = resolveLocalTime(text, zone);
    if (r.ok) return { ok: true, instant: r.instant };
    return {
      ok: false,
      message:
        r.reason === 'nonexistent'
          ? `${text} does not exist in ${zone} (daylight-saving gap)`
          : `${text} is not a valid date and time`,
    };
  }
  if (ISO_WITH_OFFSET.test(text)) {
    const dt = DateTime.fromISO(text, { setZone: true });
    if (dt.isValid) return { ok: true, instant: dt.toJSDate() };
  }
  return {
    ok: false,
    message: 'expected course wall time YYYY-MM-DDTHH:mm or an ISO 8601 instant with an offset',
  };
};
