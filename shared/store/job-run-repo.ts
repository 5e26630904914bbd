import * as z from 'zod';
import { defineEntity } from './entity.js';
import { keys } from './keys.js';

const EntryOutcome = z.object({
  key: z.string(),
  deadlineKey: z.string(),
  sent: z.number(),
  already: z.number(),
  busy: z.number(),
  failed: z.number(),
  /** Recipients whose send failed in this run; the next run retries them. */
  failedRecipients: z.array(z.string()).optional(),
  /** What enforcement did: placements, assignments, summaries. */
  actions: z.array(z.string()),
  done: z.boolean(),
  error: z.string().optional(),
});
export type EntryOutcome = z.output<typeof EntryOutcome>;

/** History is kept a year (TTL), enough for a course's whole term and its appeals. */
const HISTORY_TTL_S = 365 * 24 * 3600;

/** One run of a scheduled job for one course (keys.jobRun), expired by TTL after a year. */
export const jobRunEntity = defineEntity({
  type: 'job-run',
  schema: z.object({
    courseId: z.string(),
    job: z.enum(['reminders', 'enforcement']),
    runId: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    entries: z.array(EntryOutcome),
  }),
  key: (r) => keys.jobRun(r.courseId, r.job, r.startedAt, r.runId),
  encode: (r) => ({ ...r, expiresAt: Math.floor(Date.parse(r.finishedAt) / 1000) + HISTORY_TTL_S }),
});
export type JobRunRecord = z.output<typeof jobRunEntity.schema>;
