import { GetAccountCommand } from '@aws-sdk/client-sesv2';
import '../../shared/runtime/ses-client.js';
import type { MailRecord } from '../../local/local-routes.js';
import { seedGradedGroups } from '../../tests/support/seed-grades.js';
import { benchCourse, numberedStudents } from '../bench-course.js';
import type { BenchRow, BenchScenario } from '../bench-types.js';

const STUDENTS = 2000;
const DRAIN_TIMEOUT_MS = 5 * 60_000;
/** Sends the local SES answers with 429 (its fault switch, scoped to this course's recipients). */
const THROTTLED_SENDS = 300;
/** The retry job's period (a minute on AWS); run ahead of time so backoffs end within the bench. */
const RETRY_EVERY_MS = 5_000;
/** Publication mails complete grades only: every student is put in a graded group of this size. */
const GROUP_SIZE = 4;
/** Some members get a final of their own (the rest share their group's), as in the grades bench. */
const MEMBER_CHANGES = 100;

/**
 * POST /courses/{id}/grades/publish for 2,000 students through the outbox: the request writes the
 * publication with ONE fan-out item; the stack's sender (fed by the table's stream, as on AWS)
 * expands it into 2,000 intents, written once each, and sends them paced at the account's
 * SendQuota.MaxSendRate. Every student's grade is complete (groups and grades seeded straight into
 * the table, tests/support/seed-grades.ts), so all 2,000 are mailed. Time to enqueue (the request),
 * time to drain (until the 2,000 mails are in the local SES mailbox), lost, duplicated and wrong
 * mails (not holding the student's own final), and the rate the mails went out at.
 */
