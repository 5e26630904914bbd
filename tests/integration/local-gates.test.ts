import { createServer, type Server } from 'node:http';
import {
  DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbGate } from '../../local/aws/dynamodb-gate.js';
import type { Gate } from '../../local/aws/gate.js';
import { principalsOf, type Principal } from '../../local/aws/iam.js';
import { startSesGate } from '../../local/aws/ses-gate.js';

const TABLE = 'arn:aws:dynamodb:eu-west-3:000000000000:table/examdesk';
const reader: Principal = {
  name: 'reader-role',
  accessKeyId: 'ASIAREADER',
  secretAccessKey: 'secret-reader',
  statements: [
    { effect: 'Allow', actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: [TABLE] },
    {
      effect: 'Allow',
      actions: ['ses:SendEmail'],
      resources: ['arn:aws:ses:eu-west-3:000000000000:identity/uni.example'],
    },
  ],
};
const principals = principalsOf([reader]);
const credentials = { accessKeyId: reader.accessKeyId, secretAccessKey: reader.secretAccessKey };

/** Stands for the emulator: anything that gets through answers an empty success. */
let upstream: Server;
let passed = 0;
let ddb: Gate;
let ses: Gate;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    passed++;
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(req.url?.startsWith('/v2/') ? JSON.stringify({ MessageId: 'm-1' }) : '{}');
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
  const address = upstream.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const common = { upstream: url, principals, region: 'eu-west-3', account: '000000000000' };
  ddb = await startDynamoDbGate(common);
  ses = await startSesGate({ ...common, verifiedIdentities: ['uni.example'] });
});
afterAll(async () => {
  await Promise.all([ddb.stop(), ses.stop()]);
  upstream.close();
});

describe('the local DynamoDB and SES refuse what the role does not allow, as AWS does', () => {
  it('DynamoDB: allowed GetItem passes; a Query on an ungranted index and a transaction with a Put are AccessDeniedException', async () => {
    const client = new DynamoDBClient({ endpoint: ddb.endpoint, region: 'eu-west-3', credentials });
    const before = passed;
    await client.send(new GetItemCommand({ TableName: 'examdesk', Key: { pk: { S: 'a' }, sk: { S: 'b' } } }));
    expect(passed).toBe(before + 1);
    await expect(
      client.send(
        new QueryCommand({
          TableName: 'examdesk',
          IndexName: 'GSI1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': { S: 'x' } },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining(`dynamodb:Query on resource: ${TABLE}/index/GSI1`),
    });
    await expect(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: 'examdesk',
                Key: { pk: { S: 'a' }, sk: { S: 'b' } },
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            { Put: { TableName: 'examdesk', Item: { pk: { S: 'a' }, sk: { S: 'c' } } } },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('dynamodb:') });
    expect(passed).toBe(before + 1);
  });

  it('DynamoDB: a wrong secret is refused before any grant is looked at', async () => {
    const client = new DynamoDBClient({
      endpoint: ddb.endpoint,
      region: 'eu-west-3',
      credentials: { ...credentials, secretAccessKey: 'guess' },
    });
    await expect(
      client.send(new GetItemCommand({ TableName: 'examdesk', Key: { pk: { S: 'a' }, sk: { S: 'b' } } })),
    ).rejects.toMatchObject({ name: 'InvalidSignatureException' });
  });

  it('SES: a granted, verified sender passes; another domain is AccessDenied; a granted but unverified one is MessageRejected', async () => {
    const client = new SESv2Client({ endpoint: ses.endpoint, region: 'eu-west-3', credentials });
    const mail = (from: string) =>
      new SendEmailCommand({
        FromEmailAddress: from,
        Destination: { ToAddresses: ['s@students.example'] },
        Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } },
      });
    await expect(client.send(mail('Exams <exams@uni.example>'))).resolves.toMatchObject({ MessageId: 'm-1' });
    await expect(client.send(mail('exams@other.example'))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining(
        'ses:SendEmail on resource: arn:aws:ses:eu-west-3:000000000000:identity/',
      ),
    });
    const unverified = startSesGate({
      upstream: ses.endpoint,
      principals,
      region: 'eu-west-3',
      account: '000000000000',
      verifiedIdentities: [],
    });
    const gate = await unverified;
    const strict = new SESv2Client({ endpoint: gate.endpoint, region: 'eu-west-3', credentials });
    await expect(strict.send(mail('exams@uni.example'))).rejects.toMatchObject({ name: 'MessageRejected' });
    await gate.stop();
  });
});
