import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { bookingIcs, bookingUid } from '../../shared/slots/booking-ics.js';
import type { CourseRecord } from '../../shared/store/course-repo.js';
import type { BookingRecord } from '../../shared/store/slot-repo.js';

const course: CourseRecord = {
  courseId: 'genmod-2023',
  title: demoCourse.title,
  config: CourseConfig.parse(demoCourse),
  version: 1,
  updatedAt: '2023-01-01T00:00:00.000Z',
  updatedBy: 'admin@examdesk.example',
};

const booked: BookingRecord = {
  courseId: 'genmod-2023',
  groupId: 'g_abcdefghijklmnop',
  status: 'booked',
  slotId: '2023-05-15T09:00',
  eventSlotId: '2023-05-15T09:00',
  start: '2023-05-15T07:00:00.000Z',
  end: '2023-05-15T07:30:00.000Z',
  room: 'C103',
  mode: 'remote',
  sequence: 1,
  updatedAt: '2023-04-10T08:15:00.000Z',
  updatedBy: 'a@students.example',
};
const members = ['a@students.example', 'b@students.example', 'c@students.example'];

/** Parses with ical.js, registering the VTIMEZONEs the file carries (as a calendar client does). */
const parse = (text: string) => {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevent = cal.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { cal, vevent, event: new ICAL.Event(vevent) };
};

describe('the booking invite (.ics)', () => {
  it('places a 09:00 Paris slot on 15 May 2023 at 07:00Z, with TZID and a VTIMEZONE', () => {
    const text = bookingIcs({ course, booking: booked, members, organizer: 'exams@uni.example' });
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20230515T090000');
    expect(text).toContain('DTEND;TZID=Europe/Paris:20230515T093000');
    expect(text).toContain('DTSTAMP:20230410T081500Z');
    const { cal, vevent, event } = parse(text);
    expect(cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([
      'Europe/Paris',
    ]);
    expect(event.startDate.toJSDate().toISOString()).toBe('2023-05-15T07:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2023-05-15T07:30:00.000Z');
    expect(event.startDate.zone?.tzid).toBe('Europe/Paris');
    expect(event.uid).toBe(bookingUid('genmod-2023', 'g_abcdefghijklmnop'));
    expect(event.sequence).toBe(1);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // Remote: the meeting link is the location and the URL.
    expect(event.location).toBe('https://meet.example.org/genmod-2023');
    expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(
      members.map((m) => `mailto:${m}`),
    );
  });

  it('does not depend on the server time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const text = bookingIcs({ course, booking: booked, members, organizer: 'exams@uni.example' });
      expect(text).toContain('DTSTART;TZID=Europe/Paris:20230515T090000');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher SEQUENCE', () => {
    const { slotId: _s, ...rest } = booked;
    const text = bookingIcs({
      course,
      booking: { ...rest, status: 'cancelled', sequence: 2, mode: 'in-person' },
      members,
      organizer: 'exams@uni.example',
    });
    const { cal, vevent, event } = parse(text);
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.uid).toBe(bookingUid('genmod-2023', 'g_abcdefghijklmnop'));
    expect(event.sequence).toBe(2);
    expect(event.location).toBe('C103');
    expect(event.startDate.toJSDate().toISOString()).toBe('2023-05-15T07:00:00.000Z');
  });
});
