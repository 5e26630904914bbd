import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { clockFrom, systemClock, type Clock } from './clock.js';
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

/**
 * The same on AWS and locally: the region, credentials from the environment (bundles alias the
 * SDK's provider chain to the environment provider, see infra/bundle.ts) and endpoints from the
 * standard AWS_ENDPOINT_URL_<SERVICE> variables, which only the local stack sets.
 */
export const clientOptions = (env: RuntimeEnv) => ({ region: env.AWS_REGION });

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

/**
 * The dependencies of one invocation whose "now" comes from its event: a request is judged at the
 * instant API Gateway received it (`fixed`), a job or an object event runs on from the instant its
 * event carries. On AWS that is real time give or take milliseconds; the local stack stamps events
 * with its movable clock, so the deployed code needs no local-only clock. The clients stay shared.
 */
export const depsAt = (
  instant: Date | undefined,
  options: { fixed?: boolean } = {},
  base: Deps = deps(),
): Deps =>
  instant
    ? Object.assign(Object.create(base) as Deps, {
        clock: options.fixed ? { now: () => new Date(instant) } : clockFrom(instant),
      })
    : base;

/** The local server and tests swap parts (the clock) without touching handler code. */
export const overrideDeps = (partial: Partial<Pick<Deps, 'clock' | 'mailFrom'>>): Deps => {
  const base = deps();
  current = Object.assign(base, partial);
  return current;
};

export const resetDeps = (): void => {
  current = undefined;
};