export const scenario: BenchScenario = {
  name: 'mail',
  async run(ctx) {
    const made = await benchCourse(ctx, 'mail', (courseId) =>
      numberedStudents(STUDENTS, (i) => `m${String(i).padStart(4, '0')}-${courseId}@students.example`),
    );
    const { courseId, teacher, students } = made;
    await seedGradedGroups(ctx.deps, {
      courseId,
      instructor: teacher,
      students,
      groupSize: GROUP_SIZE,
      memberChanges: MEMBER_CHANGES,
    });
    // Each student's final as the instructor's grade book shows it: what their mail must say.
    const book = await ctx.call(teacher, 'GET', `/courses/${courseId}/grades`);
    if (book.status !== 200) throw new Error(`GET grades: ${book.status}`);
    const finals = new Map(
      (book.body as { email: string; finalText: string | null }[]).map((r) => [
        r.email.toLowerCase(),
        r.finalText,
      ]),
    );
    const incomplete = [...finals.values()].filter((f) => f === null).length;
    if (incomplete || finals.size !== STUDENTS)
      throw new Error(`expected ${STUDENTS} complete finals, got ${finals.size - incomplete}`);
    const account = await ctx.deps.ses.send(new GetAccountCommand({}));
    const rate = account.SendQuota?.MaxSendRate ?? 0;
    const gradeMails = async () => {
      const res = await fetch(`${ctx.stack.apiUrl}/_local/mail?to=${encodeURIComponent(courseId)}`);
      const body = (await res.json()) as { emails: MailRecord[] };
      return body.emails.filter((m) => m.subject.includes('Your grades'));
    };

    // A throttling SES: the first 300 sends to this course answer 429 (the SDK itself retries a
    // throttled send twice, so about a third of them end in the outbox's retry state).
    const faults = await fetch(`${ctx.stack.apiUrl}/_local/ses-faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ throttle: THROTTLED_SENDS, to: courseId }),
    });
    if (!faults.ok) throw new Error(`ses-faults: ${faults.status}`);
    let lastRetry = 0;
    const retryDue = async () => {
      if (performance.now() - lastRetry < RETRY_EVERY_MS) return;
      lastRetry = performance.now();
      await fetch(`${ctx.stack.apiUrl}/_local/run/retry-mail`, {
        method: 'POST',
        headers: { 'x-examdesk-now': new Date(Date.now() + 2 * 60_000).toISOString() },
      });
    };

    const started = performance.now();
    const publish = await ctx.call(teacher, 'POST', `/courses/${courseId}/grades/publish`);
    if (publish.status !== 200)
      throw new Error(`publish: ${publish.status} ${JSON.stringify(publish.body).slice(0, 300)}`);
    const emailed = (publish.body as { emailed?: number }).emailed;
    if (emailed !== STUDENTS) throw new Error(`publish: emailed ${emailed}, expected ${STUDENTS}`);
    const answeredAt = performance.now();
    let mails: MailRecord[] = [];
    let firstAt: number | undefined;
    let firstCount = 0;
    while (performance.now() - started < DRAIN_TIMEOUT_MS) {
      mails = await gradeMails();
      if (mails.length && firstAt === undefined) {
        firstAt = performance.now();
        firstCount = mails.length;
      }
      if (mails.length >= STUDENTS) break;
      await retryDue();
      await new Promise((r) => setTimeout(r, 500));
    }
    const drainedAt = performance.now();
    // Give a late duplicate the chance to show.
    await new Promise((r) => setTimeout(r, 2000));
    mails = await gradeMails();
    const recipients = mails.flatMap((m) => m.destination.to.map((a) => a.toLowerCase()));
    const distinct = new Set(recipients);
    const lost = students.filter((s) => !distinct.has(s.toLowerCase())).length;
    const duplicated = recipients.length - distinct.size;
    // A mail is right only if it holds its own student's final (and no "not available").
    const wrong = mails.filter((m) => {
      const text = m.body.text ?? '';
      const final = finals.get(m.destination.to[0]?.toLowerCase() ?? '');
      return !final || !text.includes(`Final grade: ${final} / 20`) || text.includes('not available');
    }).length;
    // The paced rate: mails that arrived between the first poll that saw one and the drain.
    const spanS = firstAt === undefined ? 0 : (drainedAt - firstAt) / 1000;
    const pacedRate = spanS > 0 ? (Math.min(mails.length, STUDENTS) - firstCount) / spanS : 0;

    const row = (metric: string, value: number, unit: string, extra: Partial<BenchRow> = {}): BenchRow => ({
      scenario: 'mail',
      metric,
      value,
      unit,
      ...extra,
    });
    return [
      row('publish grades, 2,000 students: time to enqueue (the request)', publish.ms, 'ms', {
        note: `${publish.ddbCalls} DynamoDB calls (${publish.ddbOps.join(', ')}); the request writes the publication, its audit record and ONE outbox fan-out item; the sender expands it into ${STUDENTS} intents (conditional Puts, 100 per TransactWriteItems) and sends them.`,
      }),
      row(
        'publish grades, 2,000 students: time to drain (publish → 2,000 mails in the mailbox)',
        drainedAt - started,
        'ms',
        {
          note: `First mail ${firstAt === undefined ? 'never' : `${Math.round(firstAt - answeredAt)} ms`} after the answer (the stream is polled every 200 ms; the fan-out is expanded first). Drain bounded below by ${STUDENTS} / ${rate}/s = ${Math.round(STUDENTS / (rate || 1))} s.`,
        },
      ),
      row('publish grades, 2,000 students: mails lost', lost, 'mails', {
        target: { max: 0, text: '0' },
        note: `Under a throttling SES: the first ${THROTTLED_SENDS} sends answered 429; the outbox retried them (retry job run every ${RETRY_EVERY_MS / 1000} s, 2 minutes ahead so the backoffs end within the bench).`,
      }),
      row('publish grades, 2,000 students: mails duplicated', duplicated, 'mails', {
        target: { max: 0, text: '0' },
      }),
      row("publish grades, 2,000 students: mails without the student's own final", wrong, 'mails', {
        target: { max: 0, text: '0' },
        note: `Each mail must contain "Final grade: <the final GET /grades shows for its recipient> / 20" and no "not available" (${new Set(finals.values()).size} distinct finals among the ${STUDENTS} students: ${STUDENTS / GROUP_SIZE} graded groups of ${GROUP_SIZE}, ${MEMBER_CHANGES} member changes).`,
      }),
      row('publish grades, 2,000 students: paced send rate', pacedRate, 'mails/s', {
        target: { max: rate * 1.05, text: `≤ account MaxSendRate (${rate}/s)` },
        note: `Mails counted in the mailbox (polled every 500 ms) from the first poll that saw one to the drain. The local SES's GetAccount answers MaxSendRate ${rate}/s (local/aws/ses-gate.ts; SES's sandbox is 1/s, production accounts more): the sender paces at what the account allows, so the drain time is set by that quota, not by the code.`,
      }),
    ];
  },
};
