import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { systemClock, type Clock } from './clock.js';
import { readEnv, type RuntimeEnv } from './env.js';

/** Everything a use case needs from the outside world; built once per cold start. */
export interface Deps {
  env: RuntimeEnv;
  db: DynamoDBDocumentClient;
  tableName: string;
  s3: S3Client;
  bucket: string;
  ses: SESv2Client;
  mailFrom: string;
  clock: Clock;
}

/** Local endpoints need a fixed credential; on AWS the SDK's default provider chain is used. */
const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export const buildDeps = (env: RuntimeEnv): Deps => {
  const local = (endpoint: string | undefined) =>
    endpoint
      ? { endpoint, credentials: localCredentials, region: env.AWS_REGION }
      : { region: env.AWS_REGION };
  const db = DynamoDBDocumentClient.from(new DynamoDBClient(local(env.DYNAMODB_ENDPOINT)), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const s3 = new S3Client({
    ...local(env.S3_ENDPOINT),
    ...(env.S3_ENDPOINT ? { forcePathStyle: true } : {}),
    // Local S3 servers store aws-chunked framing inside the object unless checksums are opt-in.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const ses = new SESv2Client(local(env.SES_ENDPOINT));
  return {
    env,
    db,
    tableName: env.TABLE_NAME,
    s3,
    bucket: env.BUCKET_NAME,
    ses,
    mailFrom: env.MAIL_FROM,
    clock: systemClock,
  };
};

let current: Deps | undefined;

export const deps = (): Deps => (current ??= buildDeps(readEnv()));

/** The local server and tests swap parts (the clock) without touching handler code. */
export const overrideDeps = (partial: Partial<Deps>): Deps => (current = { ...deps(), ...partial });

export const resetDeps = (): void => {
  current = undefined;
};
