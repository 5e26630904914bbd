import { SendEmailCommand, SESv2Client, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { dueEntries } from '../../shared/domain/notice-schedule.js';
import { getCourse } from '../../shared/store/course-repo.js';
import { claimNotice } from '../../shared/store/notice-repo.js';
import { listJobRuns } from '../../shared/notices/job-history.js';
import { runJob } from '../../shared/notices/run-job.js';
import { courseInMonth, integrationDeps } from '../support/job-fixture.js';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

/** Recipients of the sends SES accepted (the mock's resolved calls), for one course. */
const delivered = (courseId: string, results: ('ok' | 'throttled' | 'crash')[]) =>
  ses
    .commandCalls(SendEmailCommand)
    .filter((_, i) => results[i] === 'ok')
    .map((c) => c.args[0].input.Destination?.ToAddresses?.[0] ?? '')
    .filter((to) => to.includes(courseId));

/** SES that answers each send by the given policy, remembering what it did. */
const sesThat = (policy: (n: number) => 'ok' | 'throttled' | 'crash') => {
  const results: ('ok' | 'throttled' | 'crash')[] = [];
  ses.on(SendEmailCommand).callsFake(() => {
    const r = policy(results.length);
    results.push(r);
    if (r === 'throttled')
      throw new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: {} });
    if (r === 'crash') throw new Error('connection reset');
    return { MessageId: `m-${results.length}` };
  });
  return results;
};

// Each test lives in its own month of 2031 so that no other test's course is due with it.
describe('reminders under faults (SES mocked, DynamoDB Local real)', () => {
  it('with half the sends throttled: the first run sends half, the second the rest, one mail each', async () => {
    const d = integrationDeps();
    const c = await courseInMonth(d, 2031, 1, 10);
    d.clock.set(new Date('2031-01-09T23:00:00Z')); // after the P1D reminder of the 10th, 23:59 Paris
    const results = sesThat((n) => (n % 2 === 0 ? 'ok' : 'throttled'));
    const first = await runJob(d, 'reminders');
    const firstRecipients = delivered(c.courseId, results);
    expect(firstRecipients).toHaveLength(5);
    expect(first.failed).toBeGreaterThanOrEqual(5);
    // The instructors' job history names who is waiting for the retry.
    const history = await listJobRuns(d, c.courseId);
    const waiting = history[0]?.entries.flatMap((e) => e.failedRecipients ?? []) ?? [];
    expect(new Set([...waiting, ...firstRecipients])).toEqual(new Set(c.students));
    ses.reset();
    const all = sesThat(() => 'ok');
    await runJob(d, 'reminders');
    const second = delivered(c.courseId, all);
    expect(second).toHaveLength(5);
    expect(new Set([...firstRecipients, ...second])).toEqual(new Set(c.students));
    ses.reset();
    const third = sesThat(() => 'ok');
    await runJob(d, 'reminders');
    expect(delivered(c.courseId, third)).toHaveLength(0);
  });

  it('two runs started together send no duplicates', async () => {
    const d = integrationDeps();
    const c = await courseInMonth(d, 2031, 3, 12);
    d.clock.set(new Date('2031-03-09T23:00:00Z'));
    const results = sesThat(() => 'ok');
    await Promise.all([runJob(d, 'reminders'), runJob(d, 'reminders'), runJob(d, 'reminders')]);
    const to = delivered(c.courseId, results);
    expect(to).toHaveLength(12);
    expect(new Set(to).size).toBe(12);
  });

  it('a run that breaks half-way, then a normal run: none lost, no duplicates', async () => {
    const d = integrationDeps();
    const c = await courseInMonth(d, 2031, 5, 8);
    d.clock.set(new Date('2031-05-09T23:00:00Z'));
    // SES breaks from the fourth send on (a connection reset, not a throttle).
    const results = sesThat((n) => (n >= 3 ? 'crash' : 'ok'));
    await runJob(d, 'reminders');
    const first = delivered(c.courseId, results);
    expect(first).toHaveLength(3);
    ses.reset();
    const rest = sesThat(() => 'ok');
    await runJob(d, 'reminders');
    const total = [...first, ...delivered(c.courseId, rest)];
    expect(total).toHaveLength(8);
    expect(new Set(total)).toEqual(new Set(c.students));
  });

  it('a notice claimed by a run that died is sent once the claim is stale, and only then', async () => {
    const d = integrationDeps();
    const c = await courseInMonth(d, 2031, 7, 3);
    const now = new Date('2031-07-09T23:00:00Z');
    d.clock.set(now);
    const results = sesThat(() => 'ok');
    // Claim one recipient's notice as a crashed run would have, for the key the job will use.
    const course = await getCourse(d, c.courseId);
    const key = dueEntries(course!.config).find(
      (e) => e.job === 'reminders' && e.deadlineKey === 'groups' && e.offset === 'P1D',
    )!.key;
    expect(await claimNotice(d, c.courseId, key, c.students[0]!, 'dead-run', now)).toBe('claimed');
    await runJob(d, 'reminders');
    expect(delivered(c.courseId, results).sort()).toEqual([c.students[1], c.students[2]].sort());
    d.clock.set(new Date(now.getTime() + 11 * 60_000));
    ses.reset();
    const later = sesThat(() => 'ok');
    await runJob(d, 'reminders');
    expect(delivered(c.courseId, later)).toEqual([c.students[0]]);
  });
});
