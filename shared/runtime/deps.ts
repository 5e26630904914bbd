import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { systemClock, type Clock } from './clock.js';
import { readEnv, type RuntimeEnv } from './env.js';

/** Everything a use case needs from the outside world; built once per cold start. */
export interface Deps {
  env: RuntimeEnv;
  readonly db: DynamoDBDocumentClient;
  tableName: string;
  readonly s3: S3Client;
  bucket: string;
  readonly ses: SESv2Client;
  mailFrom: string;
  clock: Clock;
}

interface Clients {
  db: DynamoDBDocumentClient;
  s3: S3Client;
  ses: SESv2Client;
}

type Factory<K extends keyof Clients> = (env: RuntimeEnv) => Clients[K];
const factories: { [K in keyof Clients]?: Factory<K> } = {};

/**
 * Each SDK client is registered by the adapter module that uses it (shared/runtime/*-client.ts), so
 * a function's bundle carries only the clients its code path imports: a route that never sends mail
 * does not ship the SES client.
 */
export const registerClient = <K extends keyof Clients>(name: K, factory: Factory<K>): void => {
  (factories as Record<K, Factory<K>>)[name] = factory;
};

/** Local endpoints need a fixed credential; on AWS the SDK's default provider chain is used. */
export const clientOptions = (env: RuntimeEnv, endpoint: string | undefined) =>
  endpoint
    ? { endpoint, region: env.AWS_REGION, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
    : { region: env.AWS_REGION };

export const buildDeps = (env: RuntimeEnv, overrides: Partial<Clients> = {}): Deps => {
  const made: Partial<Clients> = { ...overrides };
  const client = <K extends keyof Clients>(name: K): Clients[K] => {
    const existing = made[name];
    if (existing) return existing as Clients[K];
    const factory = factories[name] as Factory<K> | undefined;
    if (!factory)
      throw new Error(`No ${name} client registered: import shared/runtime/${name}-client.js in the adapter`);
    return (made[name] = factory(env)) as Clients[K];
  };
  return {
    env,
    tableName: env.TABLE_NAME,
    bucket: env.BUCKET_NAME,
    mailFrom: env.MAIL_FROM,
    clock: systemClock,
    get db() {
      return client('db');
    },
    get s3() {
      return client('s3');
    },
    get ses() {
      return client('ses');
    },
  };
};

let current: Deps | undefined;

export const deps = (): Deps => (current ??= buildDeps(readEnv()));

/** The local server and tests swap parts (the clock) without touching handler code. */
export const overrideDeps = (partial: Partial<Pick<Deps, 'clock' | 'mailFrom'>>): Deps => {
  const base = deps();
  current = Object.assign(base, partial);
  return current;
};

export const resetDeps = (): void => {
  current = undefined;
};
