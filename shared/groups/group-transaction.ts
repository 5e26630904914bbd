import { Conflict, type AppError } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { transact, type TransactItem } from '../store/table-ops.js';
import { failedConditions, isTransactionConflict } from '../store/transactions.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Another writer held one of the items at that moment; nothing was written, so trying again is safe. */
export const tryAgain = () =>
  new Conflict(
    'Someone changed the same group, student or paper at the same moment; nothing was saved, try again',
    'try_again',
  );

const isConflict = (error: unknown): boolean =>
  isTransactionConflict(error) ||
  (error as { name?: string } | null)?.name === 'TransactionConflictException';

/**
 * Runs one TransactWriteItems. A failed condition becomes the 409 `explain` gives for the failed
 * item indexes; a pure TransactionConflict (a concurrent transaction on the same items) is retried
 * `retries` times with jitter, then answered with a 409 "try again" — never a 500.
 */
export const runGroupTransaction = async (
  d: Pick<Deps, 'db' | 'tableName'>,
  items: TransactItem[],
  explain: (failed: number[]) => AppError,
  options: { retries?: number } = {},
): Promise<void> => {
  const retries = options.retries ?? 0;
  for (let attempt = 0; ; attempt++) {
    try {
      await transact(d, items);
      return;
    } catch (error) {
      const failed = failedConditions(error);
      if (failed.length) throw explain(failed);
      if (!isConflict(error)) throw error;
      if (attempt >= retries) throw tryAgain();
      await sleep(20 + Math.random() * 80 * (attempt + 1));
    }
  }
};
