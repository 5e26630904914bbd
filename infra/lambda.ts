import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { Access } from '../functions/routes.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const FUNCTIONS_DIR = join(PROJECT_ROOT, 'functions');

/** Latest Node.js runtime aws-cdk-lib knows (cdk-nag AwsSolutions-L1 checks exactly that). */
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;
export const ESBUILD_TARGET = 'node24';

/** ESM bundles still meet the odd CommonJS dependency calling require(). */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** 'http/get-course' -> 'HttpGetCourse': stable construct ids, so logical ids survive reordering. */
export const constructIdFor = (handler: string): string =>
  handler
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

export const entryFor = (handler: string): string => {
  const entry = join(FUNCTIONS_DIR, `${handler}.ts`);
  if (!existsSync(entry)) throw new Error(`No handler module at ${entry} (handler '${handler}')`);
  return entry;
};

export interface AppFunctionProps {
  handler: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  /** Async-invocation dead-letter queue (background functions). */
  deadLetterQueue?: sqs.IQueue;
  logRetention: logs.RetentionDays;
}

export interface AppFunction {
  fn: NodejsFunction;
  role: iam.Role;
  logGroup: logs.LogGroup;
}

/**
 * One bundled function with its own log group and its own role. The role gets write access to that
 * log group only, instead of AWSLambdaBasicExecutionRole (which allows every log group).
 */
export const appFunction = (scope: Construct, id: string, props: AppFunctionProps): AppFunction => {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
    retention: props.logRetention,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const role = new iam.Role(scope, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `Execution role of ${props.handler}`,
  });
  logGroup.grantWrite(role);

  const fn = new NodejsFunction(scope, id, {
    entry: entryFor(props.handler),
    handler: 'handler',
    description: props.description,
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
    runtime: LAMBDA_RUNTIME,
    architecture: lambda.Architecture.ARM_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    role,
    logGroup,
    environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
    ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue, retryAttempts: 2 } : {}),
    bundling: {
      format: OutputFormat.ESM,
      target: ESBUILD_TARGET,
      mainFields: ['module', 'main'],
      // Bundle the AWS SDK clients too: pinned versions, tree-shaken, no dependence on the runtime's copy.
      externalModules: [],
      minify: true,
      sourceMap: true,
      sourcesContent: false,
      charset: Charset.UTF8,
      banner: ESM_REQUIRE_BANNER,
      forceDockerBundling: false,
    },
  });
  return { fn, role, logGroup };
};

export interface AccessTargets {
  table: dynamodb.ITable;
  bucket: s3.IBucket;
  /** SES identity ARNs the 'mail' access may send as; never '*'. */
  sesIdentityArns: string[];
}

/** Turns an entry's access list into the narrowest grants CDK offers. */
export const grantAccess = (grantee: iam.IGrantable, access: readonly Access[], targets: AccessTargets): void => {
  const wanted = new Set(access);
  for (const item of wanted) {
    switch (item) {
      case 'table-read':
        if (!wanted.has('table-write')) targets.table.grantReadData(grantee);
        break;
      case 'table-write':
        // Read + write: conditional writes inside transactions need dynamodb:ConditionCheckItem,
        // which CDK files under the read actions.
        targets.table.grantReadWriteData(grantee);
        break;
      case 'bucket-read':
        targets.bucket.grantRead(grantee);
        break;
      case 'bucket-write':
        targets.bucket.grantPut(grantee);
        break;
      case 'mail':
        if (targets.sesIdentityArns.length === 0) throw new Error("'mail' access needs at least one SES identity");
        grantee.grantPrincipal.addToPrincipalPolicy(
          new iam.PolicyStatement({
            actions: ['ses:SendEmail', 'ses:SendRawEmail'],
            resources: targets.sesIdentityArns,
          }),
        );
        break;
      default: {
        const never: never = item;
        throw new Error(`Unknown access '${String(never)}'`);
      }
    }
  }
};
