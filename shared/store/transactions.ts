import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/** True when a write lost because one of its conditions did not hold (not throttling, not a bug). */
export const isConditionFailure = (error: unknown): boolean => {
  if (error instanceof ConditionalCheckFailedException) return true;
  if (error instanceof TransactionCanceledException)
    return (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
  const name = (error as { name?: string } | null)?.name;
  return name === 'ConditionalCheckFailedException';
};

/**
 * Indexes of the transaction items whose condition failed, so a 409 can say which rule lost
 * (the student already in a group, the paper full, the slot taken).
 */
export const failedConditions = (error: unknown): number[] => {
  if (
    !(error instanceof TransactionCanceledException) &&
    (error as { name?: string })?.name !== 'TransactionCanceledException'
  )
    return [];
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
};

/** Another transaction touched the same items at the same moment: safe to retry. */
export const isTransactionConflict = (error: unknown): boolean => {
  const reasons = (error as TransactionCanceledException)?.CancellationReasons ?? [];
  return (
    (error as { name?: string })?.name === 'TransactionCanceledException' &&
    reasons.some((r) => r.Code === 'TransactionConflict') &&
    !reasons.some((r) => r.Code === 'ConditionalCheckFailed')
  );
};
