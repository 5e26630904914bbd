import { describe, expect, it } from 'vitest';
import { stackDeps } from '../support/stack-deps.js';
import { createCourse } from '../support/course-fixture.js';
import {
  duplicates,
  outboxOf,
  runRetryMail,
  sesFaults,
  throttleSes,
  waitForMailTo,
} from '../support/outbox-drain.js';
import { seedGradedGroups } from '../support/seed-grades.js';

/** The bench publishes for 2,000 (bench/scenarios/mail.ts); here 200, for time. */
const N = 200;
/** Member changes: some members of a group get a final of their own, not their group's. */
const MEMBER_CHANGES = 10;

/**
 * Publishing grades writes ONE fan-out item in the publication's transaction; the stack's own
 * sender (fed by the table's stream) expands it into one intent per student (written once each)
 * and sends them at the account's rate (local GetAccount: 50/s) to the local SES, which throttles
 * part of them here. Publication mails only complete grades, so every student is first put in a
 * group with both components graded (seeded straight into the table). Every student ends with
 * exactly one grade mail, holding their own final.
 */
describe('publishing grades through the outbox', () => {
  it(`${N} students, 20 sends throttled: every student gets exactly one grade mail (0 lost, 0 duplicated)`, async () => {
    const c = await createCourse({ students: N });
    const d = stackDeps();
    await seedGradedGroups(d, {
      courseId: c.courseId,
      instructor: c.instructor,
      students: c.students,
      groupSize: 4,
      memberChanges: MEMBER_CHANGES,
    });
    // Each student's final as the instructor's grade book shows it: what their mail must say.
    const book = await c.teacher.get(`/courses/${c.courseId}/grades`);
    expect(book.status).toBe(200);
    const finals = new Map<string, string | null>(
      (book.body as { email: string; finalText: string | null }[]).map((r) => [r.email, r.finalText]),
    );
    expect([...finals.values()].every((f) => f !== null && /^\d+\.\d\d$/.test(f))).toBe(true);
    // Finals differ between students, so a mail with someone else's final would show.
    expect(new Set(finals.values()).size).toBeGreaterThan(5);
    await throttleSes(20, c.courseId);

    const pub = await c.teacher.post(`/courses/${c.courseId}/grades/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ alreadyPublished: false, emailed: N, failed: [] });
    // The request wrote one fan-out, not N mails: three Queries and one TransactWriteItems, no SES.
    expect(Number(pub.headers.get('x-examdesk-ddb-calls'))).toBeLessThanOrEqual(4);

    // Publishing again is a no-op: no second fan-out.
    const again = await c.teacher.post(`/courses/${c.courseId}/grades/publish`);
    expect(again.body).toMatchObject({ alreadyPublished: true, emailed: 0 });

    // The sender expands the fan-out and sends; the throttled ones wait for their backoff.
    const deadline = Date.now() + 60_000;
    let items = await outboxOf(d, c.courseId);
    const mails = () => items.filter((i) => i.template === 'grades');
    const settled = () =>
      mails().length === N && mails().every((i) => i.status === 'sent' || i.status === 'retry');
    while (!settled() && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      items = await outboxOf(d, c.courseId);
    }
    const fanout = items.filter((i) => i.template === 'grades-fanout');
    expect(fanout).toHaveLength(1);
    expect(fanout[0]).toMatchObject({ status: 'sent', expanded: N, alreadyThere: 0, to: [] });
    expect(settled()).toBe(true);
    expect(new Set(mails().map((i) => i.key)).size).toBe(N);
    expect(mails().every((i) => i.key.startsWith('grades#') && i.key.endsWith(`#${i.to[0]}`))).toBe(true);
    const retried = mails().filter((i) => i.status === 'retry').length;
    expect(retried).toBeGreaterThan(0);
    expect(await sesFaults(c.courseId)).toMatchObject({ throttle: 0 });

    // The retry job, living 2 minutes on (past the backoffs): the throttled ones go out again.
    await runRetryMail();
    const got = (
      await waitForMailTo(
        c.courseId,
        (m) => m.filter((x) => x.subject.includes('Your grades')).length >= N,
        60_000,
      )
    ).filter((m) => m.subject.includes('Your grades'));
    expect(got).toHaveLength(N);
    expect(duplicates(got)).toEqual([]);
    expect(new Set(got.flatMap((m) => m.destination.to))).toEqual(new Set(c.students));
    // Each mail holds its own student's grades and nobody else's.
    const wrong = got.filter((m) => {
      const text = m.body.text ?? '';
      const final = finals.get(m.destination.to[0] ?? '');
      return !final || !text.includes(`Final grade: ${final} / 20`) || text.includes('not available');
    });
    expect(wrong.map((m) => m.destination.to[0])).toEqual([]);
  }, 180_000);
});
