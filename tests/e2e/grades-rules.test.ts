import { beforeAll, describe, expect, it } from 'vitest';
import type { Loose } from '../support/api.js';
import { createCourse, type CourseFixture } from '../support/course-fixture.js';
import { aspects, formGroups, gradePath } from '../support/grade-fixture.js';
import { mailFor, waitForMail } from '../support/mailbox.js';
import { pdfWithPages } from '../support/pdf-fixtures.js';
import { BOOKING_OPEN, bookingPath, layOut } from '../support/slot-fixture.js';
import { contributionsOf, uploadFile } from './upload-helpers.js';

/** After every presentation of the demo calendar (15 May): grading day. */
const GRADING_DAY = '2023-05-20T10:00:00+02:00';

/**
 * Issue 14: when a grade may be entered (presentation started, report accepted, or an instructor's
 * reason), and what publication does (dry run, only complete grades, withdrawal), with the grader's
 * aspect scores and comment reaching the students. One course for both tests: group A (students
 * 0–2) books a slot and hands in its report; group B (3–5) does neither; student 6 has no group.
 */
describe('grade entry rules and publication', () => {
  let c: CourseFixture;
  let a: string;
  let b: string;
  const s = (i: number) => c.students[i] as string;
  const publish = (body: Loose, at = GRADING_DAY) =>
    c.teacher.at(at).post(`/courses/${c.courseId}/grades/publish`, body);
  const grades = async (i: number) => (await c.student(i).get(`/courses/${c.courseId}/me`)).body.grades;

  beforeAll(async () => {
    c = await createCourse({ students: 7 });
    [a = '', b = ''] = await formGroups(c, [
      { members: [0, 1, 2], paperId: 'ddim' },
      { members: [3, 4, 5], paperId: 'flow-matching' },
    ]);
    await layOut(c, [{ date: '2023-05-15', start: '09:00', end: '10:00', room: 'C103' }]);
    const booked = await c
      .student(0)
      .at(BOOKING_OPEN)
      .put(bookingPath(c, a), { slotId: '2023-05-15T09:00', mode: 'in-person' });
    expect(booked.status, booked.text).toBe(201);
  });

  it('enters a presentation grade once it started and a report grade once one was accepted, or with a reason (audited)', async () => {
    const put = (at: string, groupId: string, componentId: string, body: Loose) =>
      c.teacher.at(at).put(gradePath(c, groupId, componentId), body);

    // Before the presentation: 403 naming the rule and the start in course time.
    const early = await put('2023-04-20T10:00:00+02:00', a, 'presentation', { score: 15 });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('presentation_not_started');
    expect(early.body.error.message).toContain('starts at 2023-05-15T09:00:00+02:00');
    // From its start on, it may be entered.
    const onTime = await put('2023-05-15T09:00:00+02:00', a, 'presentation', { score: 15 });
    expect(onTime.status, onTime.text).toBe(200);
    expect(onTime.headers.get('x-examdesk-ddb-calls')).toBe('2');

    // No booking at all: 409; a no-show graded 0 with the instructor's reason.
    const unbooked = await put(GRADING_DAY, b, 'presentation', { score: 0 });
    expect(unbooked.status).toBe(409);
    expect(unbooked.body.error.code).toBe('presentation_not_booked');
    expect(unbooked.body.error.message).toContain('has no presentation booked');
    const noShow = await put(GRADING_DAY, b, 'presentation', { score: 0, reason: 'No-show on 15 May' });
    expect(noShow.status, noShow.text).toBe(200);

    // The report grade waits for an accepted report.
    const noReport = await put(GRADING_DAY, a, 'report', aspects(14, 15, 13));
    expect(noReport.status).toBe(409);
    expect(noReport.body.error.code).toBe('submission_not_accepted');
    expect(noReport.body.error.message).toContain('no accepted submission');
    const members = c.students.slice(0, 3);
    const up = await uploadFile(c.student(0), c.courseId, 'report', await pdfWithPages(4), {
      fileName: 'report.pdf',
      contentType: 'application/pdf',
      at: '2023-04-25T18:00:00+02:00',
      contributions: contributionsOf(members),
    });
    expect(up.submission.status).toBe('accepted');
    const graded = await put(GRADING_DAY, a, 'report', {
      ...aspects(14, 15, 13),
      comment: 'Clear derivation of the ELBO;\nthe ablation needs error bars.',
    });
    expect(graded.status, graded.text).toBe(200);
    // BatchGet (access, group, grade, booking, publication), the Query of the group's reports, the write.
    expect(graded.headers.get('x-examdesk-ddb-calls')).toBe('3');

    const audit = await c.teacher.get(`/courses/${c.courseId}/audit?action=grade.write`);
    const noShowEntry = (audit.body.items as Loose[]).find((i) => i.target === `${b}/presentation`);
    expect(noShowEntry?.reason).toBe('No-show on 15 May');
  });

  it('previews, publishes only complete grades, adds the rest later, and withdraws with a reason', async () => {
    // Dry run: A is complete (mailed with aspects and comment), B has no report grade, 6 has no group.
    const dry = await publish({ scope: 'complete', dryRun: true });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, scope: 'complete', publishedAt: null, emailed: 3 });
    expect(dry.body.recipients.map((r: Loose) => r.email)).toEqual([s(0), s(1), s(2)]);
    expect(dry.body.recipients[0].grades).toMatchObject({
      final: 14.33,
      feedback: [
        { componentId: 'report', value: 14, comment: expect.stringContaining('ELBO') },
        { componentId: 'presentation', value: 15, aspects: [], comment: null },
      ],
    });
    expect(dry.body.incomplete.map((r: Loose) => [r.email, r.shown])).toEqual([
      [s(3), false],
      [s(4), false],
      [s(5), false],
      [s(6), false],
    ]);
    expect(dry.body.incomplete[0].reason).toContain('Report (G1)');
    expect(await grades(0)).toBeNull();

    // Only the complete grades: A sees and is mailed its feedback; B and 6 see nothing.
    const first = await publish({ scope: 'complete' });
    expect(first.body).toMatchObject({ dryRun: false, alreadyPublished: false, emailed: 3 });
    expect((await grades(0)).feedback[0].aspects.map((x: Loose) => x.score)).toEqual([14, 15, 13]);
    expect(await grades(3)).toBeNull();
    const [mail] = await waitForMail(s(0), (m) => m.subject.endsWith('Your grades'));
    expect(mail?.body.text).toContain('Report (G1) (weight 2/3): 14 / 20');
    expect(mail?.body.text).toContain('  - Methodological: 15 / 20');
    expect(mail?.body.text).toContain(
      '  Comment: Clear derivation of the ELBO;\n    the ablation needs error bars.',
    );
    expect(mail?.body.text).toContain('Final grade: 14.33 / 20');
    expect(mail?.body.text).not.toMatch(/\/courses\/|GET |not available/);

    // B's report (missing, graded 0 with a reason) completes B: nothing shown until published again.
    const zero = await c.teacher
      .at(GRADING_DAY)
      .put(gradePath(c, b, 'report'), { ...aspects(0, 0, 0), reason: 'No report handed in' });
    expect(zero.status, zero.text).toBe(200);
    expect(await grades(3)).toBeNull();
    // A day later: B is shown its grades from then on (its regrade window starts then), A keeps its date.
    const second = await publish({ scope: 'complete' }, '2023-05-21T09:00:00+02:00');
    expect((await grades(3)).publishedAt).toBe('2023-05-21T09:00:00+02:00');
    expect((await grades(0)).publishedAt).toBe(first.body.publishedAt);
    expect(second.body).toMatchObject({
      alreadyPublished: false,
      emailed: 3,
      publishedAt: first.body.publishedAt,
    });
    expect(second.body.recipients.map((r: Loose) => r.email)).toEqual([s(3), s(4), s(5)]);
    expect((await grades(3)).final).toBe(0);
    expect((await publish({ scope: 'complete' })).body).toMatchObject({ alreadyPublished: true, emailed: 0 });

    // Withdrawal: a reason is required, students see nothing, and the mailed ones are told.
    const unpublish = (body: Loose, who = c.teacher) =>
      who.at(GRADING_DAY).post(`/courses/${c.courseId}/grades/unpublish`, body);
    const noReason = await unpublish({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe('body.reason');
    expect((await unpublish({ reason: 'x' }, c.student(0))).status).toBe(403);
    const withdrawn = await unpublish({ reason: 'Aspect weights were entered in the wrong order' });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(await grades(0)).toBeNull();
    const told = await waitForMail(s(3), (m) => m.subject.includes('withdrawn'));
    expect(told[0]?.body.text).toContain('have been withdrawn');
    expect((await unpublish({ reason: 'again' })).body.error.code).toBe('not_published');
    const log = await c.teacher.get(`/courses/${c.courseId}/audit?action=grades.unpublish`);
    expect(log.body.items[0]).toMatchObject({ reason: 'Aspect weights were entered in the wrong order' });
    expect((await mailFor(s(6))).filter((m) => m.subject.includes('grades'))).toEqual([]);

    // Published again (to all): a new publication, mailed again to the complete ones.
    const again = await c.teacher
      .at('2023-05-21T10:00:00+02:00')
      .post(`/courses/${c.courseId}/grades/publish`);
    expect(again.body).toMatchObject({ scope: 'all', alreadyPublished: false, emailed: 6 });
    expect(again.body.publishedAt).not.toBe(first.body.publishedAt);
    expect((await grades(6)).finalReason).toBe('not in a group');
  });
});
