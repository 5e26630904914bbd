import '../runtime/db-client.js';
import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import type { Deps } from '../runtime/deps.js';
import { log } from '../runtime/log.js';
import { count } from '../runtime/metrics.js';
import { gsi1 } from '../store/keys.js';
import { isConditionFailure, TransactionFailed, transactNamed } from '../store/transactions.js';
import { expandGradesFanout } from '../grades/grade-fanout.js';
import {
  CLAIM_STALE_MS,
  MAX_ATTEMPTS,
  OUTBOX_TYPE,
  OutboxRecord,
  outboxPut,
  recheckAt,
  type FanoutSpec,
  type MailIntent,
  type OutboxStatus,
} from './outbox.js';
import type { Pacer } from './pacer.js';
import { sendMail } from './send-mail.js';

/** The part of Lambda's DynamoDB stream event the sender reads. */
const StreamEvent = z.object({
  Records: z.array(
    z.looseObject({
      eventID: z.string().optional(),
      eventName: z.string().optional(),
      dynamodb: z
        .looseObject({
          Keys: z.record(z.string(), z.unknown()).optional(),
          NewImage: z.record(z.string(), z.unknown()).optional(),
          SequenceNumber: z.string().optional(),
          /** Epoch seconds. */
          ApproximateCreationDateTime: z.number().optional(),
        })
        .optional(),
    }),
  ),
});
export type StreamEvent = z.infer<typeof StreamEvent>;

export const parseStreamEvent = (event: unknown): StreamEvent['Records'] => {
  const parsed = StreamEvent.safeParse(event);
  if (!parsed.success) {
    log.warn('not a DynamoDB stream event; ignored', { issues: parsed.error.issues.length });
    return [];
  }
  return parsed.data.Records;
};

/** The latest instant the records were written at, when the event says (the local stack stamps its clock). */
export const streamInstant = (records: StreamEvent['Records']): Date | undefined => {
  const seconds = records.flatMap((r) => {
    const s = r.dynamodb?.ApproximateCreationDateTime;
    return typeof s === 'number' ? [s] : [];
  });
  return seconds.length ? new Date(Math.max(...seconds) * 1000) : undefined;
};

/** Exponential backoff with jitter: 10 s · 2^(n-1), capped at 15 min, the second half random. */
export const backoffMs = (attempts: number, random: () => number = Math.random): number => {
  const base = Math.min(15 * 60_000, 10_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base / 2 + (random() * base) / 2);
};

const describe = (error: unknown): string => {
  const e = error as { name?: string; message?: string } | null;
  return (e?.name ? `${e.name}: ${e.message ?? ''}` : String(error)).slice(0, 1000);
};

/** SES answers retrying can fix: throttling and quotas, its 5xx, the network. Others are final. */
export const isRetryable = (error: unknown): boolean => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  if (
    ['TooManyRequestsException', 'LimitExceededException', 'ThrottlingException', 'Throttling'].includes(
      e?.name ?? '',
    )
  )
    return true;
  const status = e?.$metadata?.httpStatusCode;
  return status === undefined || status === 429 || status >= 500;
};

export type DeliveryOutcome = 'sent' | 'retry' | 'dead' | 'skipped' | 'unrecorded';

export interface DeliveryReport {
  batchItemFailures: { itemIdentifier: string }[];
  outcomes: Record<DeliveryOutcome, number>;
}

export interface DeliverOptions {
  pacer: Pacer;
  random?: () => number;
  /** Fan-out expanders by kind (default EXPANDERS); tests give their own. */
  expanders?: Readonly<Record<string, Expander>>;
}

type Db = Pick<Deps, 'db' | 'tableName' | 'ses' | 'mailFrom' | 'clock'>;

const statusUpdate = (
  d: Db,
  item: OutboxRecord,
  claimId: string,
  set: Record<string, unknown>,
  remove: string[] = [],
) =>
  d.db.send(
    new UpdateCommand({
      TableName: d.tableName,
      Key: { pk: item.pk, sk: item.sk },
      UpdateExpression:
        `SET ${Object.keys(set)
          .map((k) => `#${k} = :${k}`)
          .join(', ')}` + (remove.length ? ` REMOVE ${remove.map((k) => `#${k}`).join(', ')}` : ''),
      ConditionExpression: '#status = :was AND #claimId = :claimId',
      ExpressionAttributeNames: Object.fromEntries(
        [...Object.keys(set), ...remove, 'status', 'claimId'].map((k) => [`#${k}`, k]),
      ),
      ExpressionAttributeValues: {
        ...Object.fromEntries(Object.entries(set).map(([k, v]) => [`:${k}`, v])),
        ':was': 'sending' satisfies OutboxStatus,
        ':claimId': claimId,
      },
    }),
  );

