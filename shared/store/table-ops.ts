import '../runtime/db-client.js';
import {
  BatchGetCommand,
  QueryCommand,
  TransactWriteCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.js';
import type { Key } from './keys.js';

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

/** BatchGet in chunks of 100, retrying unprocessed keys (they appear only under throttling). */
export const batchGetAll = async (d: Db, wanted: Key[]): Promise<Item[]> => {
  const items: Item[] = [];
  for (let i = 0; i < wanted.length; i += 100) {
    let pending: Key[] = wanted.slice(i, i + 100);
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const out = await d.db.send(
        new BatchGetCommand({
          RequestItems: {
            [d.tableName]: { Keys: pending },
          },
        }),
      );
      items.push(...(out.Responses?.[d.tableName] ?? []));
      pending = (out.UnprocessedKeys?.[d.tableName]?.Keys ?? []) as Key[];
    }
  }
  return items;
};

/** One item of a TransactWriteItems: every race-free write in the project is built from these. */
export type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

export const transact = (d: Db, items: TransactItem[]) =>
  d.db.send(new TransactWriteCommand({ TransactItems: items }));
