import { sendMail, type Mail } from '../mail/send-mail.js';
import type { Deps } from '../runtime/deps.js';
import { log } from '../runtime/log.js';
import { claimNotice, recordNoticeOutcome } from '../store/notice-repo.js';
import type { PlannedNotice } from './plan-reminders.js';

/** 'already' = sent before; 'busy' = another run holds it now (not done: the entry stays due). */
export type SendOutcome = 'sent' | 'already' | 'busy' | 'failed';

/**
 * Sends a notice at most once per (notice key, recipient): the intent is recorded first with a
 * conditional write, then the mail goes out, then the outcome is recorded. A failed send (SES
 * throttling, quota) is marked failed and taken again by the next run, never lost.
 */
export const sendOnce = async (
  d: Deps,
  notice: { courseId: string; key: string; recipient: string; mail: Omit<Mail, 'to'> },
  runId: string,
): Promise<SendOutcome> => {
  const now = d.clock.now();
  const claim = await claimNotice(d, notice.courseId, notice.key, notice.recipient, runId, now);
  if (claim !== 'claimed') return claim === 'sent' ? 'already' : 'busy';
  let messageId: string | undefined;
  try {
    messageId = await sendMail(d, { ...notice.mail, to: [notice.recipient] });
  } catch (error) {
    const message = (error as Error).name
      ? `${(error as Error).name}: ${(error as Error).message}`
      : String(error);
    log.warn('notice send failed; the next run retries it', { ...notice, mail: undefined, error: message });
    await recordNoticeOutcome(d, notice.courseId, notice.key, notice.recipient, {
      status: 'failed',
      error: message,
      at: d.clock.now(),
    });
    return 'failed';
  }
  await recordNoticeOutcome(d, notice.courseId, notice.key, notice.recipient, {
    status: 'sent',
    at: d.clock.now(),
    ...(messageId ? { messageId } : {}),
  });
  return 'sent';
};

/** Sends each planned notice once; the entry is done only when every one is known to be sent. */
export const deliver = async (
  d: Deps,
  courseId: string,
  noticeKey: string,
  planned: PlannedNotice[],
  runId: string,
) => {
  const tally = { sent: 0, already: 0, busy: 0, failed: 0, failedRecipients: [] as string[] };
  for (const p of planned) {
    const outcome = await sendOnce(
      d,
      { courseId, key: noticeKey, recipient: p.recipient, mail: p.mail },
      runId,
    );
    tally[outcome] += 1;
    // The job history says who is still waiting for a retry, not only how many.
    if (outcome === 'failed') tally.failedRecipients.push(p.recipient);
  }
  return tally;
};
