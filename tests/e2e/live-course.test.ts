import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { seedLiveCourse } from '../../local/seed-demo.js';
import { demoCourse, demoRosterCsv } from '../../shared/demo/demo-course.js';
import { LIVE_COURSE_ID, liveCourse } from '../../shared/demo/live-course.js';
import { localToInstant } from '../../shared/domain/local-time.js';
import { depsAt } from '../../shared/runtime/deps.js';
import { Api } from '../support/api.js';
import { ADMIN } from '../support/course-fixture.js';
import { stackDeps } from '../support/stack-deps.js';
import { formGroupWithConsent } from '../support/group-formation.js';

const api = new Api();
const admin = api.as(ADMIN, { groups: ['admins'] });
const base = stackDeps();
const DAY = 24 * 3600_000;
const MEMBERS = [
  'ines.garcia@students.example',
  'lucas.martin@students.example',
  'chloe.bernard@students.example',
];

const groupDeadline = (config: { groups: { deadline: string }; timeZone: string }) =>
  localToInstant(config.groups.deadline, config.timeZone).getTime();

describe('the live demo course', () => {
  it('is seeded with groups open today, the demo roster and no clock to move', async () => {
    const res = await admin.get(`/courses/${LIVE_COURSE_ID}`);
    expect(res.status).toBe(200);
    expect(groupDeadline(res.body.config)).toBeGreaterThan(Date.now());
    expect(res.body.config.papers).toEqual(demoCourse.papers);
    const me = await api.as(MEMBERS[0]).get(`/courses/${LIVE_COURSE_ID}/me`);
    expect(me.status).toBe(200);
  });

  it('a demo student forms a group now (no x-examdesk-now) in a copy made with liveCourse(now)', async () => {
    const courseId = `live-${randomUUID().slice(0, 8)}`;
    const put = await admin.put(`/courses/${courseId}`, { ...liveCourse(DateTime.now()) });
    expect(put.status).toBe(201);
    const roster = await admin.put(`/courses/${courseId}/roster`, demoRosterCsv, {
      'content-type': 'text/csv',
    });
    expect(roster.status).toBe(200);
    const group = await formGroupWithConsent(api, courseId, [...MEMBERS], { paperId: 'ddim' });
    expect(group.status).toBe('complete');
  });

  it('a newcomer can book at once: the seed lays out weekday slots 6–7 weeks out and booking is open', async () => {
    const courseId = `live-${randomUUID().slice(0, 8)}`;
    expect(await seedLiveCourse(depsAt(new Date(), { fixed: false }, base), courseId)).toBe('created');
    const student = api.as(MEMBERS[0]);
    const formed = { body: await formGroupWithConsent(api, courseId, [...MEMBERS], { paperId: 'ddim' }) };
    const slots = await student.get(`/courses/${courseId}/slots`);
    expect(slots.status).toBe(200);
    expect(slots.body.length).toBeGreaterThanOrEqual(20);
    const first = slots.body[0];
    expect(new Date(first.start).getTime()).toBeGreaterThan(Date.now() + 41 * DAY);
    const booked = await student.put(`/courses/${courseId}/groups/${formed.body.groupId}/booking`, {
      slotId: first.slotId,
      mode: 'remote',
    });
    expect(booked.status).toBe(201);
  });

  it('the seed creates it, keeps it while groups are open, re-dates it idle, keeps it once used', async () => {
    const courseId = `live-${randomUUID().slice(0, 8)}`;
    const start = Date.now();
    const at = (ms: number) => depsAt(new Date(ms), { fixed: true }, base);
    expect(await seedLiveCourse(at(start), courseId)).toBe('created');
    expect(await seedLiveCourse(at(start + DAY), courseId)).toBe('kept');

    const later = start + 9 * DAY;
    expect(await seedLiveCourse(at(later), courseId)).toBe('redated');
    const redated = await admin.get(`/courses/${courseId}`);
    expect(redated.body.version).toBe(2);
    expect(groupDeadline(redated.body.config)).toBeGreaterThan(later);

    const now = new Date(later).toISOString();
    const formed = await formGroupWithConsent(api, courseId, [...MEMBERS], { paperId: 'ddim', at: now });
    expect(formed.members).toHaveLength(MEMBERS.length);

    expect(await seedLiveCourse(at(later + 30 * DAY), courseId)).toBe('kept');
    const kept = await admin.get(`/courses/${courseId}`);
    expect(kept.body.version).toBe(2);
    expect(kept.body.config).toEqual(redated.body.config);
  });
});
