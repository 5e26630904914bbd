import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import { defineEntity } from './entity.js';
import { keys } from './keys.js';
import type { Db } from './table-ops.js';
import { isConditionFailure } from './transactions.js';

/** A claim older than this is taken to belong to a run that died before it could record the outcome. */
export const CLAIM_LEASE_MS = 10 * 60 * 1000;

export type NoticeStatus = 'claimed' | 'sent' | 'failed';

/** One notice to one recipient (keys.notice): claimed, then sent or failed. Written by UpdateItem only. */
export const noticeEntity = defineEntity({
  type: 'notice',
  schema: z.object({
    courseId: z.string(),
    noticeKey: z.string(),
    recipient: z.string(),
    status: z.enum(['claimed', 'sent', 'failed']),
    claimedAt: z.string(),
    runId: z.string(),
    attempts: z.number(),
    sentAt: z.string().optional(),
    messageId: z.string().optional(),
    failedAt: z.string().optional(),
    error: z.string().optional(),
  }),
  key: (n) => keys.notice(n.courseId, n.noticeKey, n.recipient),
});
export type NoticeRecord = z.output<typeof noticeEntity.schema>;

/**
 * Claims the right to send one notice ('claimed'), or says why not: already 'sent', or held by
 * another run that has not finished ('failed' here means "not known to be sent"). One conditional
 * write that succeeds only if nobody sent it, nobody is sending it right now, or an earlier attempt
 * failed or was abandoned.
 */
export const claimNotice = async (
  d: Db,
  courseId: string,
  noticeKey: string,
  recipient: string,
  runId: string,
  now: Date,
): Promise<'claimed' | NoticeStatus> => {
  try {
    await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: keys.notice(courseId, noticeKey, recipient),
        UpdateExpression:
          'SET #s = :claimed, claimedAt = :now, runId = :run, attempts = if_not_exists(attempts, :zero) + :one, courseId = :c, noticeKey = :k, recipient = :r, #t = :t',
        ConditionExpression:
          'attribute_not_exists(pk) OR #s = :failed OR (#s = :claimed AND claimedAt < :stale)',
        ExpressionAttributeNames: { '#s': 'status', '#t': 'type' },
        ExpressionAttributeValues: {
          ':claimed': 'claimed',
          ':failed': 'failed',
          ':now': now.toISOString(),
          ':stale': new Date(now.getTime() - CLAIM_LEASE_MS).toISOString(),
          ':run': runId,
          ':zero': 0,
          ':one': 1,
          ':c': courseId,
          ':k': noticeKey,
          ':r': recipient,
          ':t': 'notice',
        },
        // On a lost race, say what the notice is at: sent (done) or held by another run (not done yet).
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return 'claimed';
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // The exception carries the old item as DynamoDB attribute values (ALL_OLD), not yet decoded.
    const raw = error instanceof ConditionalCheckFailedException ? error.Item : undefined;
    const old = noticeEntity.parse(raw ? unmarshall(raw) : undefined);
    return old?.status === 'sent' ? 'sent' : 'failed';
  }
};

export const recordNoticeOutcome = (
  d: Db,
  courseId: string,
  noticeKey: string,
  recipient: string,
  outcome: { status: 'sent'; messageId?: string; at: Date } | { status: 'failed'; error: string; at: Date },
) =>
  d.db.send(
    new UpdateCommand({
      TableName: d.tableName,
      Key: keys.notice(courseId, noticeKey, recipient),
      UpdateExpression:
        outcome.status === 'sent'
          ? 'SET #s = :s, sentAt = :at, messageId = :m REMOVE #e'
          : 'SET #s = :s, failedAt = :at, #e = :m',
      ExpressionAttributeNames: { '#s': 'status', '#e': 'error' },
      ExpressionAttributeValues: {
        ':s': outcome.status,
        ':at': outcome.at.toISOString(),
        ':m': outcome.status === 'sent' ? (outcome.messageId ?? 'unknown') : outcome.error,
      },
    }),
  );
