import type { Context } from 'aws-lambda';
import { deliverRecords, parseStreamEvent, streamInstant } from '../../shared/mail/deliver.js';
import { pacerFor } from '../../shared/mail/pacer.js';
import { depsAt } from '../../shared/runtime/deps.js';
import { beginInvocation, endInvocation, log } from '../../shared/runtime/log.js';

/**
 * The outbox sender, fed by the table's DynamoDB stream (filtered to pending outbox items). Each
 * mail is claimed, sent at most at the account's SES rate (read once per cold start) and recorded;
 * only records whose state could not be written are returned for Lambda to give again
 * (ReportBatchItemFailures). "Now" is the latest record's creation instant, running on.
 */
export const handler = async (
  event: unknown,
  context?: Context,
): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> => {
  beginInvocation(context, undefined);
  try {
    const records = parseStreamEvent(event);
    if (!records.length) return { batchItemFailures: [] };
    const d = depsAt(streamInstant(records));
    const report = await deliverRecords(d, records, { pacer: await pacerFor(d) });
    log.info('outbox batch', { records: records.length, ...report.outcomes });
    return { batchItemFailures: report.batchItemFailures };
  } finally {
    endInvocation();
  }
};
