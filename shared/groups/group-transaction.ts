import { tryAgain, type AppError } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { TransactionFailed, transactNamed, type NamedItems } from '../store/transactions.js';

/**
 * Runs one TransactWriteItems of named items. A failed condition becomes the 409 `explain` gives
 * for the failure (by item name); a pure TransactionConflict (a concurrent transaction on the same
 * items) is retried `retries` times with the store's backoff, then answered with a 409 "try
 * again" — never a 500.
 */
export const runGroupTransaction = async <N extends string>(
  d: Pick<Deps, 'db' | 'tableName'>,
  items: NamedItems<N>,
  explain: (failed: TransactionFailed<N>) => AppError,
  options: { retries?: number } = {},
): Promise<void> => {
  try {
    await transactNamed(d, items, { attempts: 1 + (options.retries ?? 0), stillConflicting: tryAgain });
  } catch (error) {
    if (error instanceof TransactionFailed && error.conditions.length) throw explain(error);
    throw error;
  }
};
