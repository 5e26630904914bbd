import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay, retrying } from '../../shared/store/retry.js';
import { batchGetAll } from '../../shared/store/table-ops.js';
import {
  isConditionFailure,
  namedEach,
  TransactionFailed,
  transactNamed,
  type TransactItem,
} from '../../shared/store/transactions.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-3' }));
const ddb = mockClient(client);
const d = { db: client, tableName: 'unit-table' };
afterEach(() => ddb.reset());

const check = (sk: string): TransactItem => ({
  ConditionCheck: {
    TableName: 'unit-table',
    Key: { pk: 'P', sk },
    ConditionExpression: 'attribute_exists(pk)',
  },
});
/** DynamoDB's answer: one reason per item sent, in the order sent. */
const cancelledAt = (sent: number, failedIndex: number, item?: Record<string, unknown>) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: Array.from({ length: sent }, (_, i) =>
      i === failedIndex
        ? { Code: 'ConditionalCheckFailed', ...(item ? { Item: marshall(item) } : {}) }
        : { Code: 'None' },
    ),
  });
const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as TransactionFailed,
  );

describe('transactNamed', () => {
  it('names the item whose condition failed, with its old item decoded', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelledAt(3, 1, { pk: 'P', sk: 'seat', taken: 2 }));
    const error = await failureOf(
      transactNamed(d, { group: check('g'), seat: check('seat'), audit: check('a') }),
    );
    expect(error).toBeInstanceOf(TransactionFailed);
    expect(error?.failed).toEqual([
      { name: 'seat', code: 'ConditionalCheckFailed', item: { pk: 'P', sk: 'seat', taken: 2 } },
    ]);
    expect(error?.has('seat')).toBe(true);
    expect(error?.has('group')).toBe(false);
    expect(error?.item('seat')).toMatchObject({ taken: 2 });
    expect(isConditionFailure(error)).toBe(true);
  });

  it('an item added before the others (an outbox mail) cannot change which condition is reported', async () => {
    const items = { seat: check('seat'), audit: check('a') };
    // The same seat failure, with an extra item written first and left-out items in between.
    const withMore = { mail: check('m'), skipped: false as const, ...items, none: undefined };
    ddb.on(TransactWriteCommand).rejects(cancelledAt(3, 1));
    const error = await failureOf(transactNamed(d, withMore));
    expect(error?.conditions.map((f) => f.name)).toEqual(['seat']);
    const sent = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems;
    expect(sent).toHaveLength(3);
  });

  it('takes ordered pairs, and prefixes for lists', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelledAt(4, 2));
    const error = await failureOf(
      transactNamed(d, [
        ['group', check('g')],
        ['join:a@x', check('a')],
        ['join:b@x', check('b')],
        ...Object.entries(namedEach('outbox', [check('m')])),
      ]),
    );
    expect(error?.withPrefix('join:')).toEqual(['b@x']);
    expect(namedEach('outbox', [check('1'), check('2')])).toEqual({
      'outbox:0': check('1'),
      'outbox:1': check('2'),
    });
  });

  it('refuses two items of the same name', async () => {
    await expect(
      transactNamed(d, [
        ['a', check('1')],
        ['a', check('2')],
      ]),
    ).rejects.toThrow(/Two transaction items named "a"/);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('retries a pure TransactionConflict up to its attempts, then throws what the caller asked', async () => {
    const conflict = new TransactionCanceledException({
      message: 'Transaction cancelled',
      $metadata: {},
      CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
    });
    ddb.on(TransactWriteCommand).rejects(conflict);
    const error = await failureOf(
      transactNamed(
        d,
        { a: check('a'), b: check('b') },
        { attempts: 3, stillConflicting: () => new Error('try again') },
      ),
    );
    expect(String(error)).toContain('try again');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it('does not retry by default, and never retries a failed condition', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelledAt(2, 0));
    await failureOf(transactNamed(d, { a: check('a'), b: check('b') }, { attempts: 3 }));
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});

describe('the one retry policy', () => {
  it('waits half the capped exponential step plus up to as much at random', () => {
    const b = { baseMs: 60, maxMs: 1000 };
    expect(backoffDelay(1, b, () => 0)).toBe(30);
    expect(backoffDelay(1, b, () => 1)).toBe(60);
    expect(backoffDelay(3, b, () => 0)).toBe(120);
    expect(backoffDelay(10, b, () => 1)).toBe(1000);
  });

  it('gives up after its attempts with the last error', async () => {
    const waits: number[] = [];
    let calls = 0;
    const run = retrying(
      () => {
        calls++;
        return Promise.reject(new Error(`fail ${calls}`));
      },
      { attempts: 4, retryable: () => true, sleep: async (ms) => void waits.push(ms), random: () => 0 },
    );
    await expect(run).rejects.toThrow('fail 4');
    expect(waits).toEqual([30, 60, 120]);
  });

  it('BatchGet: unprocessed keys are asked again, bounded', async () => {
    ddb
      .on(BatchGetCommand)
      .resolvesOnce({
        Responses: { 'unit-table': [{ pk: 'P', sk: 'a' }] },
        UnprocessedKeys: { 'unit-table': { Keys: [{ pk: 'P', sk: 'b' }] } },
      })
      .resolves({ Responses: { 'unit-table': [{ pk: 'P', sk: 'b' }] } });
    const items = await batchGetAll(d, [
      { pk: 'P', sk: 'a' },
      { pk: 'P', sk: 'b' },
    ]);
    expect(items.map((i) => i.sk)).toEqual(['a', 'b']);
    expect(ddb.commandCalls(BatchGetCommand)[1]?.args[0].input.RequestItems).toEqual({
      'unit-table': { Keys: [{ pk: 'P', sk: 'b' }] },
    });
  });
});
