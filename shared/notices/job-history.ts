import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { JobKind } from '../domain/notice-schedule.js';
import type { Deps } from '../runtime/deps.js';
import { coursePk, keys, prefixes } from '../store/keys.js';
import { queryCourse, type Db } from '../store/table-ops.js';

export interface EntryOutcome {
  key: string;
  deadlineKey: string;
  sent: number;
  already: number;
  busy: number;
  failed: number;
  /** Recipients whose send failed in this run; the next run retries them. */
  failedRecipients?: string[];
  /** What enforcement did: placements, assignments, summaries. */
  actions: string[];
  done: boolean;
  error?: string;
}

export interface JobRunRecord {
  courseId: string;
  job: JobKind;
  runId: string;
  startedAt: string;
  finishedAt: string;
  entries: EntryOutcome[];
}

/** History is kept a year (TTL), enough for a course's whole term and its appeals. */
const HISTORY_TTL_S = 365 * 24 * 3600;

export const recordJobRun = (d: Db, r: JobRunRecord) =>
  d.db.send(
    new PutCommand({
      TableName: d.tableName,
      Item: {
        ...keys.jobRun(r.courseId, r.job, r.startedAt, r.runId),
        type: 'job-run',
        ...r,
        expiresAt: Math.floor(Date.parse(r.finishedAt) / 1000) + HISTORY_TTL_S,
      },
    }),
  );

/** Newest first, across both jobs. */
export const listJobRuns = async (d: Deps, courseId: string, limit = 100): Promise<JobRunRecord[]> => {
  const items = await queryCourse(d, coursePk(courseId), prefixes.jobRun);
  return items
    .map((i) => ({
      courseId: i.courseId as string,
      job: i.job as JobKind,
      runId: i.runId as string,
      startedAt: i.startedAt as string,
      finishedAt: i.finishedAt as string,
      entries: i.entries as EntryOutcome[],
    }))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .slice(0, limit);
};
