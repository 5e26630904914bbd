import type { Caller } from '../auth/caller.js';
import { auditPut } from '../audit/audit-entry.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { isoInZone } from '../domain/local-time.js';
import { Conflict, NotFound } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { GSI1_NAME, coursePk, gsi1, keys, prefixes } from '../store/keys.js';
import { queryAll, queryCourse, type Item } from '../store/table-ops.js';
import { transactNamed, TransactionFailed } from '../store/transactions.js';
import { OutboxRecord, PICKUP_GRACE_MS, keyOfMailId, mailIdOf, recheckAt } from './outbox.js';
import type { MailListQuery, MailView, ResendBody } from './schemas.js';

const view = (item: OutboxRecord, zone: string): MailView => {
  const at = (iso: string | undefined) => (iso ? isoInZone(new Date(iso), zone) : undefined);
  const optional = {
    error: item.lastError,
    retryAt: item.status === 'retry' ? at(item.retryAt) : undefined,
    deadAt: item.status === 'dead' ? at(item.deadAt) : undefined,
    sentAt: item.status === 'sent' ? at(item.sentAt) : undefined,
  };
  return {
    mailId: mailIdOf(item.key),
    template: item.template,
    status: item.status,
    to: item.to,
    subject: item.subject,
    attempts: item.attempts,
    createdAt: at(item.createdAt) ?? item.createdAt,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
};

const records = (items: Item[]) =>
  items.flatMap((i) => {
    const parsed = OutboxRecord.safeParse(i);
    return parsed.success ? [parsed.data] : [];
  });

/**
 * A course's mails by status, for its instructors. Dead ones are one Query on GSI1
 * (DEADMAIL#<course>, newest first); the other statuses read the course's MAIL# items.
 */
export const listMail = async (d: Deps, courseId: string, caller: Caller, query: MailListQuery) => {
  const access = await loadAccess(d, courseId, caller);
  requireStaff(access, "list the course's mail");
  const zone = access.course.config.timeZone;
  const items =
    query.status === 'dead'
      ? await queryAll(d, {
          IndexName: GSI1_NAME,
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': gsi1.deadMail(courseId) },
          ScanIndexForward: false,
        })
      : await queryCourse(d, coursePk(courseId), prefixes.outbox, {
          FilterExpression: '#status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': query.status },
        });
  return records(items)
    .filter((r) => r.status === query.status)
    .map((r) => view(r, zone));
};

/**
 * Sends a dead mail again: dead → pending with its attempts reset (the stream gives it to the
 * sender), audited in the same transaction. Only a dead mail can be resent.
 */
export const resendMail = async (
  d: Deps,
  courseId: string,
  mailId: string,
  caller: Caller,
  body: ResendBody,
) => {
  const key = keyOfMailId(mailId);
  const access = await loadAccess(d, courseId, caller, [keys.outbox(courseId, key)]);
  requireStaff(access, 'resend mail');
  const found = records(access.extras).find((r) => r.sk === keys.outbox(courseId, key).sk);
  if (!found) throw new NotFound(`No mail "${mailId}" in "${courseId}"`);
  if (found.status !== 'dead')
    throw new Conflict(`Only a dead mail can be resent; this one is ${found.status}`, 'mail_not_dead');
  const now = d.clock.now();
  try {
    await transactNamed(d, {
      mail: {
        Update: {
          TableName: d.tableName,
          Key: keys.outbox(courseId, key),
          UpdateExpression:
            'SET #status = :pending, attempts = :zero, resentAt = :now, resentBy = :by, gsi1pk = :pk, gsi1sk = :next REMOVE deadAt, retryAt, claimId',
          ConditionExpression: '#status = :dead',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':dead': 'dead',
            ':zero': 0,
            ':now': now.toISOString(),
            ':by': caller.email,
            ':pk': gsi1.mailRetry,
            ':next': recheckAt(now, PICKUP_GRACE_MS),
          },
        },
      },
      audit: auditPut(d.tableName, {
        courseId,
        actor: caller.email,
        action: 'mail.resend',
        target: found.to.join(', '),
        before: { status: 'dead', attempts: found.attempts, error: found.lastError, subject: found.subject },
        after: { status: 'pending' },
        at: now,
        ...(body.reason ? { reason: body.reason } : {}),
      }),
    });
  } catch (error) {
    if (error instanceof TransactionFailed && error.has('mail'))
      throw new Conflict('The mail changed meanwhile (already resent?); reload the list', 'mail_changed');
    throw error;
  }
  return view(
    { ...found, status: 'pending', attempts: 0, lastError: found.lastError },
    access.course.config.timeZone,
  );
};
