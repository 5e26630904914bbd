import '../runtime/ses-client.js';
import { GetAccountCommand } from '@aws-sdk/client-sesv2';
import type { Deps } from '../runtime/deps.js';
import { log } from '../runtime/log.js';

/** Real time for pacing (not the business clock: a pinned local clock must not stop the sender). */
export interface PaceTimer {
  nowMs(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: PaceTimer = {
  nowMs: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface Pacer {
  /** Resolves when one more send is allowed. */
  take(): Promise<void>;
  readonly ratePerSecond: number;
}

/**
 * A token bucket refilled at `ratePerSecond`, holding at most `burst` tokens (1 by default: sends
 * are spaced 1/rate apart, so no window of any length sees more than the rate). Callers take
 * tokens one at a time, in order.
 */
export const tokenBucket = (ratePerSecond: number, timer: PaceTimer = realTimer, burst = 1): Pacer => {
  const rate = ratePerSecond > 0 && Number.isFinite(ratePerSecond) ? ratePerSecond : 1;
  const capacity = Math.max(1, Math.floor(burst));
  let tokens = capacity;
  let last = timer.nowMs();
  let queue: Promise<void> = Promise.resolve();
  const refill = () => {
    const now = timer.nowMs();
    tokens = Math.min(capacity, tokens + ((now - last) * rate) / 1000);
    last = now;
  };
  const takeOne = async () => {
    refill();
    while (tokens < 1) {
      await timer.sleep(Math.ceil(((1 - tokens) * 1000) / rate));
      refill();
    }
    tokens -= 1;
  };
  return {
    ratePerSecond: rate,
    take: () => (queue = queue.then(takeOne)),
  };
};

/** SES's sandbox rate, and what the sender assumes while it cannot read the account's quota. */
export const SANDBOX_SEND_RATE = 1;

/** The account's SendQuota.MaxSendRate (mails per second), read from SES v2 GetAccount. */
export const readSendRate = async (d: Pick<Deps, 'ses'>): Promise<number | undefined> => {
  try {
    const account = await d.ses.send(new GetAccountCommand({}));
    const rate = account.SendQuota?.MaxSendRate;
    return rate && rate > 0 ? rate : undefined;
  } catch (error) {
    log.warn('could not read the SES send quota; pacing at the sandbox rate', { error });
    return undefined;
  }
};

let coldStart: Pacer | undefined;

/**
 * The pacer of this execution environment: the quota is read once per cold start (a failed read is
 * tried again on the next invocation, meanwhile 1/s), and the bucket is shared by every invocation
 * the environment serves.
 */
export const pacerFor = async (d: Pick<Deps, 'ses'>, timer: PaceTimer = realTimer): Promise<Pacer> => {
  if (coldStart) return coldStart;
  const rate = await readSendRate(d);
  const pacer = tokenBucket(rate ?? SANDBOX_SEND_RATE, timer);
  if (rate) coldStart = pacer;
  return pacer;
};

/** Tests: forget the quota read by an earlier "cold start". */
export const resetPacer = (): void => {
  coldStart = undefined;
};
