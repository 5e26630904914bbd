import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { resetDeps, deps as currentDeps, type Deps } from '../shared/runtime/deps.js';
import { log } from '../shared/runtime/log.js';
import { LOCAL_ADMIN } from './aws/iam.js';
import { startDynamoDbGate } from './aws/dynamodb-gate.js';
import { startSesGate } from './aws/ses-gate.js';
import { ensureTables } from './create-table.js';
import { LocalClock } from './local-clock.js';
import { countDynamoDbCalls } from './ddb-call-counter.js';
import { gatewayHandler } from './gateway.js';
import { localRoutes } from './local-routes.js';
import { bucketCorsRules } from './template/bucket-cors.js';
import { matchesPattern } from './template/event-pattern.js';
import { startRules } from './scheduler.js';
import { startStreamPollers } from './streams.js';
import { seedDemoCourse } from './seed-demo.js';
import { startDynamoDbLocal, SetupError, type DynamoDbLocal } from './services/dynamodb-local.js';
import { startS3Local, type S3Local } from './services/s3-local.js';
import { startSesLocal } from './services/ses-local.js';
import { localOidc, type LocalOidcOptions } from './oidc/oidc-routes.js';
import { checkSignUpAddress } from '../shared/auth/sign-up-rules.js';
import { oidcAuthority } from './oidc/discovery.js';
import { LOCAL_AUDIENCE, loadSigningKey, TokenIssuer } from './token-issuer.js';
import { ensureWebBuilt, localRuntimeConfig, webApp, type WebBuild } from './web-assets.js';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './template/local-app.js';
import { synthLocal, type SynthesizedApp } from './template/synth-local.js';
import {
  bundleRunner,
  endpointVariables,
  FunctionPrincipals,
  sourceRunner,
  type FunctionRunner,
} from './runtime/runners.js';

/** The sender the local SES has verified; passed to the synthesis as `-c mailFrom`. */
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
  /**
   * Run every function from the bundle `cdk synth` makes, each in processes of its own on the
   * Lambda runtime's Node, with its role's grants enforced. Otherwise the TypeScript sources run in
   * this process (faster to start, proves less).
   */
  bundles?: boolean;
  /** An app synthesized already (tests that change the app, e.g. take a grant away). */
  synthesized?: SynthesizedApp;
  /**
   * Serve the web app at `/` (web/dist, built first when missing or older than web/'s sources) with
   * its `/config.json`. A failed build leaves the API running; the app's pages then say why.
   */
  web?: boolean;
  /** Hooks of the local OpenID provider (e.g. the sign-up check). */
  oidc?: Pick<LocalOidcOptions, 'signUpCheck'>;
}

export interface LocalStack {
  apiUrl: string;
  /** The web app: `${apiUrl}/` (served when the stack was started with `web`). */
  appUrl: string;
  /** The local OpenID provider, `${apiUrl}/_local/oidc`: the tokens' issuer. */
  oidcAuthority: string;
  /** The web app's build (undefined when the stack does not serve the app). */
  web?: WebBuild;
  mailUrl: string;
  endpoints: { dynamodb: string; s3: string; ses: string };
  /** What a process needs to reach the local services as the local admin (tests, scripts). */
  env: Record<string, string>;
  clock: LocalClock;
  deps: Deps;
  s3: S3Local;
  runner: FunctionRunner;
  synthesized: SynthesizedApp;
  seeded: boolean;
  stop(): Promise<void>;
}

export const dynamoDbOptions = (dataDir: string | undefined) =>
  dataDir ? { dataDir: join(dataDir, 'dynamodb') } : {};

/**
 * The gateway's server, listening on `port` (0 picks one) before anything else starts: a taken
 * port fails at once, and the stack's URL (the OIDC issuer, the app's origin in the bucket's CORS)
 * is known while the rest is set up. Until `serve` is given the gateway, requests get a 503.
 */
