import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { Access } from '../functions/routes.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const FUNCTIONS_DIR = join(PROJECT_ROOT, 'functions');

/** Latest Node.js runtime aws-cdk-lib knows (cdk-nag AwsSolutions-L1 checks exactly that). */
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;
export const ESBUILD_TARGET = 'node24';

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
  /** The bundle of `handler` (see bundle.ts); its index.mjs exports `handler`. */
  code: lambda.Code;
  description: string;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  /** Async-invocation dead-letter queue (background functions). */
  deadLetterQueue?: sqs.IQueue;
  logRetention: logs.RetentionDays;
}

export interface AppFunction {
  fn: lambda.Function;
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

  const fn = new lambda.Function(scope, id, {
    code: props.code,
    handler: 'index.handler',
    description: props.description,
    runtime: LAMBDA_RUNTIME,
    architecture: lambda.Architecture.ARM_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    role,
    logGroup,
    environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
    ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue, retryAttempts: 2 } : {}),
  });
  return { fn, role, logGroup };
};

export interface AccessTargets {
  tableArn: string;
  /** Names of the table's secondary indexes; granted one by one, never as index/*. */
  tableIndexNames: readonly string[];
  /** ARN of the files bucket; objects are `${bucketArn}/*`. */
  bucketArn: string;
  /** SES identity ARNs the 'mail' access may send as; never '*'. */
  sesIdentityArns: readonly string[];
}

/** Item reads, queries on the table and its indexes, and the condition checks of transactions. */
export const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];
/**
 * GetObject also serves HeadObject and presigned GETs; the bucket is versioned and reads name the
 * version that was checked, which S3 authorizes as GetObjectVersion. ListBucket turns a missing key
 * into 404, not 403.
 */
export const BUCKET_READ_OBJECT_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion'];
export const BUCKET_READ_BUCKET_ACTIONS = ['s3:ListBucket'];
/** PutObject also serves presigned PUT/POST uploads. */
export const BUCKET_WRITE_ACTIONS = ['s3:PutObject', 's3:AbortMultipartUpload'];
export const MAIL_ACTIONS = ['ses:SendEmail', 'ses:SendRawEmail'];

/**
 * Turns an entry's access list into IAM statements. Written out rather than CDK's grantReadData /
 * grantRead / grantPut: those emit action wildcards (s3:GetObject*, s3:List*, ...) and a
 * `table/index/*` resource that cdk-nag v3 can only acknowledge finding by finding, and the
 * statements below are narrower anyway (named indexes, no stream or bucket-configuration reads).
 */
export const accessStatements = (
  access: readonly Access[],
  targets: AccessTargets,
): iam.PolicyStatement[] => {
  const wanted = new Set(access);
  const statements: iam.PolicyStatement[] = [];
  const tableResources = [
    targets.tableArn,
    ...targets.tableIndexNames.map((name) => `${targets.tableArn}/index/${name}`),
  ];
  const objects = `${targets.bucketArn}/*`;
  for (const item of wanted) {
    switch (item) {
      case 'table-read':
        statements.push(new iam.PolicyStatement({ actions: TABLE_READ_ACTIONS, resources: tableResources }));
        break;
      case 'table-write':
        statements.push(
          new iam.PolicyStatement({ actions: TABLE_WRITE_ACTIONS, resources: [targets.tableArn] }),
        );
        break;
      case 'bucket-read':
        statements.push(
          new iam.PolicyStatement({ actions: BUCKET_READ_OBJECT_ACTIONS, resources: [objects] }),
          new iam.PolicyStatement({ actions: BUCKET_READ_BUCKET_ACTIONS, resources: [targets.bucketArn] }),
        );
        break;
      case 'bucket-write':
        statements.push(new iam.PolicyStatement({ actions: BUCKET_WRITE_ACTIONS, resources: [objects] }));
        break;
      case 'mail':
        if (targets.sesIdentityArns.length === 0)
          throw new Error("'mail' access needs at least one SES identity");
        statements.push(
          new iam.PolicyStatement({ actions: MAIL_ACTIONS, resources: [...targets.sesIdentityArns] }),
        );
        break;
      default: {
        const never: never = item;
        throw new Error(`Unknown access '${String(never)}'`);
      }
    }
  }
  return statements;
};

/** True when the access list reaches objects of the bucket (an `${bucketArn}/*` resource). */
export const touchesBucketObjects = (access: readonly Access[]): boolean =>
  access.includes('bucket-read') || access.includes('bucket-write');
