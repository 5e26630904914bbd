import { inject } from 'vitest';
import type { MailRecord } from '../../local/local-routes.js';
import { OutboxRecord } from '../../shared/mail/outbox.js';
import { coursePk, prefixes } from '../../shared/store/keys.js';
import { queryCourse, type Db } from '../../shared/store/table-ops.js';

const api = () => inject('apiUrl');

/** Every mail the SES emulator holds whose recipients contain `text` (e.g. a course id). */
export const mailTo = async (text: string): Promise<MailRecord[]> => {
  const res = await fetch(`${api()}/_local/mail?to=${encodeURIComponent(text.toLowerCase())}`);
  return ((await res.json()) as { emails: MailRecord[] }).emails;
};

/** Waits until `count(mails)` reaches `n` (or the time is up); returns the mails seen last. */
export const waitForMailTo = async (
  text: string,
  done: (mails: MailRecord[]) => boolean,
  timeoutMs = 30_000,
): Promise<MailRecord[]> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await mailTo(text);
    if (done(mails) || Date.now() > deadline) return mails;
    await new Promise((r) => setTimeout(r, 250));
  }
};

/** The local SES throttles the next `throttle` sends to recipients containing `to`. */
export const throttleSes = async (throttle: number, to: string) => {
  const res = await fetch(`${api()}/_local/ses-faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ throttle, to }),
  });
  if (!res.ok) throw new Error(`ses-faults: ${res.status} ${await res.text()}`);
};

/** What is left of the faults set for `to`. */
export const sesFaults = async (to: string) =>
  (await (await fetch(`${api()}/_local/ses-faults?to=${encodeURIComponent(to)}`)).json()) as {
    throttle: number;
    fail: number;
  };

/**
 * Runs the outbox retry job now, living `aheadMs` later: mails whose backoff ends by then go back
 * to pending. Keep it under 5 minutes: a pending or 'sending' mail is looked at again only 5
 * minutes after it was written or claimed, so no in-flight mail (of this test or another) is taken
 * twice.
 */
export const runRetryMail = async (aheadMs = 2 * 60_000) => {
  const res = await fetch(`${api()}/_local/run/retry-mail`, {
    method: 'POST',
    headers: { 'x-examdesk-now': new Date(Date.now() + aheadMs).toISOString() },
  });
  if (!res.ok) throw new Error(`retry-mail: ${res.status} ${await res.text()}`);
  return (await res.json()) as unknown;
};

/** A course's outbox items (mails and fan-outs), as stored. */
export const outboxOf = async (d: Db, courseId: string): Promise<OutboxRecord[]> =>
  (await queryCourse(d, coursePk(courseId), prefixes.outbox)).flatMap((i) => {
    const parsed = OutboxRecord.safeParse(i);
    return parsed.success ? [parsed.data] : [];
  });

/** Recipients that got more than one of the mails (by the predicate). */
export const duplicates = (mails: MailRecord[]): string[] => {
  const seen = new Map<string, number>();
  for (const m of mails) for (const to of m.destination.to) seen.set(to, (seen.get(to) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([to]) => to);
};
