import * as z from 'zod';
import type { Deps } from '../runtime/deps.js';
import { gsi1, keys } from '../store/keys.js';
import type { TransactItem } from '../store/table-ops.js';
import type { Mail } from './send-mail.js';

/**
 * The transactional outbox. A use case that must tell someone writes a `MailIntent` with
 * `outboxPut` in the SAME TransactWriteItems as its change: no change without its mails, no mail
 * without its change. Only the sender (functions/streams/mail-sender.ts, fed by the table's stream)
 * talks to SES; the retry job (functions/schedules/retry-mail.ts) puts back what is due again.
 *
 * Life of an item: pending → sending (claimed) → sent, or → retry (backoff) → pending … → dead
 * after MAX_ATTEMPTS (or at once for a refusal that retrying cannot fix). An instructor may move a
 * dead one back to pending (POST /courses/{courseId}/mail/{mailId}/resend).
 */

export const OUTBOX_TYPE = 'outbox';

export const MailAttachmentIntent = z.object({
  fileName: z.string().min(1).max(255),
  contentType: z.string().min(1).max(255),
  /** UTF-8 text (an .ics, a CSV); binary attachments are not stored in the table. */
  content: z.string(),
});

export const MailIntent = z.object({
  /** Idempotency key, unique per mail (e.g. booking#<group>#<sequence>#<recipient>): recorded once. */
  key: z
    .string()
    .min(1)
    .max(512)
    .regex(/^[^\s]+$/, 'no whitespace'),
  courseId: z.string().min(1),
  /** Which kind of mail this is: 'booking', 'receipt', 'grades', … (metrics, listings). */
  template: z.string().min(1).max(64),
  /** One recipient per intent is preferred: a failure then concerns one person only. */
  to: z.array(z.string().min(1)).min(1).max(50),
  subject: z.string(),
  text: z.string(),
  attachments: z.array(MailAttachmentIntent).optional(),
});
export type MailIntent = z.infer<typeof MailIntent>;

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'retry', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * A fan-out: ONE outbox item that stands for many mails, for a change that tells more people than
 * one transaction can hold (grades published to a course of 2,000). It is written in the change's
 * transaction like any intent and travels the same way (stream, claim, retry, dead, resend); the
 * sender does not send it but expands it (`expanders` in deliver.ts, by `kind`): it builds each
 * mail from the table and writes one ordinary intent per recipient, keyed `<keyBase>#<recipient>`
 * with a conditional Put, so an expansion given again skips the intents already written. Then the
 * fan-out is marked sent. Its `to` is empty: the recipients are known only when it is expanded.
 */
export const FanoutSpec = z.object({
  /** Which expander builds the mails, e.g. 'grades'. */
  kind: z.string().min(1).max(64),
  /** The per-recipient intents are keyed `<keyBase>#<recipient>`, e.g. grades#<publishedAt>. */
  keyBase: z
    .string()
    .min(1)
    .max(400)
    .regex(/^[^\s]+$/, 'no whitespace'),
  /**
   * Whom the fan-out may address, fixed when it was written, for an expander whose source may be
   * replaced before it runs (a withdrawal: the grades may be published again meanwhile).
   */
  audience: z
    .object({ scope: z.enum(['all', 'complete']), students: z.array(z.string()).optional() })
    .optional(),
});
export type FanoutSpec = z.infer<typeof FanoutSpec>;

export const FanoutIntent = MailIntent.pick({
  key: true,
  courseId: true,
  template: true,
  subject: true,
}).extend({ fanout: FanoutSpec });
export type FanoutIntent = z.infer<typeof FanoutIntent>;

