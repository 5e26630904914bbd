import { describeInZone } from '../domain/local-time.js';
import { bookingTimes, changeDeadline } from '../domain/slot-rules.js';
import { intentsFor, outboxPut } from '../mail/outbox.js';
import type { Mail } from '../mail/send-mail.js';
import type { Deps } from '../runtime/deps.js';
import type { CourseRecord } from '../store/course-repo.js';
import type { GroupRecord } from '../store/group-repo.js';
import type { TransactItem } from '../store/table-ops.js';
import type { BookingRecord } from '../store/slot-repo.js';
import { icsFor, ICS_CONTENT_TYPE } from './booking-ics.js';
import { meetingUrlFor } from './slot-view.js';

export type BookingChange = 'booked' | 'moved' | 'cancelled' | 'released' | 'updated';

const headlines: Record<BookingChange, string> = {
  booked: 'Presentation booked',
  moved: 'Presentation moved',
  cancelled: 'Presentation cancelled',
  released: 'Presentation slot withdrawn',
  updated: 'Presentation details changed',
};

/** The mails of one booking change, built and ready to send: one per member. */
export interface BookingMail {
  courseId: string;
  groupId: string;
  /** The booking marker's SEQUENCE after the change: one per change, so it keys the mails once. */
  sequence: number;
  change: BookingChange;
  mails: Mail[];
}

/**
 * Builds what every member of the group is told about its presentation, with the invite (.ics) that
 * puts it in their calendar (or takes it out). Call it BEFORE the transaction that makes the change:
 * an invite that cannot be built (unknown zone, bad data) then fails the request with nothing
 * written, instead of a 500 after the change committed.
 */
export const buildBookingMail = (
  d: Pick<Deps, 'mailFrom'>,
  course: CourseRecord,
  group: GroupRecord,
  booking: BookingRecord,
  change: BookingChange,
  options: { actor?: string; reason?: string | undefined; previous?: BookingRecord | undefined } = {},
): BookingMail => {
  const zone = course.config.timeZone;
  const when = (iso: string) => describeInZone(new Date(iso), zone);
  const meetingUrl = meetingUrlFor(course, booking.mode);
  const until = changeDeadline(new Date(booking.start), bookingTimes(course.config));
  const slot = `${when(booking.start)}, ${course.config.presentations.slotMinutes} minutes`;
  const lines = [
    `${headlines[change]}.`,
    '',
    `Course: ${course.config.title}`,
    `Group: ${group.groupId}`,
    ...(options.previous && change === 'moved' ? [`Was: ${when(options.previous.start)}`] : []),
    `${booking.status === 'cancelled' ? 'Cancelled slot' : 'Slot'}: ${slot}`,
    `Mode: ${booking.mode}`,
    ...(booking.mode === 'in-person' ? [`Room: ${booking.room ?? 'to be announced'}`] : []),
    ...(meetingUrl ? [`Meeting link: ${meetingUrl}`] : []),
    ...(options.actor ? [`Changed by: ${options.actor}`] : []),
    ...(options.reason ? [`Reason: ${options.reason}`] : []),
    '',
    booking.status === 'cancelled'
      ? 'Your group has no presentation slot now; book another one while booking is open.'
      : `Your group can move or cancel it until ${describeInZone(until, zone)}.`,
    'The attached invitation updates your calendar.',
  ];
  const ics = icsFor(d, course, group, booking);
  const method = booking.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const subject = `[${course.config.title}] ${headlines[change]}: ${when(booking.start)}`;
  const text = lines.join('\n');
  return {
    courseId: course.courseId,
    groupId: group.groupId,
    sequence: booking.sequence,
    change,
    mails: group.members.map((address) => ({
      to: [address],
      subject,
      text,
      attachments: [
        {
          fileName: 'presentation.ics',
          contentType: `${ICS_CONTENT_TYPE}; method=${method}`,
          content: ics,
        },
      ],
    })),
  };
};

/**
 * The outbox Puts of mails built by `buildBookingMail` (one per member), for the transaction that
 * makes the change: the mails are recorded with it and sent by the outbox sender, so an SES failure
 * after the commit loses nothing. Keyed by group and SEQUENCE, each change's mails are recorded once.
 */
export const bookingOutboxPuts = (
  d: Pick<Deps, 'tableName'>,
  built: BookingMail,
  now: Date,
): TransactItem[] =>
  intentsFor(built.courseId, 'booking', `booking#${built.groupId}#${built.sequence}`, built.mails).map(
    (intent) => outboxPut(d, intent, now),
  );