const listen = async (port: number, host: string) => {
  let listener: RequestListener | undefined;
  const server: Server = createServer((req, res) => {
    if (listener) return listener(req, res);
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
    res.end(JSON.stringify({ error: { code: 'starting', message: 'The local stack is starting' } }));
  });
  server.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new SetupError(
        `Port ${port} is already in use. Stop the program using it, or choose another port: PORT=${port + 1} npm start`,
      );
    throw error;
  }
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`,
    serve: (handler: RequestListener) => {
      listener = handler;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/**
 * Everything `npm start` runs, read from the synthesized app: DynamoDB Local, S3 and SES emulators
 * behind gates that check signatures and the functions' IAM grants, the table and the buckets as
 * the templates declare them, the gateway routing to the functions the API's routes integrate,
 * S3 events and schedules delivered as the EventBridge rules say.
 */
export const startStack = async (options: StackOptions): Promise<LocalStack> => {
  const stops: (() => Promise<void> | void)[] = [];
  let closeServer: (() => Promise<void>) | undefined;
  const stop = async () => {
    // No more requests first, then the services in the reverse order of their start.
    await closeServer?.();
    for (const s of stops.reverse()) await s();
  };
  try {
    const server = await listen(options.port, options.host ?? '127.0.0.1');
    closeServer = server.close;
    const apiUrl = server.url;
    // The SDK's advice to move to Node 22 is for deployments; locally it only hides the banner.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const track = <T extends { stop(): Promise<void> }>(service: Promise<T>) =>
      service.then((s) => {
        stops.push(() => s.stop());
        return s;
      });
    const synthesizing =
      options.synthesized ?? synthLocal({ mailFrom: LOCAL_MAIL_FROM, bundles: options.bundles ?? false });
    // Both run while the rest starts; neither throws for the other's sake (a failed build is reported).
    const webBuild = options.web ? ensureWebBuilt() : undefined;
    const signingKey = loadSigningKey(
      options.dataDir ? join(options.dataDir, 'jwt-signing-key.json') : undefined,
    );
    signingKey.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    const [synthesized, ddb, ses] = await Promise.all([
      synthesizing,
      track(options.dynamodb ?? startDynamoDbLocal(dynamoDbOptions(options.dataDir))),
      track(startSesLocal()),
    ]);
    const { app } = synthesized;
    // A synthesis this stack made (bundles included) is its own to remove.
    if (!options.synthesized) stops.push(() => rmSync(synthesized.outdir, { recursive: true, force: true }));
    const principals = new FunctionPrincipals(app);
    const clock = new LocalClock();
    // The app's origin is the gateway's here, as it is CloudFront's on AWS.
    const cors = bucketCorsRules(app, { appOrigin: apiUrl });
    const s3 = await track(
      startS3Local({
        buckets: app.buckets.map(({ name, versioned }) => ({ name, versioned, cors: cors.get(name) ?? [] })),
        principals,
        region: LOCAL_REGION,
        clock,
        ...(options.dataDir ? { dataDir: join(options.dataDir, 's3') } : {}),
      }),
    );
    const gateOptions = { principals, region: LOCAL_REGION, account: LOCAL_ACCOUNT_ID };
    const [ddbGate, sesGate] = await Promise.all([
      track(startDynamoDbGate({ upstream: ddb.endpoint, ...gateOptions })),
      track(
        startSesGate({
          upstream: ses.endpoint,
          ...gateOptions,
          verifiedIdentities: [LOCAL_MAIL_FROM.split('@')[1] ?? LOCAL_MAIL_FROM],
        }),
      ),
    ]);
    const endpoints = { dynamodb: ddbGate.endpoint, s3: s3.endpoint, ses: sesGate.endpoint };

    // This process (seeding, sources mode) and the tests act as the local admin, through the same
    // gates and the same SDK variables as the functions. Every function has the same template
    // variables (table, bucket, sender); sources mode reads them from this process's environment.
    const anyFunction = [...app.functions.values()][0];
    const env: Record<string, string> = {
      ...(anyFunction?.environment ?? {}),
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_ADMIN.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_ADMIN.secretAccessKey,
      ...endpointVariables(endpoints),
    };
    delete env.NODE_OPTIONS;
    Object.assign(process.env, env);
    resetDeps();
    const deps = currentDeps();
    countDynamoDbCalls(deps.db);
    await ensureTables(deps, app.tables);
    const seeded = options.seedDemo ? await seedDemoCourse(deps) : false;

    const runner = options.bundles
      ? bundleRunner(app, { endpoints, principals, region: LOCAL_REGION, ddbCalls: ddbGate })
      : sourceRunner(app);
    stops.push(() => runner.stop());

    const rules = startRules(app, runner, clock, { schedules: options.scheduler ?? true });
    stops.push(rules.stop);
    const pollers = startStreamPollers(app.streamMappings, runner, endpoints.dynamodb, clock);
    stops.push(() => pollers.stop());
    await pollers.ready;

    s3.onObjectCreated((event) => {
      for (const rule of app.rules)
        if (rule.pattern && matchesPattern(rule.pattern, event))
          for (const target of rule.targets)
            rules
              .deliver(target.functionId, event)
              .catch((error: unknown) =>
                log.error('object event delivery failed', { rule: rule.logicalId, error }),
              );
    });

    // The issuer is the OIDC authority, whose URL holds the port. Its tokens stay valid across
    // restarts on the same port when the key is kept (dataDir).
    const issuer = await TokenIssuer.fromKey(oidcAuthority(apiUrl), await signingKey);
    // Who may sign up, as on AWS: an address on a course roster or instructor list (the rule of the
    // Cognito pre-sign-up trigger); the sign-in page's admin box stands for admin-create-user.
    const signUpCheck = async (email: string) => {
      const decision = await checkSignUpAddress(deps, email);
      return decision.allowed ? { ok: true as const } : { ok: false as const, message: decision.message };
    };
    const oidc = localOidc({ origin: apiUrl, issuer, signUpCheck, ...options.oidc });
    const web = await webBuild;
    server.serve(
      gatewayHandler({
        issuer,
        clock,
        routes: app.routes,
        runner,
        localRoutes: [
          ...localRoutes({ issuer, clock, scheduler: rules, mailEndpoint: ses.endpoint, sesFaults: sesGate }),
          ...oidc.routes,
        ],
        ...(web
          ? {
              web: webApp({
                distDir: web.distDir,
                origin: apiUrl,
                config: localRuntimeConfig(apiUrl, oidc.authority, LOCAL_AUDIENCE),
                s3Origin: s3.endpoint,
                ...(web.ok ? {} : { buildError: web.error }),
              }),
            }
          : {}),
      }),
    );
    return {
      apiUrl,
      appUrl: `${apiUrl}/`,
      oidcAuthority: oidc.authority,
      ...(web ? { web } : {}),
      mailUrl: ses.endpoint,
      endpoints,
      env,
      clock,
      deps,
      s3,
      runner,
      synthesized,
      seeded,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
