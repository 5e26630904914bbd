import { randomUUID } from 'node:crypto';
import { courseDeadlines } from '../domain/deadlines.js';
import { JOB_LOOKBACK_MS, type JobKind } from '../domain/notice-schedule.js';
import type { Deps } from '../runtime/deps.js';
import { log } from '../runtime/log.js';
import { markDueDone, queryDue, type DueRecord } from '../store/due-repo.js';
import { loadCourseSnapshot, type CourseSnapshot } from './course-snapshot.js';
import { recordJobRun, type EntryOutcome } from './job-history.js';
import { planReminders } from './plan-reminders.js';
import { deliver } from './send-once.js';
import { enforce } from './enforce.js';
import { count } from '../runtime/metrics.js';

export interface JobRunSummary {
  job: JobKind;
  runId: string;
  now: string;
  due: number;
  courses: number;
  sent: number;
  failed: number;
  entries: (EntryOutcome & { courseId: string })[];
}

const idle = (entry: DueRecord, action?: string): EntryOutcome => ({
  key: entry.key,
  deadlineKey: entry.deadlineKey,
  sent: 0,
  already: 0,
  busy: 0,
  failed: 0,
  actions: action ? [action] : [],
  done: true,
});

/**
 * A reminder is worth sending only before its deadline, and only the latest of those due together
 * (a job that was down does not send "7 days left" and "1 day left" at once).
 */
const supersededReminders = (entries: DueRecord[], now: Date, deadlines: Map<string, Date>) => {
  const latest = new Map<string, DueRecord>();
  for (const e of entries) {
    const current = latest.get(e.deadlineKey);
    if (!current || e.at > current.at) latest.set(e.deadlineKey, e);
  }
  return new Map(
    entries.flatMap((e): [DueRecord, string][] => {
      const deadline = deadlines.get(e.deadlineKey);
      if (deadline && deadline <= now) return [[e, 'expired: the deadline has passed']];
      if (latest.get(e.deadlineKey) !== e) return [[e, 'superseded by a later reminder']];
      return [];
    }),
  );
};

const handle = async (d: Deps, s: CourseSnapshot, entry: DueRecord): Promise<EntryOutcome> => {
  const deadline = courseDeadlines(s.course.config).find((x) => x.key === entry.deadlineKey);
  const base = { key: entry.key, deadlineKey: entry.deadlineKey, actions: [] as string[] };
  if (!deadline) return idle(entry, 'the deadline no longer exists');
  if (entry.job === 'reminders') {
    const tally = await deliver(
      d,
      s.course.courseId,
      entry.key,
      planReminders(s, entry, deadline.at),
      'reminder',
    );
    return { ...base, ...tally, done: tally.busy === 0 && tally.failed === 0 };
  }
  return enforce(d, s, entry, deadline.at);
};

/**
 * One run of a scheduled job. It reads only the due-time index for what fell due in the last week
 * (a course with nothing due costs nothing beyond that one Query), acts on each entry, marks it
 * done when nothing is left to retry, and records what it did per course for the instructors. Its
 * mails go to the outbox (`sent` counts what it queued): SES throttling is the sender's to retry.
 */
export const runJob = async (d: Deps, job: JobKind): Promise<JobRunSummary> => {
  const now = d.clock.now();
  const runId = randomUUID();
  const due = await queryDue(d, job, new Date(now.getTime() - JOB_LOOKBACK_MS), now);
  const byCourse = new Map<string, DueRecord[]>();
  for (const e of due) byCourse.set(e.courseId, [...(byCourse.get(e.courseId) ?? []), e]);
  const summary: JobRunSummary = {
    job,
    runId,
    now: now.toISOString(),
    due: due.length,
    courses: byCourse.size,
    sent: 0,
    failed: 0,
    entries: [],
  };
  for (const [courseId, entries] of byCourse) {
    const startedAt = d.clock.now().toISOString();
    const outcomes: EntryOutcome[] = [];
    try {
      const snapshot = await loadCourseSnapshot(d, courseId);
      const deadlines = new Map(
        snapshot ? courseDeadlines(snapshot.course.config).map((x) => [x.key, x.at] as const) : [],
      );
      const skipped =
        job === 'reminders' ? supersededReminders(entries, now, deadlines) : new Map<DueRecord, string>();
      for (const entry of entries.sort((a, b) => a.at.getTime() - b.at.getTime())) {
        let outcome: EntryOutcome;
        try {
          const skip = skipped.get(entry);
          outcome = !snapshot
            ? idle(entry, 'the course no longer exists')
            : skip
              ? idle(entry, skip)
              : await handle(d, snapshot, entry);
          if (outcome.done) await markDueDone(d, entry, d.clock.now());
        } catch (error) {
          log.error('scheduled entry failed; it stays due for the next run', {
            job,
            courseId,
            key: entry.key,
            error,
          });
          outcome = { ...idle(entry), done: false, error: (error as Error).message };
        }
        outcomes.push(outcome);
      }
    } finally {
      await recordJobRun(d, {
        courseId,
        job,
        runId,
        startedAt,
        finishedAt: d.clock.now().toISOString(),
        entries: outcomes,
      });
    }
    for (const o of outcomes) {
      summary.sent += o.sent;
      summary.failed += o.failed;
      summary.entries.push({ courseId, ...o });
    }
  }
  count('JobRun');
  return summary;
};
