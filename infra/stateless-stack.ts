import { join } from 'node:path';
import {
  Annotations,
  ArnFormat,
  CfnOutput,
  CfnParameter,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  Stage,
  Validations,
  type StackProps,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { BackgroundFunction } from '../functions/background.js';
import { ADMIN_GROUP } from '../shared/auth/caller.js';
import type { Access, Route } from '../functions/routes.js';
import { DEPLOY_EXAMPLE, MAIL_FROM_PARAMETER, senderPattern, type DeployConfig } from './config.js';
import { webSignIn } from './sign-in.js';
import { PRE_SIGN_UP_HANDLER, preSignUpTrigger, signUpMail } from './sign-up.js';
import { bundleFunctions } from './bundle.js';
import { ALARM_EMAILS_CONTEXT, Observability, observedFunctions, readAlarmEmails } from './observability.js';
import {
  accessStatements,
  appFunction,
  constructIdFor,
  entryFor,
  ESBUILD_TARGET,
  touchesBucketObjects,
  type AccessTargets,
  type AppFunction,
} from './lambda.js';

export interface StatelessStackProps extends StackProps {
  table: dynamodb.ITable;
  /** Secondary index names of the table (granted one by one). */
  tableIndexNames: readonly string[];
  bucket: s3.IBucket;
  /** Name of the stateful stack's explicit export of the bucket ARN. */
  bucketArnExportName: string;
  config: DeployConfig;
  routes: readonly Route[];
  backgroundFunctions: readonly BackgroundFunction[];
  /**
   * Origins of the web app (web-hosting-stack.ts): the API's CORS allows them, the web client
   * redirects to them after sign-in and sign-out.
   */
  appOrigins: readonly string[];
  /** Prefix of the Cognito domain (the hosted sign-in and sign-up pages). */
  authDomainPrefix: string;
  /** SES identity Cognito mails its codes as (sign-up.ts readSignUpMailIdentity); Cognito's own sender if undefined. */
  signUpMailIdentity?: string | undefined;
}

/** Routes without an access list only read the table. */
export const DEFAULT_ROUTE_ACCESS: readonly Access[] = ['table-read'];

/** Routes that are public on purpose, with the reason their lack of an authorizer is fine. */
const PUBLIC_ROUTE_REASONS: Record<string, string> = {
  'GET /health':
    'Liveness check for uptime monitors; answers only {status, time}, reads no data and needs no caller.',
  'GET /openapi.json':
    'Public API description (the same document as openapi.json in the repository); contains no user or course data.',
};

export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;
const LOG_RETENTION = logs.RetentionDays.ONE_MONTH;

/** $context variables of HTTP APIs, one JSON object per request. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  userSub: '$context.authorizer.claims.sub',
};

/**
 * The code: Cognito, the HTTP API, one function per route and the background functions. Safe to
 * destroy and redeploy; the data lives in the stateful stack (the user pool is retained too).
 */
export class StatelessStack extends Stack {
  readonly userPool: cognito.UserPool;
  /** The operators' client: SRP and admin password auth from the CLI, no OAuth. */
  readonly userPoolClient: cognito.UserPoolClient;
  /** The web app's client: authorization code + PKCE on the Cognito domain. */
  readonly webClient: cognito.UserPoolClient;
  readonly signInDomain: cognito.UserPoolDomain;
  /** Base URL of the Cognito domain, e.g. https://examdesk-123456789012.auth.eu-west-3.amazoncognito.com */
  readonly signInUrl: string;
  /** The tokens' issuer: the API's JWT authorizer checks it, the web app's OIDC authority. */
  readonly issuer: string;
  readonly preSignUp: AppFunction;
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  /** Route functions keyed by handler module; background functions keyed by their id. */
  readonly routeFunctions = new Map<string, AppFunction>();
  readonly backgroundFunctions = new Map<string, AppFunction>();
  readonly backgroundDlq?: sqs.Queue;
  readonly sesIdentityArns: string[];

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { table, bucket, config } = props;

    // The sender: from `-c mailFrom`, else a deploy-time parameter without default (mailFromParameter).
    const mailFrom = config.mailFrom ?? this.mailFromParameter(config);
    const identityArn = (identity: string) =>
      this.formatArn({
        service: 'ses',
        resource: 'identity',
        resourceName: identity,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      });
    this.sesIdentityArns =
      config.sesIdentityArns.length > 0
        ? config.sesIdentityArns
        : config.sesIdentities.length > 0
          ? config.sesIdentities.map(identityArn)
          : // Sender given at deploy: its domain and the address itself, as readDeployConfig does.
            [identityArn(Fn.select(1, Fn.split('@', mailFrom))), identityArn(mailFrom)];
    const accessTargets: AccessTargets = {
      tableArn: table.tableArn,
      tableIndexNames: props.tableIndexNames,
      bucketArn: Fn.importValue(props.bucketArnExportName),
      sesIdentityArns: this.sesIdentityArns,
    };
    const grant = (made: AppFunction, access: readonly Access[]) => {
      for (const statement of accessStatements(access, accessTargets))
        made.role.addToPrincipalPolicy(statement);
      if (touchesBucketObjects(access))
        Validations.of(made.role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${props.bucketArnExportName}/*]`,
          reason:
            'Object-level S3 actions (s3:GetObject / s3:PutObject) on the keys of the examdesk files bucket only; object keys are chosen at run time (course, group, upload ids), so they cannot be listed in the policy.',
        });
    };
    const codeFor = this.bundle(props);
    const environment = {
      TABLE_NAME: table.tableName,
      BUCKET_NAME: bucket.bucketName,
      MAIL_FROM: mailFrom,
    };

    // ---------------------------------------------------------------- Cognito
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      // Self sign-up mails a code: the account works once the address is proven.
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // Anyone may try; the pre-sign-up trigger (sign-up.ts) lets in only the addresses on a course
      // roster or instructor list. Admins still create accounts with admin-create-user.
      selfSignUpEnabled: true,
      ...(props.signUpMailIdentity && config.mailFrom
        ? { email: signUpMail(props.signUpMailIdentity, config.mailFrom) }
        : {}),
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      // Users are state: keep them if this stack is destroyed.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP offered to every user): students sign in a handful of times per term, often from shared lab machines, and the API only exposes their own course data. Admin/instructor accounts are expected to enroll TOTP.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus feature plan (threat protection) is billed per monthly active user; sign-up is limited to the addresses on a course roster (pre-sign-up trigger) and verified by mail, and a 12-character password policy applies, which for a course does not justify it. Switch featurePlan to PLUS to enable it.',
      },
    );

    this.userPoolClient = this.userPool.addClient('Client', {
      generateSecret: false,
      // Operators and scripts: SRP, and ADMIN_USER_PASSWORD_AUTH, which only works with IAM
      // credentials (cognito-idp:AdminInitiateAuth), to fetch a token from the CLI.
      authFlows: { userSrp: true, adminUserPassword: true },
      // The browser signs in through the web client (sign-in.ts); with the Cognito domain in place,
      // CDK's OAuth defaults here (implicit flow, https://example.com callback) would be a live door.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    const signIn = webSignIn(this.userPool, {
      domainPrefix: props.authDomainPrefix,
      appOrigins: props.appOrigins,
    });
    this.webClient = signIn.webClient;
    this.signInDomain = signIn.domain;
    this.signInUrl = signIn.signInUrl;
    this.preSignUp = preSignUpTrigger(this, this.userPool, {
      code: codeFor(PRE_SIGN_UP_HANDLER),
      environment,
      logRetention: LOG_RETENTION,
      grant,
    });

    new cognito.CfnUserPoolGroup(this, 'AdminsGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: ADMIN_GROUP,
      description: 'Examdesk administrators: create courses and act on every course',
    });

    // ---------------------------------------------------------------- HTTP API
    this.issuer = `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`;
    const authorizer = new HttpJwtAuthorizer('CognitoJwt', this.issuer, {
      // ID tokens of either client: the CLI's and the web app's.
      jwtAudience: [this.userPoolClient.userPoolClientId, this.webClient.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });

    this.api = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Examdesk HTTP API',
      createDefaultStage: false,
      // Bearer tokens, no cookies: the JWT is the access control. CORS grants the web app's origins
      // only, so no other site's page is let to call the API from a browser.
      corsPreflight: {
        allowOrigins: [...props.appOrigins],
        allowMethods: [apigw.CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type'],
        maxAge: Duration.days(1),
      },
    });

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    const publicRoutes: { route: Route; httpRoute: apigw.HttpRoute }[] = [];
    for (const route of props.routes) {
      const id = constructIdFor(route.handler);
      let made = this.routeFunctions.get(route.handler);
      if (!made) {
        made = appFunction(this, id, {
          handler: route.handler,
          code: codeFor(route.handler),
          description: `${route.method} ${route.path}`,
          memorySize: 512,
          timeout: Duration.seconds(10),
          environment,
          logRetention: LOG_RETENTION,
        });
        this.routeFunctions.set(route.handler, made);
      }
      grant(made, route.access ?? DEFAULT_ROUTE_ACCESS);

      const [httpRoute] = this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${id}${route.method}Integration`, made.fn),
        ...(route.public ? {} : { authorizer }),
      });
      if (!httpRoute) throw new Error(`No route created for ${route.method} ${route.path}`);
      if (route.public) publicRoutes.push({ route, httpRoute });
    }
    // Every public route needs a reviewed reason here; a new one fails cdk-nag (AwsSolutions-APIG4)
    // until it is added. (AwsSolutions-COG4 only concerns REST APIs, not this HTTP API.)
    for (const { route, httpRoute } of publicRoutes) {
      const reason = PUBLIC_ROUTE_REASONS[`${route.method} ${route.path}`];
      if (reason) Validations.of(httpRoute).acknowledge({ id: 'AwsSolutions-APIG4', reason });
    }

    // ---------------------------------------------------------------- Background functions
    if (props.backgroundFunctions.length > 0) {
      const dlq = new sqs.Queue(this, 'BackgroundDlq', {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      this.backgroundDlq = dlq;

      for (const job of props.backgroundFunctions) {
        const id = constructIdFor(job.id);
        if (this.backgroundFunctions.has(job.id))
          throw new Error(`Duplicate background function id '${job.id}'`);
        const made = appFunction(this, `Job${id}`, {
          handler: job.handler,
          code: codeFor(job.handler),
          description: job.description,
          memorySize: job.memoryMb ?? (job.trigger.kind === 's3-object-created' ? 1024 : 512),
          timeout: Duration.seconds(job.timeoutSeconds ?? 60),
          environment,
          deadLetterQueue: dlq,
          logRetention: LOG_RETENTION,
        });
        this.backgroundFunctions.set(job.id, made);
        grant(made, job.access);

        const target = new targets.LambdaFunction(made.fn, {
          retryAttempts: 2,
          maxEventAge: Duration.hours(2),
          deadLetterQueue: dlq,
        });
        switch (job.trigger.kind) {
          case 'schedule':
            new events.Rule(this, `Job${id}Schedule`, {
              description: `${job.id}: ${job.description}`,
              schedule: events.Schedule.expression(job.trigger.expression),
              targets: [target],
            });
            break;
          case 's3-object-created':
            // The bucket (stateful stack) publishes to EventBridge; subscribing here keeps the
            // dependency one-way. NOTE: the function therefore receives an EventBridge event
            // ({ source: 'aws.s3', 'detail-type': 'Object Created', detail: { bucket: { name },
            // object: { key, size, etag, ... } } }), not an S3 notification ({ Records: [...] }).
            new events.Rule(this, `Job${id}ObjectCreated`, {
              description: `${job.id}: ${job.description}`,
              eventPattern: {
                source: ['aws.s3'],
                detailType: ['Object Created'],
                detail: {
                  bucket: { name: [bucket.bucketName] },
                  object: { key: events.Match.prefix(job.trigger.prefix) },
                },
              },
              targets: [target],
            });
            break;
          case 'table-stream': {
            // The table's stream (stateful stack) through an event source mapping: only the records
            // the filter selects invoke the function; failed records are given again (bisected),
            // then their batch's description lands in the DLQ.
            const streamArn = table.tableStreamArn;
            if (!streamArn) throw new Error(`${job.id} needs the table's stream (stateful stack)`);
            new lambda.EventSourceMapping(this, `Job${id}Stream`, {
              target: made.fn,
              eventSourceArn: streamArn,
              startingPosition: lambda.StartingPosition.LATEST,
              batchSize: job.trigger.batchSize,
              filters: [lambda.FilterCriteria.filter(job.trigger.filter)],
              reportBatchItemFailures: true,
              retryAttempts: 5,
              bisectBatchOnError: true,
              maxRecordAge: Duration.hours(6),
              onFailure: new SqsDlq(dlq),
            });
            made.role.addToPrincipalPolicy(
              new iam.PolicyStatement({
                actions: [
                  'dynamodb:DescribeStream',
                  'dynamodb:GetRecords',
                  'dynamodb:GetShardIterator',
                  'dynamodb:ListStreams',
                ],
                resources: [streamArn],
              }),
            );
            if (job.access.includes('mail')) {
              // Pacing reads the account's send quota once per cold start; GetAccount has no resource.
              made.role.addToPrincipalPolicy(
                new iam.PolicyStatement({ actions: ['ses:GetAccount'], resources: ['*'] }),
              );
              Validations.of(made.role).acknowledge({
                id: 'AwsSolutions-IAM5[Resource::*]',
                reason:
                  'ses:GetAccount (the account send quota, read to pace the sender) is an account-level action that supports no resource but *; it only reads.',
              });
            }
            break;
          }
          default: {
            const never: never = job.trigger;
            throw new Error(`Unknown trigger ${JSON.stringify(never)}`);
          }
        }
      }
    }

    // ---------------------------------------------------------------- Outputs
    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'WebClientId', {
      value: this.webClient.userPoolClientId,
      description: 'App client of the web app (authorization code + PKCE)',
    });
    new CfnOutput(this, 'SignInUrl', {
      value: this.signInUrl,
      description: 'Cognito domain: hosted sign-in, sign-up and sign-out pages',
    });
    new CfnOutput(this, 'Region', { value: this.region });

    // ---------------------------------------------------------------- Observability
    new Observability(this, 'Observability', {
      functions: [
        ...observedFunctions(this.routeFunctions, this.backgroundFunctions, props.backgroundFunctions),
        { service: 'pre-sign-up', fn: this.preSignUp.fn, kind: 'trigger' },
      ],
      api: this.api,
      dlq: this.backgroundDlq,
      alarmEmails: readAlarmEmails(this.node.tryGetContext(ALARM_EMAILS_CONTEXT)),
    });
  }

  /**
   * Without `-c mailFrom` the sender becomes the CloudFormation parameter MailFrom, with no default:
   * `cdk synth` still works offline (the org's asset checks synthesize without any context), while
   * `cdk deploy` stops before touching this stack ("The following CloudFormation Parameters are
   * missing a value: MailFrom") until `-c mailFrom=...` or `--parameters ExamdeskStateless:MailFrom=...`
   * is given. A sender that was verified by nobody (the old built-in default) can't be deployed.
   */
  private mailFromParameter(config: DeployConfig): string {
    const pattern = senderPattern(config);
    const restricted = config.sesIdentities.length > 0 || config.sesIdentityArns.length > 0;
    const parameter = new CfnParameter(this, MAIL_FROM_PARAMETER, {
      type: 'String',
      allowedPattern: pattern,
      description:
        'Sender of every examdesk notice (MAIL_FROM), an address of an SES-verified identity. ' +
        `Give it at synth (${DEPLOY_EXAMPLE}) or at deploy ` +
        `(--parameters ${this.stackName}:${MAIL_FROM_PARAMETER}=exams@your-verified-domain.example).`,
      constraintDescription: restricted
        ? `must be an email address covered by the SES identities given in -c sesIdentity / -c sesIdentityArn (${pattern}).`
        : `must be the email address of an SES-verified sender, e.g. ${MAIL_FROM_PARAMETER}=exams@your-verified-domain.example.`,
    });
    Annotations.of(this).addWarningV2(
      '@examdesk/infra:mailFromParameter',
      `No -c mailFrom: the mail sender is the CloudFormation parameter ${MAIL_FROM_PARAMETER} (no default), ` +
        `so deploying ${this.stackName} fails until it is given. Deploy with: ${DEPLOY_EXAMPLE} ` +
        `(or --parameters ${this.stackName}:${MAIL_FROM_PARAMETER}=<verified address>).`,
    );
    return parameter.valueAsString;
  }

  /**
   * Bundles every handler once (bundle.ts) into `<cdk.out>/bundles`. Like CDK's own bundling, it is
   * skipped when the CLI does not need this stack's assets (`cdk deploy ExamdeskStateful`), the
   * functions then get a placeholder that is never deployed.
   */
  private bundle(props: StatelessStackProps): (handler: string) => lambda.Code {
    const handlers = [
      ...props.routes.map((r) => r.handler),
      ...props.backgroundFunctions.map((b) => b.handler),
      PRE_SIGN_UP_HANDLER,
    ];
    const entries = new Map(handlers.map((handler) => [handler, entryFor(handler)]));
    if (!this.bundlingRequired) {
      const placeholder = lambda.Code.fromInline(
        'exports.handler = async () => { throw new Error("not bundled"); };',
      );
      return () => placeholder;
    }
    const outdir = join(Stage.of(this)?.outdir ?? 'cdk.out', 'bundles', this.stackName);
    const dirs = bundleFunctions({ entries, outdir, target: ESBUILD_TARGET });
    return (handler) => {
      const dir = dirs.get(handler);
      if (!dir) throw new Error(`No bundle for ${handler}`);
      return lambda.Code.fromAsset(dir);
    };
  }
}
