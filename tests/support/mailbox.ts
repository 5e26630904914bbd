import { inject } from 'vitest';
import type { MailRecord } from '../../local/local-routes.js';

/** Mail the SES emulator received for one address (newest last). */
export const mailFor = async (address: string): Promise<MailRecord[]> => {
  const res = await fetch(`${inject('apiUrl')}/_local/mail?to=${encodeURIComponent(address)}`);
  const body = (await res.json()) as { emails: MailRecord[] };
  return body.emails.filter((e) =>
    e.destination.to.map((a) => a.toLowerCase()).includes(address.toLowerCase()),
  );
};

/** Waits for mail sent after the action (sending can follow the HTTP answer by a moment). */
export const waitForMail = async (
  address: string,
  predicate: (m: MailRecord) => boolean = () => true,
  timeoutMs = 5000,
): Promise<MailRecord[]> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailFor(address)).filter(predicate);
    if (found.length || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
};
