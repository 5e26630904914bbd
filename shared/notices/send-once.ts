import { outboxPut, type MailIntent } from '../mail/outbox.js';
import type { Mail } from '../mail/send-mail.js';
import type { Deps } from '../runtime/deps.js';
import { log } from '../runtime/log.js';
import { keys } from '../store/keys.js';
import { CLAIM_LEASE_MS } from '../store/notice-repo.js';
import { TransactionFailed, transactNamed, type TransactItem } from '../store/transactions.js';
import type { PlannedNotice } from './plan-reminders.js';

/**
 * 'sent' = queued in the outbox now (the sender delivers it, and retries it, a moment later);
 * 'already' = queued (or sent) before; 'busy' = a run of the former code is sending it right now;
 * 'failed' = not queued (the write failed): the entry stays due and the next run tries again.
 */
export type SendOutcome = 'sent' | 'already' | 'busy' | 'failed';

/** The outbox key of one notice to one recipient: the intent is written once, so the mail is. */
export const noticeMailKey = (noticeKey: string, recipient: string) =>
  `notice#${noticeKey}#${recipient.toLowerCase()}`;

/**
 * Notices sent before the outbox have a NOTICE# record (claimed → sent | failed). A notice whose
 * record says sent, or that a run of that code holds right now, is not queued again; one that
 * failed or was abandoned is. Read-only: nothing writes NOTICE# records any more.
 */
const notSentBefore = (d: Deps, courseId: string, noticeKey: string, recipient: string, now: Date) =>
  ({
    ConditionCheck: {
      TableName: d.tableName,
      Key: keys.notice(courseId, noticeKey, recipient),
      ConditionExpression:
        'attribute_not_exists(pk) OR #s = :failed OR (#s = :claimed AND claimedAt < :stale)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':failed': 'failed',
        ':claimed': 'claimed',
        ':stale': new Date(now.getTime() - CLAIM_LEASE_MS).toISOString(),
      },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  }) satisfies TransactItem;

/**
 * Queues a notice at most once per (notice key, recipient): ONE TransactWriteItems with the outbox
 * intent, keyed by the notice (`notice#<noticeKey>#<recipient>`, a conditional Put) and a check that
 * no earlier code sent it. The job no longer talks to SES: a throttled or failed send is the
 * outbox's to retry (backoff, then dead, listed for the instructors), never the job's.
 */
export const sendOnce = async (
  d: Deps,
  notice: { courseId: string; key: string; recipient: string; template: string; mail: Omit<Mail, 'to'> },
): Promise<SendOutcome> => {
  const now = d.clock.now();
  const intent: MailIntent = {
    key: noticeMailKey(notice.key, notice.recipient),
    courseId: notice.courseId,
    template: notice.template,
    to: [notice.recipient],
    subject: notice.mail.subject,
    text: notice.mail.text,
  };
  try {
    await transactNamed(
      d,
      {
        before: notSentBefore(d, notice.courseId, notice.key, notice.recipient, now),
        mail: outboxPut(d, intent, now),
      },
      { attempts: 3 },
    );
    return 'sent';
  } catch (error) {
    if (error instanceof TransactionFailed && error.has('mail')) return 'already';
    if (error instanceof TransactionFailed && error.has('before'))
      return error.item('before')?.status === 'sent' ? 'already' : 'busy';
    log.warn('notice not queued; the next run tries again', {
      courseId: notice.courseId,
      key: notice.key,
      recipient: notice.recipient,
      error,
    });
    return 'failed';
  }
};

/**
 * Queues each planned notice once; the entry is done only when every one is known to be queued.
 * The history's `sent` counts what this run queued.
 */
export const deliver = async (
  d: Deps,
  courseId: string,
  noticeKey: string,
  planned: PlannedNotice[],
  template: string,
) => {
  const tally = { sent: 0, already: 0, busy: 0, failed: 0, failedRecipients: [] as string[] };
  for (const p of planned) {
    const outcome = await sendOnce(d, {
      courseId,
      key: noticeKey,
      recipient: p.recipient,
      template,
      mail: p.mail,
    });
    tally[outcome] += 1;
    // The job history says who is still waiting for the next run, not only how many.
    if (outcome === 'failed') tally.failedRecipients.push(p.recipient);
  }
  return tally;
};
