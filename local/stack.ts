import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { once } from 'node:events';
import { join } from 'node:path';
import { backgroundFunctions } from '../functions/background.js';
import { overrideDeps, resetDeps, type Deps } from '../shared/runtime/deps.js';
import { log } from '../shared/runtime/log.js';
import { ensureTable } from './create-table.js';
import { LocalClock } from './local-clock.js';
import { countDynamoDbCalls } from './ddb-call-counter.js';
import { createGateway } from './gateway.js';
import { invoke } from './lambda-invoker.js';
import { localRoutes } from './local-routes.js';
import { startScheduler } from './scheduler.js';
import { seedDemoCourse } from './seed-demo.js';
import { startDynamoDbLocal, SetupError, type DynamoDbLocal } from './services/dynamodb-local.js';
import { startS3Local, type S3Local, type S3rverEvent } from './services/s3-local.js';
import { createPostPolicyGuard } from './services/s3-post-policy-guard.js';
import { startSesLocal } from './services/ses-local.js';
import { TokenIssuer } from './token-issuer.js';

export const LOCAL_TABLE = 'examdesk';
export const LOCAL_BUCKET = 'examdesk-files';
export const LOCAL_ISSUER = 'https://examdesk.local/issuer';
export const LOCAL_MAIL_FROM = 'examdesk@examdesk.example';

export interface StackOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** Persist under this folder; undefined keeps everything in memory. */
  dataDir?: string;
  seedDemo?: boolean;
  scheduler?: boolean;
  /** DynamoDB Local already starting (main.ts starts Java first, then loads the rest meanwhile). */
  dynamodb?: Promise<DynamoDbLocal>;
}

export interface LocalStack {
  apiUrl: string;
  mailUrl: string;
  endpoints: { dynamodb: string; s3: string; ses: string };
  env: Record<string, string>;
  clock: LocalClock;
  deps: Deps;
  s3: S3Local;
  seeded: boolean;
  stop(): Promise<void>;
}

export const dynamoDbOptions = (dataDir: string | undefined) =>
  dataDir ? { dataDir: join(dataDir, 'dynamodb') } : {};

/** S3 notification records URL-encode keys (spaces as +); s3rver does not, so do it here. */
const toAwsS3Event = (event: S3rverEvent, now: Date) => ({
  Records: event.Records.map((r) => ({
    ...r,
    eventSource: 'aws:s3',
    awsRegion: 'local',
    // S3 stamps the time it received the object; locally that is the local clock.
    eventTime: now.toISOString(),
    s3: {
      ...r.s3,
      object: { ...r.s3.object, key: encodeURIComponent(r.s3.object.key).replace(/%20/g, '+') },
    },
  })),
});

/**
 * Everything `npm start` runs: DynamoDB Local, s3rver and the SES emulator, the table and bucket,
 * the gateway in front of the same handlers as on AWS, and the scheduler.
 */
export const startStack = async (options: StackOptions): Promise<LocalStack> => {
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    // The SDK's advice to move to Node 22 is for deployments; locally it only hides the banner.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const track = <T extends { stop(): Promise<void> }>(service: Promise<T>) =>
      service.then((s) => {
        stops.push(() => s.stop());
        return s;
      });
    const [ddb, s3, ses] = await Promise.all([
      track(options.dynamodb ?? startDynamoDbLocal(dynamoDbOptions(options.dataDir))),
      track(
        startS3Local({
          buckets: [LOCAL_BUCKET],
          ...(options.dataDir ? { dataDir: join(options.dataDir, 's3') } : {}),
        }),
      ),
      track(startSesLocal()),
    ]);

    const env = {
      TABLE_NAME: LOCAL_TABLE,
      BUCKET_NAME: LOCAL_BUCKET,
      MAIL_FROM: LOCAL_MAIL_FROM,
      AWS_REGION: 'eu-west-3',
      DYNAMODB_ENDPOINT: ddb.endpoint,
      S3_ENDPOINT: s3.endpoint,
      SES_ENDPOINT: ses.endpoint,
    };
    Object.assign(process.env, env);
    resetDeps();
    const clock = new LocalClock();
    const deps = overrideDeps({ clock });
    countDynamoDbCalls(deps.db);
    await ensureTable(deps.db as unknown as DynamoDBClient, LOCAL_TABLE);
    const seeded = options.seedDemo ? await seedDemoCourse(deps) : false;

    const issuer = await TokenIssuer.create(
      LOCAL_ISSUER,
      options.dataDir ? join(options.dataDir, 'jwt-signing-key.json') : undefined,
    );
    const scheduler = startScheduler(clock, { enabled: options.scheduler ?? true });
    stops.push(scheduler.stop);

    // S3's checks of presigned POST forms, which s3rver skips (signature, expiry, conditions).
    s3.setGuard(
      createPostPolicyGuard({
        clock,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      }),
    );
    s3.onObjectEvent((event) => {
      const record = event.Records[0];
      if (!record?.eventName.startsWith('ObjectCreated')) return;
      for (const fn of backgroundFunctions) {
        if (fn.trigger.kind !== 's3-object-created' || !record.s3.object.key.startsWith(fn.trigger.prefix))
          continue;
        invoke(fn.handler, toAwsS3Event(event, clock.now())).catch((error: unknown) =>
          log.error('object event handler failed', { function: fn.id, error }),
        );
      }
    });

    const server = createGateway({
      issuer,
      clock,
      localRoutes: localRoutes({ issuer, clock, scheduler, mailEndpoint: ses.endpoint }),
    });
    server.listen(options.port, options.host ?? '127.0.0.1');
    try {
      await once(server, 'listening');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new SetupError(
          `Port ${options.port} is already in use. Stop the program using it, or choose another port: PORT=${options.port + 1} npm start`,
        );
      throw error;
    }
    stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    return {
      apiUrl: `http://127.0.0.1:${port}`,
      mailUrl: ses.endpoint,
      endpoints: { dynamodb: ddb.endpoint, s3: s3.endpoint, ses: ses.endpoint },
      env,
      clock,
      deps,
      s3,
      seeded,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
