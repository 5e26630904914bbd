import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import type { Loose } from '../support/api.js';
import { createCourse } from '../support/course-fixture.js';
import { aspects, formGroups, gradePath, memberPath, waived } from '../support/grade-fixture.js';
import { waitForMail } from '../support/mailbox.js';

// Published Thursday 1 June 2023, 10:00 Paris; a 7-day window ends Thursday 8 June, 10:00.
const BEFORE = '2023-05-31T10:00:00+02:00';
const PUBLISHED = '2023-06-01T10:00:00+02:00';
const WITHIN = '2023-06-02T09:30:00+02:00';
const CLOSED = '2023-06-08T10:00:00+02:00';

describe('regrade requests', () => {
  // ~8 s warm; the margin is for the cold start of each function's bundle on a loaded machine.
  it(
    'refuses each rule, then a request answered with a change shows in /me and is mailed',
    { timeout: 60_000 },
    async () => {
      const c = await createCourse({
        students: 4,
        overrides: { grading: { ...demoCourse.grading, regradeDays: 7 } },
      });
      const [g] = await formGroups(c, [{ members: [0, 1, 2], paperId: 'ddim' }]);
      if (!g) throw new Error('group');
      const s0 = c.students[0] as string;
      const regrades = `/courses/${c.courseId}/regrades`;
      expect(
        (await c.teacher.put(gradePath(c, g, 'report'), { ...waived, ...aspects(12, 12, 12) })).status,
      ).toBe(200);
      expect((await c.teacher.put(gradePath(c, g, 'presentation'), { ...waived, score: 15 })).status).toBe(
        200,
      );
      const ask = { componentId: 'report', reason: 'Section 3 answers the question on\nvariance.' };

      // Before publication: nothing to regrade yet.
      const early = await c.student(0).at(BEFORE).post(regrades, ask);
      expect([early.status, early.body.error.code]).toEqual([409, 'not_published']);

      expect((await c.teacher.at(PUBLISHED).post(`/courses/${c.courseId}/grades/publish`)).status).toBe(200);

      // Bad input names the field.
      const empty = await c
        .student(0)
        .at(WITHIN)
        .post(regrades, { ...ask, reason: '  ' });
      expect([empty.status, empty.body.error.issues[0].path]).toEqual([400, 'body.reason']);
      const long = await c
        .student(0)
        .at(WITHIN)
        .post(regrades, { ...ask, reason: 'x'.repeat(2001) });
      expect([long.status, long.body.error.issues[0].path]).toEqual([400, 'body.reason']);
      const bidi = await c
        .student(0)
        .at(WITHIN)
        .post(regrades, { ...ask, reason: 'ok \u202e evil' });
      expect([bidi.status, bidi.body.error.issues[0].path]).toEqual([400, 'body.reason']);
      const unknown = await c
        .student(0)
        .at(WITHIN)
        .post(regrades, { ...ask, componentId: 'poster' });
      expect([unknown.status, unknown.body.error.issues[0].path]).toEqual([400, 'body.componentId']);

      // After the window: 403 naming its end in course time.
      const late = await c.student(1).at(CLOSED).post(regrades, ask);
      expect([late.status, late.body.error.code]).toEqual([403, 'deadline_passed']);
      expect(late.body.error.message).toContain('Thursday 8 June 2023, 10:00 (Europe/Paris)');

      const made = await c.student(0).at(WITHIN).post(regrades, ask);
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({
        email: s0,
        name: 'Student 1',
        componentId: 'report',
        round: 1,
        status: 'open',
        seen: { value: 12, final: 13 },
        windowEnd: '2023-06-08T10:00:00+02:00',
        answer: null,
      });
      expect(made.headers.get('x-examdesk-ddb-calls')).toBe('3');
      const dup = await c
        .student(0)
        .at(WITHIN)
        .post(regrades, { ...ask, reason: 'Again' });
      expect([dup.status, dup.body.error.code]).toEqual([409, 'regrade_open']);
      expect(await waitForMail(c.instructor, (m) => m.subject.includes('Regrade request'))).toHaveLength(1);

      // Students neither list nor answer requests, their own or another's.
      const { regradeId } = made.body;
      const answerPath = `${regrades}/${regradeId}/answer`;
      const answer = { decision: 'changed', response: 'Right: section 3 does answer it. Report now 16.' };
      expect((await c.student(1).get(regrades)).status).toBe(403);
      expect((await c.student(1).post(answerPath, answer)).status).toBe(403);
      expect((await c.student(0).post(answerPath, answer)).status).toBe(403);
      expect((await c.student(1).get(`/courses/${c.courseId}/me`)).body.regrades).toEqual([]);

      const listed = await c.teacher.get(regrades);
      expect(listed.status).toBe(200);
      expect(listed.headers.get('x-examdesk-ddb-calls')).toBe('2');
      expect(listed.body.map((r: Loose) => [r.email, r.status, r.reason])).toEqual([
        [s0, 'open', ask.reason],
      ]);

      // 'changed' while the student still sees the same grade is refused; change it, then answer.
      const unchanged = await c.teacher.post(answerPath, answer);
      expect([unchanged.status, unchanged.body.error.code]).toEqual([409, 'regrade_unchanged']);
      const override = await c.teacher.put(memberPath(c, g, s0), {
        componentId: 'report',
        override: 16,
        reason: 'Regrade request: section 3',
      });
      expect(override.status).toBe(200);
      const answered = await c.teacher.post(answerPath, answer);
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({
        status: 'changed',
        answer: { decision: 'changed', by: c.instructor, now: { value: 16, final: 15.67 } },
      });
      const twice = await c.teacher.post(answerPath, { decision: 'upheld', response: 'No' });
      expect([twice.status, twice.body.error.code]).toEqual([409, 'already_answered']);
      expect((await c.teacher.post(`${regrades}/bm90LWFuLWlk/answer`, answer)).status).toBe(404);

      // The student's /me shows the new final and the answer, at /me's usual call count.
      const me = await c.student(0).get(`/courses/${c.courseId}/me`);
      expect(me.body.grades).toMatchObject({ components: { report: 16 }, final: 15.67 });
      expect(me.body.regrades).toMatchObject([
        { regradeId, status: 'changed', answer: { response: answer.response } },
      ]);
      expect(Number(me.headers.get('x-examdesk-ddb-calls'))).toBeLessThanOrEqual(3);
      const mails = await waitForMail(s0, (m) => m.subject.includes('Your regrade request'));
      expect(mails).toHaveLength(1);
      expect(mails[0]?.body.text).toContain('changed from 12 / 20 to 16 / 20');

      const audit = await c.teacher.get(`/courses/${c.courseId}/audit`);
      expect(audit.body.items).toSatisfy((items: Loose[]) =>
        items.some((e) => e.action === 'regrade.answer' && e.reason === answer.response),
      );
    },
  );
});
