import { describe, expect, it } from 'vitest';
import { dueEntries } from '../../shared/domain/notice-schedule.js';
import { noticeMailKey } from '../../shared/notices/send-once.js';
import { listJobRuns } from '../../shared/notices/job-history.js';
import { runJob, type JobRunSummary } from '../../shared/notices/run-job.js';
import { getCourse } from '../../shared/store/course-repo.js';
import { claimNotice, recordNoticeOutcome } from '../../shared/store/notice-repo.js';
import { courseInMonth, integrationDeps } from '../support/job-fixture.js';
import {
  duplicates,
  outboxOf,
  runRetryMail,
  sesFaults,
  throttleSes,
  waitForMailTo,
} from '../support/outbox-drain.js';

const ofCourse = (s: JobRunSummary, courseId: string) => s.entries.filter((e) => e.courseId === courseId);
const total = (s: JobRunSummary[], courseId: string, field: 'sent' | 'already' | 'busy' | 'failed') =>
  s.flatMap((x) => ofCourse(x, courseId)).reduce((n, e) => n + e[field], 0);
const recipients = (mails: { destination: { to: string[] } }[]) => mails.flatMap((m) => m.destination.to);

/** Polls the course's outbox until `done` holds for its statuses (the stack's sender works on). */
const waitForOutbox = async (
  d: ReturnType<typeof integrationDeps>,
  courseId: string,
  done: (statuses: string[]) => boolean,
  timeoutMs = 30_000,
) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = (await outboxOf(d, courseId)).map((i) => i.status);
    if (done(statuses) || Date.now() > deadline) return statuses;
    await new Promise((r) => setTimeout(r, 250));
  }
};
const countOf = (statuses: string[], s: string) => statuses.filter((x) => x === s).length;

/**
 * The jobs queue their mails in the outbox (DynamoDB Local real); the stack's own sender, fed by
 * the table's stream, sends them to the local SES, which a test makes throttle. Each test lives in
 * its own month of 2031 so that no other test's course is due with it.
 */
describe('reminders through the outbox, under SES faults', () => {
  it('SES throttling no longer touches the job: one run queues every reminder, the outbox retries the throttled ones, one mail each', async () => {
    const d = integrationDeps();
    const c = await courseInMonth(d, 2031, 1, 10);
    d.clock.set(new Date('2031-01-09T23:00:00Z')); // after the P1D reminder of the 10th, 23:59 Paris
    await throttleSes(5, c.courseId);
    const first = await runJob(d, 'reminders');
    expect(total([first], c.courseId, 'sent')).toBe(10);
    expect(total([first], c.courseId, 'failed')).toBe(0);
    expect(ofCourse(first, c.courseId).every((e) => e.done)).toBe(true);
    // The history counts what was queued; nobody waits for a run of the job.
    const history = await listJobRuns(d, c.courseId);
    expect(history[0]?.entries.reduce((n, e) => n + e.sent, 0)).toBe(10);
    expect(history[0]?.entries.flatMap((e) => e.failedRecipients ?? [])).toEqual([]);
    // The entry is done: the next run has nothing to do for this course.
    expect(ofCourse(await runJob(d, 'reminders'), c.courseId)).toEqual([]);

    const queued = await outboxOf(d, c.courseId);
    expect(queued.map((i) => i.template)).toEqual(Array(10).fill('reminder'));
    // SES throttles the first 5 sends (the SDK tries each 3 times): what still failed waits for its
    // backoff in the outbox, the rest is sent.
    const settled = (s: string[]) => countOf(s, 'sent') + countOf(s, 'retry') === 10;
    const statuses = await waitForOutbox(d, c.courseId, (s) => settled(s) && countOf(s, 'retry') > 0);
    expect(settled(statuses)).toBe(true);
    expect(countOf(statuses, 'retry')).toBeGreaterThan(0);
    expect(await sesFaults(c.courseId)).toMatchObject({ throttle: 0 });
    await runRetryMail();
    const mails = await waitForMailTo(c.courseId, (m) => m.length >= 10);
    expect(new Set(recipients(mails))).toEqual(new Set(c.students));
    expect(mails).toHaveLength(10);
    expect(duplicates(mails)).toEqual([]);
    expect(await waitForOutbox(d, c.courseId, (s) => countOf(s, 'sent') === 10)).toEqual(
      Array(10).fill('sent'),
    );
  });

  it('three runs started together queue each reminder once: no duplicates', async () => {
    const d = integrationDeps();
    const c = await courseInMonth(d, 2031, 3, 12);
    d.clock.set(new Date('2031-03-09T23:00:00Z'));
    const runs = await Promise.all([runJob(d, 'reminders'), runJob(d, 'reminders'), runJob(d, 'reminders')]);
    expect(total(runs, c.courseId, 'sent')).toBe(12);
    expect((await outboxOf(d, c.courseId)).length).toBe(12);
    const mails = await waitForMailTo(c.courseId, (m) => m.length >= 12);
    expect(mails).toHaveLength(12);
    expect(new Set(recipients(mails))).toEqual(new Set(c.students));
  });

  it('a notice the former code sent is not queued again; one it failed, or held by a run that died, is', async () => {
    const d = integrationDeps();
    const c = await courseInMonth(d, 2031, 7, 4);
    const now = new Date('2031-07-09T23:00:00Z');
    d.clock.set(now);
    const [sent, held, failed, fresh] = c.students as [string, string, string, string];
    const course = await getCourse(d, c.courseId);
    const key = dueEntries(course!.config).find(
      (e) => e.job === 'reminders' && e.deadlineKey === 'groups' && e.offset === 'P1D',
    )!.key;
    // NOTICE# records as the former code (claim, SES, outcome) left them.
    for (const who of [sent, held, failed])
      expect(await claimNotice(d, c.courseId, key, who, 'former-run', now)).toBe('claimed');
    await recordNoticeOutcome(d, c.courseId, key, sent, { status: 'sent', messageId: 'm-1', at: now });
    await recordNoticeOutcome(d, c.courseId, key, failed, { status: 'failed', error: 'Throttling', at: now });

    const first = await runJob(d, 'reminders');
    expect([
      total([first], c.courseId, 'sent'),
      total([first], c.courseId, 'already'),
      total([first], c.courseId, 'busy'),
    ]).toEqual([2, 1, 1]);
    // The held one keeps the entry due.
    expect(ofCourse(first, c.courseId).some((e) => !e.done)).toBe(true);
    const keysNow = (await outboxOf(d, c.courseId)).map((i) => i.key).sort();
    expect(keysNow).toEqual([noticeMailKey(key, failed), noticeMailKey(key, fresh)].sort());

    // Once the former run's claim is stale (10 minutes), the held one is queued, and only it.
    d.clock.set(new Date(now.getTime() + 11 * 60_000));
    const second = await runJob(d, 'reminders');
    expect(total([second], c.courseId, 'sent')).toBe(1);
    expect(ofCourse(second, c.courseId).every((e) => e.done)).toBe(true);
    const mails = await waitForMailTo(c.courseId, (m) => m.length >= 3);
    expect(recipients(mails).sort()).toEqual([held, failed, fresh].sort());
  });
});
