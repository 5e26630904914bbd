import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { clientOptions, registerClient } from './deps.js';

registerClient('db', (env) =>
  DynamoDBDocumentClient.from(new DynamoDBClient(clientOptions(env)), {
    marshallOptions: { removeUndefinedValues: true },
  }),
);
