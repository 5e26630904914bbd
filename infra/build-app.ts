import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  backgroundFunctions as allBackgroundFunctions,
  type BackgroundFunction,
} from '../functions/background.js';
import { routes as allRoutes, type Route } from '../functions/routes.js';
import { readDeployConfig } from './config.js';
import { cognitoSignInUrl, defaultAuthDomainPrefix } from './sign-in.js';
import { readSignUpMailIdentity, SIGN_UP_MAIL_IDENTITY_CONTEXT } from './sign-up.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';
import { readWebConfig } from './web-config.js';
import { hostingCspSources, WebHostingStack } from './web-hosting-stack.js';
import { WebReleaseStack } from './web-release-stack.js';

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
  const context = (key: string): unknown => app.node.tryGetContext(key);
  const config = readDeployConfig(context);
  const web = readWebConfig(context);
  const authDomainPrefix = web.authDomainPrefix ?? defaultAuthDomainPrefix();
  const signInUrl = cognitoSignInUrl(authDomainPrefix);

  // Deployed first: the CORS of the files bucket and of the API, and the web client's callback
  // URLs, name the app's origin, which CloudFront assigns (web-hosting-stack.ts).
  const webHosting = new WebHostingStack(app, 'ExamdeskWeb', {
    description: 'Examdesk web app hosting: private bucket behind CloudFront (OAC, HTTPS, security headers)',
    web,
    signInUrl,
  });
  const stateful = new StatefulStack(app, 'ExamdeskStateful', {
    description: 'Examdesk data: DynamoDB table and files bucket (retained on delete)',
    appOrigins: webHosting.allowedOrigins,
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
    appOrigins: webHosting.allowedOrigins,
    authDomainPrefix,
    signUpMailIdentity: readSignUpMailIdentity(context(SIGN_UP_MAIL_IDENTITY_CONTEXT), config),
  });
  // Deployed last: config.json and the exact CSP hosts come from every other stack.
  const webRelease = new WebReleaseStack(app, 'ExamdeskWebRelease', {
    description: 'Examdesk web app release: the built app and its config.json in the hosting bucket',
    bucketName: webHosting.bucket.bucketName,
    bucketArnExportName: webHosting.bucketArnExportName,
    distribution: webHosting.distribution,
    runtime: {
      apiUrl: stateless.api.apiEndpoint,
      issuer: stateless.issuer,
      clientId: stateless.webClient.userPoolClientId,
      signInUrl,
    },
    csp: {
      ...hostingCspSources(signInUrl),
      api: stateless.api.apiEndpoint,
      files: `https://${stateful.bucket.bucketRegionalDomainName}`,
    },
  });

  stateful.addStackDependency(webHosting, 'The files bucket allows uploads from the web app origin');
  stateless.addStackDependency(stateful, 'Functions use the table and bucket');
  webRelease.addStackDependency(stateless, 'config.json names the API and the web client');

  // cdk-nag v3 is a policy-validation plugin: any unacknowledged finding fails synthesis.
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, config, web, stateful, stateless, webHosting, webRelease };
};
