import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import type { CourseConfigInput } from '../../shared/domain/course-config.js';
import { Api } from '../support/api.js';
import { createCourse } from '../support/course-fixture.js';
import { mailFor, waitForMail } from '../support/mailbox.js';
import { formGroupWithConsent } from '../support/group-formation.js';

/**
 * The demo calendar moved to another year. Jobs act on every course due in their window, so each
 * test here lives in a year of its own and counts only its own mail.
 */
const demoInYear = (year: number): Omit<CourseConfigInput, 'instructors'> => {
  // The fixture gives each course an instructor of its own, so their mail is counted apart.
  const { instructors: _shared, ...config } = demoCourse;
  return JSON.parse(JSON.stringify(config).replaceAll('"2023-', `"${year}-`)) as Omit<
    CourseConfigInput,
    'instructors'
  >;
};

const api = new Api();
const runJob = (job: string, now: string) =>
  api.request('POST', `/_local/run/${job}`, undefined, { 'x-examdesk-now': now });

/**
 * The reminders `email` got about `about`, once at least `atLeast` are there (or after 5 s): the
 * jobs queue their mail in the outbox, sent a moment after the run (0: read after a short pause,
 * to see that nothing more came).
 */
const reminders = async (email: string, about: string, atLeast = 1) => {
  const isIt = (m: { subject: string }) => m.subject.includes('Reminder') && m.subject.includes(about);
  if (atLeast === 0) await new Promise((r) => setTimeout(r, 1000));
  const deadline = Date.now() + 5000;
  for (;;) {
    const found = (await mailFor(email)).filter(isIt);
    if (found.length >= atLeast || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('deadline reminders', () => {
  it('reminds only students in no group, once, one day before the group deadline', async () => {
    const config = demoInYear(2041);
    const c = await createCourse({ students: 5, overrides: config });
    const [a, b, d, lone1, lone2] = c.students as [string, string, string, string, string];
    await formGroupWithConsent(c.api, c.courseId, [a, b, d], {
      paperId: 'ddim',
      at: '2041-03-01T10:00:00+01:00',
    });
    // P7D: Monday 6 March 23:59 (UTC+1); P1D: Sunday 12 March 23:59, 22:59Z.
    expect((await runJob('send-reminders', '2041-03-06T23:00:00Z')).status).toBe(200);
    expect(await reminders(lone1, 'not in a group')).toHaveLength(1);
    await runJob('send-reminders', '2041-03-12T22:58:00Z');
    expect(await reminders(lone1, 'not in a group', 0)).toHaveLength(1);
    const run = await runJob('send-reminders', '2041-03-12T23:00:00Z');
    // `sent` counts what the run queued in the outbox.
    expect(run.body.result.sent).toBeGreaterThanOrEqual(2);
    const got = await reminders(lone1, 'not in a group', 2);
    expect(got).toHaveLength(2);
    expect(got[1]?.subject).toContain('13 March 2041, 23:59 (Europe/Paris)');
    expect(await reminders(lone2, 'not in a group', 2)).toHaveLength(2);
    expect(await reminders(a, 'not in a group', 0)).toHaveLength(0);
    await runJob('send-reminders', '2041-03-12T23:30:00Z');
    expect(await reminders(lone1, 'not in a group', 0)).toHaveLength(2);
  });

  it('fires "1 day before" the 28 April deadline at 23:59 Paris summer time (21:59Z), after the DST change', async () => {
    const c = await createCourse({ students: 3, overrides: demoInYear(2042) });
    await formGroupWithConsent(c.api, c.courseId, c.students, {
      paperId: 'ddim',
      at: '2042-03-01T10:00:00+01:00',
    });
    // P7D first (Friday 21 April 23:59), as the 15-minute schedule would have sent it.
    await runJob('send-reminders', '2042-04-21T22:00:00Z');
    expect(await reminders(c.students[0] ?? '', 'Report')).toHaveLength(1);
    await runJob('send-reminders', '2042-04-27T21:58:00Z');
    expect(await reminders(c.students[0] ?? '', 'Report', 0)).toHaveLength(1);
    await runJob('send-reminders', '2042-04-27T22:00:00Z');
    const got = await reminders(c.students[0] ?? '', 'Report', 2);
    expect(got).toHaveLength(2);
    expect(got[1]?.body.text).toContain('28 April 2042, 23:59 (Europe/Paris)');
    expect(got[1]?.body.text).toContain('contribution statement');
  });
});

describe('deadline enforcement', () => {
  it('at the group deadline: one summary to instructors, then the instructor places the students left over', async () => {
    const c = await createCourse({ students: 7, overrides: demoInYear(2043) });
    const s = c.students;
    await formGroupWithConsent(c.api, c.courseId, s.slice(0, 3), {
      paperId: 'ddim',
      at: '2043-03-01T10:00:00+01:00',
    });
    const after = '2043-03-13T23:10:00Z';
    await runJob('enforce-deadlines', after);
    await runJob('enforce-deadlines', after);
    // Queued in the outbox once (keyed by the notice), sent a moment later.
    await waitForMail(c.instructor, (m) => m.subject.includes('Groups closed'));
    await new Promise((r) => setTimeout(r, 1000));
    const summary = (await mailFor(c.instructor)).filter((m) => m.subject.includes('Groups closed'));
    expect(summary).toHaveLength(1);
    expect(summary[0]?.subject).toContain('4 without a group');
    expect(summary[0]?.body.text).toContain(s[6]);

    const teacher = c.teacher.at('2043-03-14T09:00:00+01:00');
    const preview = await teacher.post(`/courses/${c.courseId}/groups/place-unassigned`, {
      reason: 'left over at the deadline',
      dryRun: true,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.placements).toEqual([
      { kind: 'create', members: [s[3], s[4], s[5], s[6]].sort(), paperId: expect.any(String) },
    ]);
    const placed = await teacher.post(`/courses/${c.courseId}/groups/place-unassigned`, {
      reason: 'left over at the deadline',
    });
    expect(placed.status).toBe(200);
    expect(placed.body.unplaced).toEqual([]);
    const groups = await teacher.get(`/courses/${c.courseId}/groups`);
    expect(groups.body.unassigned).toEqual([]);
    expect(await waitForMail(s[6] ?? '', (m) => m.subject.includes('group'))).not.toHaveLength(0);
    const audit = await teacher.get(`/courses/${c.courseId}/audit`);
    expect(JSON.stringify(audit.body)).toContain('left over at the deadline');
    expect(
      (await c.student(0).post(`/courses/${c.courseId}/groups/place-unassigned`, { reason: 'x' })).status,
    ).toBe(403);
  });

  it('at booking close: groups without a slot get one (with an invite), instructors get the schedule', async () => {
    const c = await createCourse({ students: 9, overrides: demoInYear(2044) });
    const s = c.students;
    const groupIds: string[] = [];
    // Formed one minute apart: groups without a slot are served in the order they were formed.
    for (const i of [0, 3, 6]) {
      const g = await formGroupWithConsent(c.api, c.courseId, s.slice(i, i + 3), {
        paperId: 'ddim',
        at: `2044-03-01T10:0${i}:00+01:00`,
      });
      groupIds.push(g.groupId);
    }
    const laid = await c.teacher.at('2044-04-01T10:00:00+02:00').put(`/courses/${c.courseId}/slots`, {
      days: [
        { date: '2044-05-16', start: '09:00', end: '11:00', room: 'Amphi B', modes: ['in-person', 'remote'] },
      ],
    });
    expect(laid.status).toBe(200);
    const slots = await c.teacher.get(`/courses/${c.courseId}/slots`);
    const firstSlot = slots.body[0].slotId;
    const booked = await c
      .student(0)
      .at('2044-04-10T10:00:00+02:00')
      .put(`/courses/${c.courseId}/groups/${groupIds[0]}/booking`, {
        slotId: slots.body[3].slotId,
        mode: 'remote',
      });
    expect(booked.status).toBe(201);
    const run = await runJob('enforce-deadlines', '2044-04-30T22:30:00Z');
    expect(run.status).toBe(200);
    const after = await c.teacher.get(`/courses/${c.courseId}/slots`);
    const held = after.body
      .filter((x: { groupId?: string }) => x.groupId)
      .map((x: { groupId: string; slotId: string }) => [x.slotId, x.groupId]);
    expect(held).toHaveLength(3);
    expect(held).toContainEqual([firstSlot, groupIds[1]]);
    // The invite leaves through the outbox, a moment after the assignment committed.
    const [invite] = await waitForMail(s[3] ?? '', (m) => m.subject.includes('Presentation booked'));
    expect(invite?.attachments[0]?.contentType).toContain('text/calendar');
    const schedule = await waitForMail(c.instructor, (m) => m.subject.includes('Presentation schedule'));
    expect(schedule).toHaveLength(1);
    expect(schedule[0]?.body.text).toContain('Amphi B');
    const jobs = await c.teacher.get(`/courses/${c.courseId}/jobs`);
    expect(jobs.status).toBe(200);
    expect(jobs.body.some((r: { job: string }) => r.job === 'enforcement')).toBe(true);
  });
});