/** An outbox item as stored (and as the stream's NewImage carries it, once unmarshalled). */
export const OutboxRecord = z.looseObject({
  ...MailIntent.shape,
  /** Empty for a fan-out (its recipients are found when it is expanded). */
  to: z.array(z.string().min(1)).max(50),
  fanout: FanoutSpec.optional(),
  /** Fan-out only: intents written by the expansion that completed it, and those found already there. */
  expanded: z.number().int().optional(),
  alreadyThere: z.number().int().optional(),
  pk: z.string(),
  sk: z.string(),
  type: z.literal(OUTBOX_TYPE),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int().min(0),
  createdAt: z.string(),
  claimedAt: z.string().optional(),
  claimId: z.string().optional(),
  retryAt: z.string().optional(),
  sentAt: z.string().optional(),
  messageId: z.string().optional(),
  lastError: z.string().optional(),
  deadAt: z.string().optional(),
  gsi1pk: z.string().optional(),
  gsi1sk: z.string().optional(),
});
export type OutboxRecord = z.infer<typeof OutboxRecord>;

/** Attempts before a mail is dead (each failed send counts one). */
export const MAX_ATTEMPTS = 8;
/** A 'sending' claim older than this belongs to a sender that died: it may be taken again. */
export const CLAIM_STALE_MS = 5 * 60_000;
/**
 * A pending item nobody claimed within this is put back by the retry job (a stream record lost or
 * given up after its retries): the safety net that makes the stream an optimisation, not a must.
 */
export const PICKUP_GRACE_MS = 5 * 60_000;

export const recheckAt = (now: Date, afterMs: number): string =>
  new Date(now.getTime() + afterMs).toISOString();

/**
 * The Put of one mail intent, for the use case's own TransactWriteItems. The condition records one
 * key once: a second intent with the same key cancels the transaction (the change it belongs to was
 * already made). The item sits in GSI1 under MAILRETRY until it is sent, so the retry job finds it
 * if no sender ever claims it.
 */
export const outboxPut = (d: Pick<Deps, 'tableName'>, intent: MailIntent, now: Date): TransactItem => {
  const mail = MailIntent.parse(intent);
  return {
    Put: {
      TableName: d.tableName,
      Item: {
        ...keys.outbox(mail.courseId, mail.key),
        type: OUTBOX_TYPE,
        status: 'pending' satisfies OutboxStatus,
        attempts: 0,
        createdAt: now.toISOString(),
        ...mail,
        gsi1pk: gsi1.mailRetry,
        gsi1sk: recheckAt(now, PICKUP_GRACE_MS),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
};

/**
 * The Put of one fan-out item, for the change's own transaction: recorded once (same condition as
 * an intent), waiting in GSI1 like one, so a lost stream record is picked up by the retry job.
 */
export const fanoutPut = (d: Pick<Deps, 'tableName'>, intent: FanoutIntent, now: Date): TransactItem => {
  const f = FanoutIntent.parse(intent);
  return {
    Put: {
      TableName: d.tableName,
      Item: {
        ...keys.outbox(f.courseId, f.key),
        type: OUTBOX_TYPE,
        status: 'pending' satisfies OutboxStatus,
        attempts: 0,
        createdAt: now.toISOString(),
        ...f,
        to: [],
        text: '',
        gsi1pk: gsi1.mailRetry,
        gsi1sk: recheckAt(now, PICKUP_GRACE_MS),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
};

/** Intents for mails built the usual way (one recipient each), keyed `<keyBase>#<recipient>`. */
export const intentsFor = (
  courseId: string,
  template: string,
  keyBase: string,
  mails: readonly Mail[],
): MailIntent[] =>
  mails.flatMap((mail) =>
    mail.to.map((recipient) => ({
      key: `${keyBase}#${recipient.toLowerCase()}`,
      courseId,
      template,
      to: [recipient],
      subject: mail.subject,
      text: mail.text,
      ...(mail.attachments?.length
        ? {
            attachments: mail.attachments.map((a) => ({
              fileName: a.fileName,
              contentType: a.contentType,
              content: typeof a.content === 'string' ? a.content : new TextDecoder().decode(a.content),
            })),
          }
        : {}),
    })),
  );

/** The id a route names a mail by: the key, base64url (keys hold '#' and '@'). */
export const mailIdOf = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');
export const keyOfMailId = (mailId: string): string => Buffer.from(mailId, 'base64url').toString('utf8');
