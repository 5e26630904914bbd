import { describeInZone } from '../domain/local-time.js';
import { bookingTimes, changeDeadline } from '../domain/slot-rules.js';
import { sendMail, type Mail } from '../mail/send-mail.js';
import type { Deps } from '../runtime/deps.js';
import { log } from '../runtime/log.js';
import type { CourseRecord } from '../store/course-repo.js';
import type { GroupRecord } from '../store/group-repo.js';
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
 * Sends mails built by `buildBookingMail`, after the change committed. A mail that fails is logged,
 * not fatal: the booking is already made and visible in /me and GET .../booking.ics.
 */
export const sendBookingMail = async (
  d: Pick<Deps, 'ses' | 'mailFrom'>,
  built: BookingMail,
): Promise<void> => {
  try {
    await Promise.all(built.mails.map((mail) => sendMail(d, mail)));
  } catch (error) {
    log.error('booking mail failed', { courseId: built.courseId, groupId: built.groupId, error });
  }
};
