import { describeInZone } from '../domain/local-time.js';
import { bookingTimes, changeDeadline } from '../domain/slot-rules.js';
import { sendMail } from '../mail/send-mail.js';
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

/**
 * Tells every member of the group what happened to its presentation, with the invite (.ics) that
 * puts it in their calendar (or takes it out). A mail that fails is logged, not fatal: the booking is
 * already made and visible in /me and GET .../booking.ics.
 */
export const mailBookingChange = async (
  d: Deps,
  course: CourseRecord,
  group: GroupRecord,
  booking: BookingRecord,
  change: BookingChange,
  options: { actor?: string; reason?: string | undefined; previous?: BookingRecord | undefined } = {},
): Promise<void> => {
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
  try {
    await Promise.all(
      group.members.map((address) =>
        sendMail(d, {
          to: [address],
          subject: `[${course.config.title}] ${headlines[change]}: ${when(booking.start)}`,
          text: lines.join('\n'),
          attachments: [
            {
              fileName: 'presentation.ics',
              contentType: `${ICS_CONTENT_TYPE}; method=${method}`,
              content: ics,
            },
          ],
        }),
      ),
    );
  } catch (error) {
    log.error('booking mail failed', { courseId: course.courseId, groupId: group.groupId, error });
  }
};
