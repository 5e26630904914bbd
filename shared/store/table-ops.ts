import '../runtime/db-client.js';
import {
  BatchGetCommand,
  BatchWriteCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.js';
import type { Key } from './keys.js';
import { retrying, Unprocessed } from './retry.js';

export type Db = Pick<Deps, 'db' | 'tableName'>;
export type Item = Record<string, unknown>;

/** Every page of a Query. Callers bound the result by the key condition, never by a Scan. */
export const queryAll = async (d: Db, input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> => {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await d.db.send(
      new QueryCommand({ ...input, TableName: d.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};

/** The items of a course under one sort-key prefix (all groups, all students, ...). */
export const queryCourse = (
  d: Db,
  pk: string,
  skPrefix: string,
  extra: Omit<QueryCommandInput, 'TableName'> = {},
) =>
  queryAll(d, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ...extra,
    ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix, ...extra.ExpressionAttributeValues },
  });

/** Batches retry longer than transactions: unprocessed work appears only under throttling. */
const BATCH_BACKOFF = { attempts: 8, baseMs: 50, maxMs: 2000 } as const;

/** BatchGet in chunks of 100; unprocessed keys (throttling) are retried with the store's backoff. */
export const batchGetAll = async (d: Db, wanted: Key[]): Promise<Item[]> => {
  const items: Item[] = [];
  for (let i = 0; i < wanted.length; i += 100) {
    let pending: Key[] = wanted.slice(i, i + 100);
    await retrying(
      async () => {
        const out = await d.db.send(
          new BatchGetCommand({ RequestItems: { [d.tableName]: { Keys: pending } } }),
        );
        items.push(...(out.Responses?.[d.tableName] ?? []));
        pending = (out.UnprocessedKeys?.[d.tableName]?.Keys ?? []) as Key[];
        if (pending.length) throw new Unprocessed('BatchGetItem', pending);
      },
      { ...BATCH_BACKOFF, retryable: (e) => e instanceof Unprocessed },
    );
  }
  return items;
};

/** Writes of a BatchWriteItem: a Put of a whole item or a Delete by key. */
export type BatchWrite = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Key } };

/**
 * BatchWrite in chunks of 25 (seeding, bulk imports: no conditions), unprocessed items retried with
 * the store's backoff.
 */
export const batchWriteAll = async (d: Db, writes: BatchWrite[]): Promise<void> => {
  for (let i = 0; i < writes.length; i += 25) {
    let pending: BatchWrite[] = writes.slice(i, i + 25);
    await retrying(
      async () => {
        const out = await d.db.send(new BatchWriteCommand({ RequestItems: { [d.tableName]: pending } }));
        pending = (out.UnprocessedItems?.[d.tableName] ?? []) as BatchWrite[];
        if (pending.length) throw new Unprocessed('BatchWriteItem', pending);
      },
      { ...BATCH_BACKOFF, retryable: (e) => e instanceof Unprocessed },
    );
  }
};

export type { TransactItem } from './transactions.js';
