import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  backgroundFunctions as allBackgroundFunctions,
  type BackgroundFunction,
} from '../functions/background.js';
import { routes as allRoutes, type Route } from '../functions/routes.js';
import { readDeployConfig } from './config.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

/**
 * Feature flags the stacks rely on, set here rather than only in cdk.json so that tests building
 * the app in-process synthesize exactly what `cdk synth` does. `-c key=value` still wins.
 */
export const DEFAULT_CONTEXT: Record<string, unknown> = {
  '@aws-cdk/core:enablePartitionLiterals': true,
  // Server access logs delivered through a bucket policy (the bucket has ACLs disabled).
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  // Keep CloudFormation exports protected while the stateless stack imports them.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
};

export interface BuildAppOptions {
  /** CDK context, e.g. { mailFrom: 'exams@uni.example' }. */
  context?: Record<string, unknown>;
  /** Defaults to functions/routes.ts; tests may pass their own lists. */
  routes?: readonly Route[];
  backgroundFunctions?: readonly BackgroundFunction[];
  /** Run the cdk-nag AwsSolutions checks on synth (default true). */
  nag?: boolean;
  /** Synth output directory; defaults to CDK's (cdk.out under the CLI, a temp dir otherwise). */
  outdir?: string;
}

export const buildApp = (options: BuildAppOptions = {}) => {
  const app = new App({
    context: { ...DEFAULT_CONTEXT, ...options.context },
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const config = readDeployConfig((key) => app.node.tryGetContext(key));

  const stateful = new StatefulStack(app, 'ExamdeskStateful', {
    description: 'Examdesk data: DynamoDB table and files bucket (retained on delete)',
  });
  const stateless = new StatelessStack(app, 'ExamdeskStateless', {
    description: 'Examdesk code: Cognito, HTTP API, Lambda functions, schedules',
    table: stateful.table,
    tableIndexNames: stateful.tableIndexNames,
    bucket: stateful.bucket,
    bucketArnExportName: stateful.bucketArnExportName,
    config,
    routes: options.routes ?? allRoutes,
    backgroundFunctions: options.backgroundFunctions ?? allBackgroundFunctions,
  });

  stateless.addStackDependency(stateful, 'Functions use the table and bucket');

  // cdk-nag v3 is a policy-validation plugin: any unacknowledged finding fails synthesis.
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, config, stateful, stateless };
};