/**
 * Takes a pending mail for this sender: pending → sending, or a 'sending' whose claim went stale
 * (its sender died). While sending it waits in GSI1 (MAILRETRY at the stale instant), so the retry
 * job puts it back if this sender dies too. Returns the item as claimed, or undefined when someone
 * else has it or it is already done.
 */
const claim = async (d: Db, key: { pk: string; sk: string }, claimId: string) => {
  const now = d.clock.now();
  try {
    const out = await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: key,
        UpdateExpression:
          'SET #status = :sending, claimedAt = :now, claimId = :claimId, gsi1pk = :retryPk, gsi1sk = :staleAt',
        ConditionExpression:
          '#type = :outbox AND (#status = :pending OR (#status = :sending AND claimedAt < :staleBefore))',
        ExpressionAttributeNames: { '#status': 'status', '#type': 'type' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':pending': 'pending',
          ':outbox': OUTBOX_TYPE,
          ':now': now.toISOString(),
          ':claimId': claimId,
          ':retryPk': gsi1.mailRetry,
          ':staleAt': recheckAt(now, CLAIM_STALE_MS),
          ':staleBefore': new Date(now.getTime() - CLAIM_STALE_MS).toISOString(),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return OutboxRecord.parse(out.Attributes);
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
};

type Fields = { courseId: string; key: string; template: string };

/**
 * Records a failed attempt (a send, or a fan-out's expansion): retry after a backoff, or dead after
 * MAX_ATTEMPTS or at once when retrying cannot help.
 */
const recordFailure = async (
  d: Db,
  item: OutboxRecord,
  claimId: string,
  failure: unknown,
  options: DeliverOptions,
): Promise<DeliveryOutcome> => {
  const now = d.clock.now();
  const fields: Fields = { courseId: item.courseId, key: item.key, template: item.template };
  const attempts = item.attempts + 1;
  const lastError = describe(failure);
  const final = !isRetryable(failure) || attempts >= MAX_ATTEMPTS;
  if (final) {
    const deadAt = now.toISOString();
    await statusUpdate(d, item, claimId, {
      status: 'dead',
      attempts,
      lastError,
      deadAt,
      gsi1pk: gsi1.deadMail(item.courseId),
      gsi1sk: `${deadAt}#${item.key}`,
    });
    log.error('mail given up', { ...fields, attempts, lastError });
    count('MailDead');
    return 'dead';
  }
  const retryAt = recheckAt(now, backoffMs(attempts, options.random));
  await statusUpdate(d, item, claimId, {
    status: 'retry',
    attempts,
    lastError,
    retryAt,
    gsi1pk: gsi1.mailRetry,
    gsi1sk: retryAt,
  });
  log.warn('mail send failed; retried later', { ...fields, attempts, retryAt, lastError });
  count('MailRetried');
  return 'retry';
};

/** The outcome could not be written because our claim went stale and another sender took the item. */
const claimLost = (error: unknown, item: OutboxRecord): DeliveryOutcome => {
  if (!isConditionFailure(error)) throw error;
  // Another sender took it: a mail may go out twice (at least once); a fan-out's intents never do.
  log.warn('outbox claim lost while sending', {
    courseId: item.courseId,
    key: item.key,
    template: item.template,
  });
  return 'skipped';
};

/**
 * Sends one claimed mail, paced, and records what happened. Throws only when the outcome could
 * not be recorded (the caller reports the stream record as failed).
 */
const sendClaimed = async (
  d: Db,
  item: OutboxRecord,
  claimId: string,
  options: DeliverOptions,
): Promise<DeliveryOutcome> => {
  await options.pacer.take();
  let messageId: string | undefined;
  let failure: unknown;
  try {
    messageId = await sendMail(d, {
      to: item.to,
      subject: item.subject,
      text: item.text,
      ...(item.attachments ? { attachments: item.attachments } : {}),
    });
    if (!messageId) failure = new Error('NoRecipient: no valid recipient address');
  } catch (error) {
    failure = error;
  }
  try {
    if (failure !== undefined) return await recordFailure(d, item, claimId, failure, options);
    await statusUpdate(
      d,
      item,
      claimId,
      { status: 'sent', sentAt: d.clock.now().toISOString(), messageId: messageId ?? '' },
      ['gsi1pk', 'gsi1sk'],
    );
    count('MailSent');
    return 'sent';
  } catch (error) {
    return claimLost(error, item);
  }
};

/** Conditional Puts per TransactWriteItems (DynamoDB's limit is 100 items). */
export const FANOUT_CHUNK = 100;
/** Chunks written at once by one expansion. */
const FANOUT_PARALLEL = 4;

/**
 * Writes intents once each: chunks of conditional Puts in TransactWriteItems. A chunk cancelled
 * because some keys exist (an expansion given again) is written again without them, so
 * re-delivery only skips. Returns how many were written and how many were there already.
 */
export const putIntentsOnce = async (
  d: Pick<Deps, 'db' | 'tableName'>,
  intents: readonly MailIntent[],
  now: Date,
): Promise<{ written: number; alreadyThere: number }> => {
  const chunks: MailIntent[][] = [];
  for (let i = 0; i < intents.length; i += FANOUT_CHUNK) chunks.push(intents.slice(i, i + FANOUT_CHUNK));
  const total = { written: 0, alreadyThere: 0 };
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let chunk = chunks[next++] ?? [];
      while (chunk.length) {
        try {
          await transactNamed(
            d,
            chunk.map((intent, i) => [String(i), outboxPut(d, intent, now)] as const),
            { attempts: 3 },
          );
          total.written += chunk.length;
          chunk = [];
        } catch (error) {
          if (!(error instanceof TransactionFailed) || !error.conditions.length) throw error;
          const there = new Set(error.conditions.map((f) => Number(f.name)));
          total.alreadyThere += there.size;
          chunk = chunk.filter((_, i) => !there.has(i));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(FANOUT_PARALLEL, chunks.length) }, worker));
  return total;
};

/** Builds the mails a fan-out stands for (one intent per recipient, keyed `<keyBase>#<recipient>`). */
export type Expander = (d: Db, fanout: OutboxRecord & { fanout: FanoutSpec }) => Promise<MailIntent[]>;

export const EXPANDERS: Readonly<Record<string, Expander>> = { grades: expandGradesFanout };

/**
 * Expands one claimed fan-out: its intents are built and written once each (no SES call, no
 * pacing: the mails then come back through the stream as ordinary pending intents), and it is
 * marked sent with the counts. A failure is retried like a send (backoff, then dead, resendable).
 */
const expandClaimed = async (
  d: Db,
  item: OutboxRecord & { fanout: FanoutSpec },
  claimId: string,
  options: DeliverOptions,
): Promise<DeliveryOutcome> => {
  let done: { written: number; alreadyThere: number } | undefined;
  let failure: unknown;
  try {
    const expander = (options.expanders ?? EXPANDERS)[item.fanout.kind];
    if (!expander)
      throw Object.assign(new Error(`UnknownFanout: no expander for "${item.fanout.kind}"`), {
        $metadata: { httpStatusCode: 400 },
      });
    done = await putIntentsOnce(d, await expander(d, item), d.clock.now());
  } catch (error) {
    failure = error;
  }
  try {
    if (!done) return await recordFailure(d, item, claimId, failure, options);
    await statusUpdate(
      d,
      item,
      claimId,
      {
        status: 'sent',
        sentAt: d.clock.now().toISOString(),
        expanded: done.written,
        alreadyThere: done.alreadyThere,
      },
      ['gsi1pk', 'gsi1sk'],
    );
    log.info('outbox fan-out expanded', { courseId: item.courseId, key: item.key, ...done });
    return 'sent';
  } catch (error) {
    return claimLost(error, item);
  }
};

/**
 * The sender: for each stream record of a pending outbox item, claim it, send it (never faster
 * than the pacer allows), record sent / retry / dead. A record whose state could not be written is
 * reported in batchItemFailures (ReportBatchItemFailures), so Lambda gives it again; everything
 * else is done, whatever SES said.
 */
export const deliverRecords = async (
  d: Db,
  records: StreamEvent['Records'],
  options: DeliverOptions,
): Promise<DeliveryReport> => {
  const report: DeliveryReport = {
    batchItemFailures: [],
    outcomes: { sent: 0, retry: 0, dead: 0, skipped: 0, unrecorded: 0 },
  };
  for (const record of records) {
    const image = record.dynamodb?.NewImage;
    const id = record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
    if (record.eventName === 'REMOVE' || !image) {
      report.outcomes.skipped += 1;
      continue;
    }
    const item = unmarshall(image as Record<string, AttributeValue>);
    if (item.type !== OUTBOX_TYPE || item.status !== 'pending' || typeof item.pk !== 'string') {
      report.outcomes.skipped += 1;
      continue;
    }
    const claimId = randomUUID();
    try {
      const claimed = await claim(d, { pk: item.pk, sk: String(item.sk) }, claimId);
      const outcome = !claimed
        ? 'skipped'
        : claimed.fanout
          ? await expandClaimed(d, { ...claimed, fanout: claimed.fanout }, claimId, options)
          : await sendClaimed(d, claimed, claimId, options);
      report.outcomes[outcome] += 1;
    } catch (error) {
      log.error('outbox state not recorded; the record is given again', { pk: item.pk, sk: item.sk, error });
      report.outcomes.unrecorded += 1;
      report.batchItemFailures.push({ itemIdentifier: id });
    }
  }
  return report;
};
