import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { bookingIcs, bookingUid } from '../../shared/slots/booking-ics.js';
import { vtimezone } from '../../shared/slots/vtimezone.js';
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

describe('the VTIMEZONE written into the invite', () => {
  /** The course moved to `zone`, the slot at `wall` local time there (30 minutes). */
  const inZone = (zone: string, wall: string) => {
    const start = DateTime.fromISO(wall, { zone });
    const text = bookingIcs({
      course: { ...course, config: { ...course.config, timeZone: zone } },
      booking: {
        ...booked,
        start: start.toUTC().toISO()!,
        end: start.plus({ minutes: 30 }).toUTC().toISO()!,
      },
      members,
      organizer: 'exams@uni.example',
    });
    return { text, start, ...parse(text) };
  };

  it.each([
    ['Europe/Paris', '2023-05-15T09:00'],
    ['Europe/Paris', '2023-12-20T09:00'],
    ['America/New_York', '2023-03-13T09:00'],
    ['America/New_York', '2023-11-06T09:00'],
    ['Australia/Sydney', '2023-05-15T09:00'],
    ['Australia/Sydney', '2023-12-05T17:30'],
    ['Asia/Kolkata', '2023-05-15T09:00'],
  ])('%s, %s: the event starts at the course wall time, per ical.js', (zone, wall) => {
    const { text, start, cal, event } = inZone(zone, wall);
    const zones = cal.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual([zone]);
    expect(text).toContain(`DTSTART;TZID=${zone}:${start.toFormat("yyyyMMdd'T'HHmmss")}`);
    // Resolved through the VTIMEZONE the file carries (not the server's zone data).
    expect(event.startDate.zone?.tzid).toBe(zone);
    expect(event.startDate.toJSDate().toISOString()).toBe(start.toUTC().toISO());
    expect(event.endDate.toJSDate().toISOString()).toBe(start.plus({ minutes: 30 }).toUTC().toISO());
  });

  it('a course in UTC gets UTC times (…Z), no TZID to resolve', () => {
    const { text, event } = inZone('UTC', '2023-05-15T09:00');
    expect(text).toContain('DTSTART:20230515T090000Z');
    expect(event.startDate.toJSDate().toISOString()).toBe('2023-05-15T09:00:00.000Z');
  });

  it('lists the year’s DST changes of New York and Sydney as onsets in local time', () => {
    const ny = vtimezone('America/New_York', new Date('2023-06-01T12:00:00Z'));
    expect(ny).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20230312T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nEND:DAYLIGHT',
    );
    expect(ny).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20231105T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD',
    );
    const sydney = vtimezone('Australia/Sydney', new Date('2023-06-01T12:00:00Z'));
    expect(sydney).toContain('DTSTART:20230402T030000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000');
    expect(sydney).toContain('DTSTART:20231001T020000\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100');
  });

  it('refuses a zone the runtime does not know instead of writing an invite without it', () => {
    expect(() => vtimezone('Mars/Olympus_Mons', new Date())).toThrow(/Unknown time zone/);
  });
});
