/**
 * The one retry policy of the store: bounded attempts, exponential backoff with (equal) jitter.
 * Used for TransactionConflict cancellations, BatchGet unprocessed keys and BatchWrite unprocessed
 * items, so every retry in the project waits, grows and gives up the same way.
 */
export interface Backoff {
  /** Total tries, the first included (1 = no retry). */
  attempts: number;
  /** The cap of the first pause; it doubles after each try, up to maxMs. */
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { attempts: 3, baseMs: 60, maxMs: 1000 };

/** Pause before retry number `retry` (1-based): half the capped exponential step, plus up to as much at random. */
export const backoffDelay = (retry: number, b: Pick<Backoff, 'baseMs' | 'maxMs'>, random = Math.random) => {
  const cap = Math.min(b.maxMs, b.baseMs * 2 ** (retry - 1));
  return cap / 2 + random() * (cap / 2);
};

export interface RetryOptions extends Partial<Backoff> {
  /** Whether this failure is worth another try (the operation wrote nothing, or is idempotent). */
  retryable: (error: unknown) => boolean;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation` until it succeeds, fails with an error that is not `retryable`, or has used its
 * attempts; then the last error is thrown. `operation` gets the 0-based attempt number.
 */
export const retrying = async <T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> => {
  const b = { ...DEFAULT_BACKOFF, ...options };
  const sleep = options.sleep ?? wait;
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt + 1 >= b.attempts || !options.retryable(error)) throw error;
      await sleep(backoffDelay(attempt + 1, b, options.random));
    }
  }
};

/** What a batch call left undone (UnprocessedKeys / UnprocessedItems): retried with the same policy. */
export class Unprocessed<T> extends Error {
  override readonly name = 'Unprocessed';
  constructor(
    readonly operation: string,
    readonly pending: T[],
  ) {
    super(`${operation} left ${pending.length} request(s) unprocessed after every retry`);
  }
}
