import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { describeInZone } from '../domain/local-time.js';
import { bookingTimes, changeDeadline } from '../domain/slot-rules.js';
import type { CourseRecord } from '../store/course-repo.js';
import type { BookingRecord } from '../store/slot-repo.js';
import type { GroupRecord } from '../store/group-repo.js';
import type { Deps } from '../runtime/deps.js';
import { meetingUrlFor } from './slot-view.js';
import { vtimezone } from './vtimezone.js';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** One event per group and course: moves update it, a cancel cancels it (same UID, higher SEQUENCE). */
export const bookingUid = (courseId: string, groupId: string) =>
  `presentation-${groupId}@${courseId}.examdesk`;

export interface IcsInput {
  course: CourseRecord;
  booking: BookingRecord;
  members: string[];
  /** Who sends the invite: the course contact, or the service's sender address. */
  organizer: string;
  paperTitle?: string | undefined;
}

/**
 * The group's presentation as an iCalendar object: DTSTART/DTEND carry TZID=<course zone> with a
 * VTIMEZONE, so calendars place it at the course's wall-clock hour; DTSTAMP is UTC. METHOD:REQUEST
 * while booked, METHOD:CANCEL + STATUS:CANCELLED after a cancel.
 *
 * The dates are handed to ical-generator as Luxon DateTimes in the course zone: given a JS Date it
 * would write the server's local wall time under the TZID.
 */
export const bookingIcs = ({ course, booking, members, organizer, paperTitle }: IcsInput): string => {
  const zone = course.config.timeZone;
  const cancelled = booking.status === 'cancelled';
  const meetingUrl = meetingUrlFor(course, booking.mode);
  const start = DateTime.fromISO(booking.start, { zone });
  const end = DateTime.fromISO(booking.end, { zone });
  if (!start.isValid || !end.isValid)
    throw new Error(`Booking ${booking.groupId}: invalid start/end or zone "${zone}"`);
  const until = changeDeadline(start.toJSDate(), bookingTimes(course.config));
  const cal = ical({
    prodId: { company: 'examdesk', product: 'presentations', language: 'EN' },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone: DTSTAMP stays in UTC; the generator writes the VTIMEZONE of the event
    // zone from the runtime's zone data, covering the event's years (no zone files to ship).
    timezone: { name: null, generator: (tz) => vtimezone(tz, start.toJSDate(), end.toJSDate()) },
  });
  const description = [
    `${course.config.title}: presentation of group ${booking.groupId}${paperTitle ? ` (${paperTitle})` : ''}.`,
    `Mode: ${booking.mode}${booking.mode === 'in-person' && booking.room ? `, room ${booking.room}` : ''}.`,
    ...(meetingUrl ? [`Meeting link: ${meetingUrl}`] : []),
    `Members: ${members.join(', ')}.`,
    cancelled
      ? 'This booking was cancelled.'
      : `The group may move or cancel it until ${describeInZone(until, zone)}.`,
  ].join('\n');
  cal.createEvent({
    id: bookingUid(course.courseId, booking.groupId),
    sequence: booking.sequence,
    stamp: DateTime.fromISO(booking.updatedAt, { zone: 'utc' }),
    start,
    end,
    timezone: zone,
    summary: `${cancelled ? 'Cancelled: ' : ''}Presentation — ${course.config.title}`,
    description,
    location:
      booking.mode === 'remote'
        ? (meetingUrl ?? 'Remote')
        : (booking.room ?? 'In person (room to be announced)'),
    ...(meetingUrl ? { url: meetingUrl } : {}),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: course.config.title, email: organizer },
    attendees: members.map((email) => ({
      email,
      role: ICalAttendeeRole.REQ,
      ...(cancelled ? {} : { status: ICalAttendeeStatus.ACCEPTED }),
      rsvp: false,
    })),
  });
  return cal.toString();
};

/** The group's invite as mailed and as served by GET …/booking.ics (the same event). */
export const icsFor = (
  d: Pick<Deps, 'mailFrom'>,
  course: CourseRecord,
  group: GroupRecord,
  b: BookingRecord,
) =>
  bookingIcs({
    course,
    booking: b,
    members: group.members,
    organizer: course.config.contactEmail ?? d.mailFrom,
    paperTitle: course.config.papers.find((p) => p.id === group.paperId)?.title,
  });
