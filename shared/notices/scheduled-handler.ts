import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { depsAt, type Deps } from '../runtime/deps.js';
import { beginInvocation, endInvocation, eventId, log } from '../runtime/log.js';
import type { JobRunSummary } from './run-job.js';

/** The part of an EventBridge scheduled event a job reads; anything else is ignored. */
const ScheduledEvent = z.looseObject({ 'detail-type': z.string().optional(), time: z.string().optional() });

const instantOf = (time: string | undefined): Date | undefined => {
  const at = time ? new Date(time) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
};

/**
 * Wraps a scheduled job: the job runs at the event's time (the schedule's instant); logs one
 * summary line (with the Lambda context and the event id as correlation id); writes the metrics it
 * counted; lets a failure escape so EventBridge retries the invocation and, after its retries,
 * leaves it in the dead-letter queue.
 */
export const scheduledHandler =
  (name: string, run: (d: Deps) => Promise<JobRunSummary>) =>
  async (event: unknown, context?: Context): Promise<JobRunSummary> => {
    beginInvocation(context, eventId(event));
    try {
      const parsed = ScheduledEvent.safeParse(event);
      const summary = await run(depsAt(parsed.success ? instantOf(parsed.data.time) : undefined));
      log.info('scheduled job finished', {
        job: name,
        scheduledAt: parsed.success ? parsed.data.time : undefined,
        due: summary.due,
        sent: summary.sent,
        failed: summary.failed,
      });
      return summary;
    } finally {
      endInvocation();
    }
  };
