import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The DynamoDB operations one local request made, gathered by an SDK middleware. */
export interface CallLog {
  operations: string[];
}

const current = new AsyncLocalStorage<CallLog>();

export const withCallLog = <T>(run: () => Promise<T>): Promise<{ result: T; log: CallLog }> => {
  const log: CallLog = { operations: [] };
  return current.run(log, async () => ({ result: await run(), log }));
};

/** Counts every command sent through this client, attributed to the request being served. */
export const countDynamoDbCalls = (client: DynamoDBDocumentClient): void => {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      current.getStore()?.operations.push(String(context.commandName ?? 'unknown').replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'examdeskCallCounter', override: true },
  );
};
