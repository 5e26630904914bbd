import { AsyncLocalStorage } from 'node:async_hooks';
import { SettableClock } from '../shared/runtime/clock.js';

/** Header a local request may carry to be served at another instant, without moving everyone's clock. */
export const CLOCK_HEADER = 'x-examdesk-now';

const perRequest = new AsyncLocalStorage<Date>();

/**
 * The local server's clock: pinned for everyone by PUT /_local/clock, or for one request (and what
 * it triggers) by the x-examdesk-now header, so parallel tests can each live on their own day.
 */
export class LocalClock extends SettableClock {
  override now(): Date {
    return perRequest.getStore() ?? super.now();
  }

  runAt<T>(instant: Date | undefined, fn: () => T): T {
    return instant ? perRequest.run(instant, fn) : fn();
  }
}

export const requestedInstant = (header: string | string[] | undefined): Date | undefined => {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
};
