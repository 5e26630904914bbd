import ICAL from 'ical.js';
import { expect } from 'vitest';
import type { MailRecord } from '../../local/local-routes.js';
import type { ApiResponse, Loose } from './api.js';
import { createCourse, type CourseFixture } from './course-fixture.js';
import { seedGroups } from './seed-groups.js';
import { stackDeps } from './stack-deps.js';

/** Inside the booking window of the demo course (3 April 09:00 – 30 April 23:59, Paris). */
export const BOOKING_OPEN = '2023-04-10T10:00:00+02:00';

export interface Group {
  groupId: string;
  members: string[];
}

export type SlotCourse = CourseFixture & { groups: Group[] };

type Overrides = NonNullable<Parameters<typeof createCourse>[0]>['overrides'];

/** Runs `tasks` with at most `limit` in flight (the machine has 2 cores; the stack shares them). */
export const pool = async <T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> => {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < tasks.length; i = next++) results[i] = await (tasks[i] as () => Promise<T>)();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
};

/** A fresh course with `groups` groups of `size` students each (written into the table). */
export const courseWithGroups = async (options: {
  groups: number;
  size?: number;
  students?: number;
  overrides?: Overrides;
}): Promise<SlotCourse> => {
  const size = options.size ?? 3;
  const c = await createCourse({
    students: options.students ?? options.groups * size + 2,
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
  // Straight into the table: these tests start once the groups exist (forming has its own tests).
  const seeded = await seedGroups(stackDeps(), {
    courseId: c.courseId,
    members: Array.from({ length: options.groups }, (_, i) => c.students.slice(i * size, i * size + size)),
    paperOf: () => 'ddim',
  });
  const groups = seeded.map(({ groupId, members }) => ({ groupId, members }));
  return { ...c, groups };
};

/** Lays out days as the course's instructor; fails the test unless 200. */
export const layOut = async (c: CourseFixture, days: Loose[], extra: Loose = {}) => {
  const res = await c.teacher.at(BOOKING_OPEN).put(`/courses/${c.courseId}/slots`, { days, ...extra });
  expect(res.status, res.text).toBe(200);
  return res.body;
};

export const bookingPath = (c: CourseFixture, groupId: string) =>
  `/courses/${c.courseId}/groups/${groupId}/booking`;

/** The .ics attached to a mail, as text. */
export const icsAttachment = (mail: MailRecord): string => {
  const a = mail.attachments.find((x) => x.filename.endsWith('.ics'));
  if (!a) throw new Error(`no .ics attached to "${mail.subject}"`);
  return Buffer.from(a.content, 'base64').toString('utf8');
};

/** Parses an iCalendar text with ical.js (registering its VTIMEZONEs, as a calendar client does). */
export const parseIcs = (text: string) => {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevent = cal.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    method: cal.getFirstPropertyValue('method'),
    status: vevent.getFirstPropertyValue('status'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    tzid: event.startDate.zone?.tzid,
    location: event.location,
    text,
  };
};

/** The DynamoDB calls the local gateway counted for one request. */
export const ddbCalls = (res: ApiResponse) => Number(res.headers.get('x-examdesk-ddb-calls') ?? NaN);
