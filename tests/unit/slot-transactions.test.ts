import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { Conflict } from '../../shared/errors.js';
import { transactOrTryAgain } from '../../shared/slots/booking-access.js';
import { TransactionFailed } from '../../shared/store/transactions.js';

const check = {
  ConditionCheck: {
    TableName: 'unit-table',
    Key: { pk: 'p', sk: 's' },
    ConditionExpression: 'attribute_exists(pk)',
  },
};

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-3' }));
const ddb = mockClient(client);
const d = { db: client, tableName: 'unit-table' };
afterEach(() => ddb.reset());

const cancelled = (codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('one booking transaction under contention', () => {
  it('retries a TransactionConflict once, then succeeds', async () => {
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled(['TransactionConflict', 'None']))
      .resolves({});
    await transactOrTryAgain(d, { group: check, marker: check });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('answers a second TransactionConflict with 409 try_again (never a 500)', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled(['None', 'TransactionConflict']));
    const error = await transactOrTryAgain(d, { group: check, marker: check }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect(error).toMatchObject({ status: 409, code: 'try_again' });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('does not retry a failed condition: the caller maps it to its reason', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled(['None', 'ConditionalCheckFailed']));
    const error = await transactOrTryAgain(d, { group: check, marker: check }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionFailed);
    expect((error as TransactionFailed).failed).toEqual([{ name: 'marker', code: 'ConditionalCheckFailed' }]);
    expect((error as TransactionFailed).has('marker')).toBe(true);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});
