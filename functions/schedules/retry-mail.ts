import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { requeueDue, type RequeueSummary } from '../../shared/mail/requeue.js';
import { depsAt } from '../../shared/runtime/deps.js';
import { beginInvocation, endInvocation, eventId, log } from '../../shared/runtime/log.js';

const ScheduledEvent = z.looseObject({ time: z.string().optional() });

/**
 * Every minute: outbox mails whose retry is due (or whose sender died, or that no sender picked up)
 * go back to pending, which gives the sender a new stream record. Runs at the schedule's instant.
 */
export const handler = async (event: unknown, context?: Context): Promise<RequeueSummary> => {
  beginInvocation(context, eventId(event));
  try {
    const parsed = ScheduledEvent.safeParse(event);
    const at = parsed.success && parsed.data.time ? new Date(parsed.data.time) : undefined;
    const summary = await requeueDue(depsAt(at && !Number.isNaN(at.getTime()) ? at : undefined));
    if (summary.due) log.info('outbox requeue', { ...summary });
    return summary;
  } finally {
    endInvocation();
  }
};
