import '../runtime/db-client.js';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.js';
import { log } from '../runtime/log.js';
import { GSI1_NAME, gsi1 } from '../store/keys.js';
import { isConditionFailure } from '../store/transactions.js';
import { PICKUP_GRACE_MS, recheckAt } from './outbox.js';

export interface RequeueSummary {
  now: string;
  due: number;
  requeued: number;
  /** Changed meanwhile (claimed, sent): left alone. */
  raced: number;
  failed: number;
}

/** At most this many items per run; the next run (a minute later) takes the rest. */
export const REQUEUE_BATCH = 500;

/**
 * The retry job: every outbox item under MAILRETRY in GSI1 whose instant has come goes back to
 * 'pending', which gives the sender a new stream record. That is a 'retry' whose backoff is over, a
 * 'sending' whose sender died (stale claim), or a 'pending' nobody claimed (its stream record was
 * lost). One Query on the index, no Scan; each write is conditional on the index entry it read, so
 * a mail claimed or sent meanwhile is left alone.
 */
export const requeueDue = async (
  d: Pick<Deps, 'db' | 'tableName' | 'clock'>,
  limit = REQUEUE_BATCH,
): Promise<RequeueSummary> => {
  const now = d.clock.now();
  const iso = now.toISOString();
  const due: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await d.db.send(
      new QueryCommand({
        TableName: d.tableName,
        IndexName: GSI1_NAME,
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':pk': gsi1.mailRetry, ':now': iso },
        Limit: limit - due.length,
        ExclusiveStartKey: start,
      }),
    );
    due.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start && due.length < limit);

  const summary: RequeueSummary = { now: iso, due: due.length, requeued: 0, raced: 0, failed: 0 };
  const next = recheckAt(now, PICKUP_GRACE_MS);
  for (const item of due) {
    try {
      await d.db.send(
        new UpdateCommand({
          TableName: d.tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression:
            'SET #status = :pending, requeuedAt = :now, gsi1sk = :next ADD requeues :one REMOVE retryAt',
          ConditionExpression: '#status = :seen AND gsi1pk = :pk AND gsi1sk = :seenSk',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':now': iso,
            ':next': next,
            ':one': 1,
            ':seen': item.status,
            ':pk': gsi1.mailRetry,
            ':seenSk': item.gsi1sk,
          },
        }),
      );
      summary.requeued += 1;
    } catch (error) {
      if (isConditionFailure(error)) summary.raced += 1;
      else {
        summary.failed += 1;
        log.error('outbox requeue failed; the next run tries again', { pk: item.pk, sk: item.sk, error });
      }
    }
  }
  return summary;
};
