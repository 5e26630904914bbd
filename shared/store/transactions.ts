import '../runtime/db-client.js';
import {
  TransactionCanceledException,
  ConditionalCheckFailedException,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { retrying } from './retry.js';
import type { Db, Item } from './table-ops.js';

/** One item of a TransactWriteItems: every race-free write in the project is built from these. */
export type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/**
 * The items of one transaction, each under a name, in the order they are written. Entries that are
 * `undefined` or `false` are left out, so optional items read `audit: isStaff && auditPut(...)`.
 * A failure is reported by name, never by position: inserting an item cannot change which 409 a
 * caller answers.
 */
export type NamedItems<N extends string> =
  | { readonly [K in N]?: TransactItem | false | undefined }
  | Iterable<readonly [N, TransactItem | false | undefined]>;

/** One item DynamoDB gave a reason for (any code but 'None'). */
export interface FailedItem<N extends string = string> {
  name: N;
  /** ConditionalCheckFailed, TransactionConflict, ThrottlingError, ValidationError, ... */
  code: string;
  message?: string;
  /** The item as it was, decoded, when the write asked ReturnValuesOnConditionCheckFailure: ALL_OLD. */
  item?: Item;
}

/** A cancelled transaction, its reasons named. Nothing of it was written. */
export class TransactionFailed<N extends string = string> extends Error {
  override readonly name = 'TransactionFailed';

  constructor(
    readonly failed: FailedItem<N>[],
    options: { cause: unknown },
  ) {
    super(
      `Transaction cancelled: ${failed.map((f) => `${f.name} (${f.code})`).join(', ') || 'no reason given'}`,
      options,
    );
  }

  /** The items whose condition did not hold. */
  get conditions(): FailedItem<N>[] {
    return this.failed.filter((f) => f.code === 'ConditionalCheckFailed');
  }

  /** True when the condition of the item named `name` did not hold. */
  has(name: N): boolean {
    return this.conditions.some((f) => f.name === name);
  }

  /** The decoded old item of a failed condition (ALL_OLD), or undefined (none asked, or no item there). */
  item(name: N): Item | undefined {
    return this.conditions.find((f) => f.name === name)?.item;
  }

  /** For names built as `${prefix}${id}`: the ids whose condition failed, in transaction order. */
  withPrefix(prefix: string): string[] {
    return this.conditions.flatMap((f) => (f.name.startsWith(prefix) ? [f.name.slice(prefix.length)] : []));
  }

  /** Another transaction held an item and no condition failed: running it again is safe. */
  get conflict(): boolean {
    return !this.conditions.length && this.failed.some((f) => f.code === 'TransactionConflict');
  }
}

const nameOf = (error: unknown) => (error as { name?: string } | null)?.name;

/** True when a write lost because one of its conditions did not hold (not throttling, not a bug). */
export const isConditionFailure = (error: unknown): boolean => {
  if (error instanceof TransactionFailed) return error.conditions.length > 0;
  if (error instanceof ConditionalCheckFailedException) return true;
  if (error instanceof TransactionCanceledException)
    return (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
  return nameOf(error) === 'ConditionalCheckFailedException';
};

/** Another writer held the same items at that moment; nothing was written, so trying again is safe. */
export const isRetryableConflict = (error: unknown): boolean =>
  (error instanceof TransactionFailed && error.conflict) || nameOf(error) === 'TransactionConflictException';

const decode = (raw: Record<string, AttributeValue> | undefined): Item | undefined => {
  if (!raw) return undefined;
  try {
    return unmarshall(raw);
  } catch {
    return undefined;
  }
};

const entriesOf = <N extends string>(items: NamedItems<N>): [N, TransactItem][] => {
  const all: (readonly [N, TransactItem | false | undefined])[] =
    Symbol.iterator in items
      ? [...(items as Iterable<readonly [N, TransactItem | false | undefined]>)]
      : (Object.entries(items) as [N, TransactItem | false | undefined][]);
  const seen = new Set<string>();
  const kept: [N, TransactItem][] = [];
  for (const [name, item] of all) {
    if (!item) continue;
    if (seen.has(name)) throw new Error(`Two transaction items named "${name}"`);
    seen.add(name);
    kept.push([name, item]);
  }
  return kept;
};

export interface TransactOptions {
  /** Tries in all when DynamoDB cancels for a TransactionConflict only (default 1: no retry). */
  attempts?: number;
  /** The error to throw when the last try still conflicted (e.g. a 409 "try again"). */
  stillConflicting?: () => Error;
}

/**
 * Runs one TransactWriteItems of named items. A cancellation is thrown as a `TransactionFailed`
 * naming each item's reason (with its old item when the write asked for ALL_OLD); a cancellation
 * by TransactionConflict alone is retried with the store's backoff up to `attempts` tries.
 */
export const transactNamed = async <N extends string>(
  d: Db,
  items: NamedItems<N>,
  options: TransactOptions = {},
): Promise<void> => {
  const named = entriesOf(items);
  if (!named.length) return;
  const input = { TransactItems: named.map(([, item]) => item) };
  try {
    await retrying(
      async () => {
        try {
          await d.db.send(new TransactWriteCommand(input));
        } catch (error) {
          if (
            !(error instanceof TransactionCanceledException) &&
            nameOf(error) !== 'TransactionCanceledException'
          )
            throw error;
          const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
          throw new TransactionFailed<N>(
            reasons.flatMap((r, i) => {
              const name = named[i]?.[0];
              if (name === undefined || !r.Code || r.Code === 'None') return [];
              const item = decode(r.Item);
              return [
                {
                  name,
                  code: r.Code,
                  ...(r.Message ? { message: r.Message } : {}),
                  ...(item ? { item } : {}),
                },
              ];
            }),
            { cause: error },
          );
        }
      },
      { attempts: options.attempts ?? 1, retryable: isRetryableConflict },
    );
  } catch (error) {
    if (options.stillConflicting && isRetryableConflict(error)) throw options.stillConflicting();
    throw error;
  }
};

/**
 * Several items under one name prefix (`${prefix}:0`, `${prefix}:1`, …, in order), e.g. the outbox
 * mails of a change: spread into the named items of a transaction.
 */
export const namedEach = <P extends string>(
  prefix: P,
  items: readonly TransactItem[],
): Partial<Record<`${P}:${number}`, TransactItem>> => {
  const named: Partial<Record<`${P}:${number}`, TransactItem>> = {};
  items.forEach((item, i) => {
    named[`${prefix}:${i}`] = item;
  });
  return named;
};
