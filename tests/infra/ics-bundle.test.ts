import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { demoCourse } from '../../shared/demo/demo-course.js';
import type { CourseRecord } from '../../shared/store/course-repo.js';
import type { BookingRecord } from '../../shared/store/slot-repo.js';
import { icsFromIsolatedBundle } from '../support/isolated-ics-check.js';

const courseIn = (timeZone: string): CourseRecord => ({
  courseId: 'genmod-2023',
  title: demoCourse.title,
  config: CourseConfig.parse({ ...demoCourse, timeZone }),
  version: 1,
  updatedAt: '2023-01-01T00:00:00.000Z',
  updatedBy: 'admin@examdesk.example',
});

const bookingAt = (start: DateTime): BookingRecord => ({
  courseId: 'genmod-2023',
  groupId: 'g_abcdefghijklmnop',
  status: 'booked',
  slotId: start.toFormat("yyyy-MM-dd'T'HH:mm"),
  eventSlotId: start.toFormat("yyyy-MM-dd'T'HH:mm"),
  start: start.toUTC().toISO()!,
  end: start.plus({ minutes: 30 }).toUTC().toISO()!,
  room: 'C103',
  mode: 'in-person',
  sequence: 0,
  updatedAt: '2023-04-10T08:15:00.000Z',
  updatedBy: 'a@students.example',
});

describe('the booking invite from a Lambda bundle (no node_modules, no zone files)', () => {
  it.each([
    ['Europe/Paris', '2023-05-15T09:00'],
    ['America/New_York', '2023-11-06T09:00'],
    ['Australia/Sydney', '2023-05-15T09:00'],
  ])(
    '%s: carries the VTIMEZONE named by DTSTART, and ical.js reads the course wall time',
    async (zone, wall) => {
      const start = DateTime.fromISO(wall, { zone });
      const text = await icsFromIsolatedBundle({
        course: courseIn(zone),
        booking: bookingAt(start),
        members: ['a@students.example'],
        organizer: 'exams@uni.example',
      });
      expect(text).toContain('BEGIN:VTIMEZONE');
      const dtstartTzid = /^DTSTART;TZID=([^:]+):/m.exec(text)?.[1];
      const vtimezoneTzid = /BEGIN:VTIMEZONE\r?\nTZID:([^\r\n]+)/.exec(text)?.[1];
      expect(dtstartTzid).toBe(zone);
      expect(vtimezoneTzid).toBe(dtstartTzid);

      const cal = new ICAL.Component(ICAL.parse(text));
      for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
      const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
      expect(event.startDate.zone?.tzid).toBe(zone);
      expect(event.startDate.toJSDate().toISOString()).toBe(start.toUTC().toISO());
    },
  );
});
