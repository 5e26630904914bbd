import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundFunctions, type BackgroundFunction } from '../../functions/background.js';
import { routes, type Access, type Route } from '../../functions/routes.js';
import { buildApp } from '../../infra/build-app.js';
import { readDeployConfig } from '../../infra/config.js';
import type { AppFunction } from '../../infra/lambda.js';
import { API_THROTTLE } from '../../infra/stateless-stack.js';

type Json = Record<string, unknown>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

const MAIL_FROM = 'exams@uni.example';
/** Bundling ~30 functions and synthesizing takes ~15-25 s of CPU; leave room for a busy machine. */
const BUILD_TIMEOUT = 240_000;
// Each app synthesizes (with ~2 MB per bundled function) into a directory removed after the run.
const outRoot = mkdtempSync(join(tmpdir(), 'examdesk-infra-test-'));
let apps = 0;
const outdir = () => join(outRoot, `app${++apps}`);
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** Every Allow statement of the inline policies attached to the role of `made`. */
const roleStatements = (stack: Stack, template: Template, made: AppFunction): Statement[] => {
  const roleId = stack.getLogicalId(made.role.node.defaultChild as CfnElement);
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as { Properties: Json }[];
  return policies
    .filter((p) =>
      (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })),
    )
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
    .filter((s) => s.Effect === 'Allow');
};
const actionsOf = (statements: Statement[]) => statements.flatMap((s) => asArray(s.Action));

/** cdk-nag v3 is a validation plugin: run it directly (after synth, as `cdk synth` does) to list findings. */
const nagFindings = (stack: Stack) =>
  new AwsSolutionsChecks(undefined, { verbose: true })
    .validateScope(stack)
    .violations.map(
      (v) => `${v.ruleName} (${v.severity}): ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );

describe('deploy config', () => {
  const ctx = (values: Json) => (key: string) => values[key];

  it('grants the sender its domain and address (no default sender: see deploy-config.test.ts)', () => {
    expect(readDeployConfig(ctx({ mailFrom: 'examdesk@example.edu' }))).toEqual({
      mailFrom: 'examdesk@example.edu',
      sesIdentities: ['example.edu', 'examdesk@example.edu'],
      sesIdentityArns: [],
    });
    expect(readDeployConfig(ctx({})).mailFrom).toBeUndefined();
  });

  it('takes explicit identities and ARNs, and refuses wildcards', () => {
    expect(readDeployConfig(ctx({ mailFrom: 'a@b.org', sesIdentity: 'b.org' })).sesIdentities).toEqual([
      'b.org',
    ]);
    const arn = 'arn:aws:ses:eu-west-3:123456789012:identity/b.org';
    expect(readDeployConfig(ctx({ sesIdentityArn: arn })).sesIdentityArns).toEqual([arn]);
    expect(() =>
      readDeployConfig(ctx({ sesIdentityArn: 'arn:aws:ses:eu-west-3:123456789012:identity/*' })),
    ).toThrow();
    expect(() => readDeployConfig(ctx({ sesIdentity: '*' }))).toThrow();
    expect(() => readDeployConfig(ctx({ mailFrom: 'not-an-address' }))).toThrow(/mailFrom/);
  });
});

describe('the app as deployed (functions/routes.ts, functions/background.ts)', () => {
  let built: ReturnType<typeof buildApp>;
  let stateful: Template;
  let stateless: Template;

  beforeAll(() => {
    // One build + synth for every test below: bundling (esbuild) and synthesis run once.
    built = buildApp({ context: { mailFrom: MAIL_FROM }, outdir: outdir() });
    stateful = Template.fromStack(built.stateful);
    stateless = Template.fromStack(built.stateless);
  }, BUILD_TIMEOUT);

  describe('stateful stack', () => {
    it('has the single table with GSI1, on-demand, PITR, deletion protection, TTL and retention', () => {
      stateful.resourceCountIs('AWS::DynamoDB::Table', 1);
      stateful.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          AttributeDefinitions: Match.arrayWith([
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
            { AttributeName: 'gsi1pk', AttributeType: 'S' },
            { AttributeName: 'gsi1sk', AttributeType: 'S' },
          ]),
          GlobalSecondaryIndexes: [
            {
              IndexName: 'GSI1',
              KeySchema: [
                { AttributeName: 'gsi1pk', KeyType: 'HASH' },
                { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          ],
          BillingMode: 'PAY_PER_REQUEST',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
          TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
          SSESpecification: { SSEEnabled: true },
        },
      });
    });

    it('has a private, encrypted, versioned, logged files bucket that publishes to EventBridge', () => {
      stateful.hasResource('AWS::S3::Bucket', {
        DeletionPolicy: 'Retain',
        Properties: {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
            ],
          },
          VersioningConfiguration: { Status: 'Enabled' },
          LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'files/' },
          NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
          // Only the web app's origin (the CloudFront domain, from ExamdeskWeb) may upload and download.
          CorsConfiguration: {
            CorsRules: [
              Match.objectLike({
                AllowedMethods: ['POST', 'GET'],
                AllowedOrigins: [
                  {
                    'Fn::Join': [
                      '',
                      ['https://', { 'Fn::ImportValue': Match.stringLikeRegexp('^ExamdeskWeb:') }],
                    ],
                  },
                ],
              }),
            ],
          },
        },
      });
      // Files bucket + access log bucket; EventBridge is switched on natively, not by a custom resource Lambda.
      stateful.resourceCountIs('AWS::S3::Bucket', 2);
      stateful.resourceCountIs('AWS::Lambda::Function', 0);
      stateful.resourceCountIs('Custom::S3BucketNotifications', 0);
    });

    it('denies non-TLS requests on both buckets', () => {
      const policies = stateful.findResources('AWS::S3::BucketPolicy', {
        Properties: {
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Effect: 'Deny',
                Action: 's3:*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              }),
            ]),
          },
        },
      });
      expect(Object.keys(policies)).toHaveLength(2);
    });

    it('outputs the table and bucket names', () => {
      stateful.hasOutput('TableName', {});
      stateful.hasOutput('BucketName', {});
    });
  });

  describe('functions', () => {
    const handlers = [...new Set(routes.map((r) => r.handler))];

    it('has one function per route handler: Node 24, arm64, with the runtime environment', () => {
      expect(built.stateless.routeFunctions.size).toBe(handlers.length);
      // + the Cognito pre-sign-up trigger (infra/sign-up.ts).
      stateless.resourceCountIs(
        'AWS::Lambda::Function',
        handlers.length + built.stateless.backgroundFunctions.size + 1,
      );
      const functions = stateless.findResources('AWS::Lambda::Function');
      for (const fn of Object.values(functions) as { Properties: Json }[]) {
        expect(fn.Properties).toMatchObject({
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          Environment: {
            Variables: {
              TABLE_NAME: expect.anything(),
              BUCKET_NAME: expect.anything(),
              MAIL_FROM: MAIL_FROM,
              NODE_OPTIONS: '--enable-source-maps',
            },
          },
          LoggingConfig: { LogGroup: expect.anything() },
        });
      }
      for (const route of routes) {
        const made = built.stateless.routeFunctions.get(route.handler);
        expect(made, route.handler).toBeDefined();
        stateless.hasResourceProperties('AWS::Lambda::Function', {
          Description: Match.anyValue(),
          MemorySize: 512,
          Timeout: 10,
          Role: {
            'Fn::GetAtt': [built.stateless.getLogicalId(made!.role.node.defaultChild as CfnElement), 'Arn'],
          },
        });
      }
    });

    it('gives every function its own log group with a retention', () => {
      stateless.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
      // Route functions + background functions + the pre-sign-up trigger + API access logs.
      stateless.resourceCountIs(
        'AWS::Logs::LogGroup',
        built.stateless.routeFunctions.size + built.stateless.backgroundFunctions.size + 2,
      );
    });

    it('uses no AWS managed policies (each role may only write to its own log group)', () => {
      const roles = stateless.findResources('AWS::IAM::Role');
      for (const role of Object.values(roles) as { Properties: Json }[])
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    });

    it('really bundles each handler into an ESM file (AWS SDK included) that runs', () => {
      const outdir = join(built.app.outdir, 'bundles', 'ExamdeskStateless');
      for (const handler of handlers) {
        const file = join(outdir, handler, 'index.mjs');
        expect(existsSync(file), file).toBe(true);
        expect(existsSync(`${file}.map`), `${file}.map`).toBe(true);
        expect(readFileSync(file, 'utf8').startsWith("import { createRequire } from 'module';")).toBe(true);
      }
      // Load the health bundle in a fresh Node process and call it like API Gateway would.
      const health = routes.find((r) => r.path === '/health');
      expect(health).toBeDefined();
      const script = `
        const { handler } = await import(${JSON.stringify(join(outdir, health!.handler, 'index.mjs'))});
        const res = await handler({ version: '2.0', routeKey: 'GET /health', rawPath: '/health', headers: {},
          requestContext: { requestId: 'test', http: { method: 'GET', path: '/health' } }, isBase64Encoded: false });
        process.stdout.write(JSON.stringify(res));`;
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: {
          PATH: process.env.PATH,
          TABLE_NAME: 't',
          BUCKET_NAME: 'b',
          MAIL_FROM: 'exams@uni.example',
          AWS_REGION: 'eu-west-3',
        },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const res = JSON.parse(out) as { statusCode: number; body: string };
      expect(res.statusCode).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ status: 'ok' });
    });
  });

  describe('least privilege', () => {
    const readOnly = routes.filter((r) => (r.access ?? ['table-read']).join() === 'table-read');
    const writers = routes.filter((r) => r.access?.includes('table-write'));

    it('has read-only routes without any write action', () => {
      expect(readOnly.length).toBeGreaterThan(0);
      for (const route of readOnly) {
        const actions = actionsOf(
          roleStatements(built.stateless, stateless, built.stateless.routeFunctions.get(route.handler)!),
        );
        expect(actions, route.handler).toContain('dynamodb:Query');
        for (const forbidden of [
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:BatchWriteItem',
        ])
          expect(actions, route.handler).not.toContain(forbidden);
        expect(
          actions.some((a) => a.startsWith('s3:') || a.startsWith('ses:')),
          route.handler,
        ).toBe(false);
      }
    });

    it('lets table-write routes write', () => {
      for (const route of writers) {
        const actions = actionsOf(
          roleStatements(built.stateless, stateless, built.stateless.routeFunctions.get(route.handler)!),
        );
        expect(actions, route.handler).toEqual(
          expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']),
        );
      }
    });

    it('names the GSI instead of index/* and never grants Resource "*"', () => {
      const text = JSON.stringify(stateless.findResources('AWS::IAM::Policy'));
      expect(text).toContain('/index/GSI1');
      expect(text).not.toContain('/index/*');
      for (const made of built.stateless.routeFunctions.values())
        for (const s of roleStatements(built.stateless, stateless, made))
          expect(asArray(s.Resource)).not.toContain('*');
    });

    it('grants SES exactly to the functions with mail access', () => {
      const accessOf = new Map<string, Access[]>();
      for (const route of routes)
        accessOf.set(route.handler, [
          ...(accessOf.get(route.handler) ?? []),
          ...(route.access ?? ['table-read']),
        ]);
      const entries: [AppFunction, Access[], boolean][] = [
        ...[...built.stateless.routeFunctions].map(([handler, made]): [AppFunction, Access[], boolean] => [
          made,
          accessOf.get(handler) ?? [],
          false,
        ]),
        ...backgroundFunctions.map((job): [AppFunction, Access[], boolean] => [
          built.stateless.backgroundFunctions.get(job.id)!,
          job.access,
          job.trigger.kind === 'table-stream',
        ]),
      ];
      for (const [made, access, paced] of entries) {
        const ses = actionsOf(roleStatements(built.stateless, stateless, made)).filter((a) =>
          a.startsWith('ses:'),
        );
        // Only the outbox's sender mails; it also reads the account's send rate to pace itself.
        expect(ses, made.fn.node.path).toEqual(
          access.includes('mail')
            ? ['ses:SendEmail', 'ses:SendRawEmail', ...(paced ? ['ses:GetAccount'] : [])]
            : [],
        );
      }
    });
  });

  describe('HTTP API', () => {
    it('has one route per entry: JWT authorizer unless public', () => {
      stateless.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
      for (const route of routes) {
        stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: `${route.method} ${route.path}`,
          ...(route.public
            ? { AuthorizationType: 'NONE', AuthorizerId: Match.absent() }
            : { AuthorizationType: 'JWT', AuthorizerId: { Ref: Match.anyValue() } }),
        });
      }
    });

    it('checks Cognito ID/access tokens: issuer is the user pool, audience the CLI and web clients', () => {
      const poolId = built.stateless.getLogicalId(built.stateless.userPool.node.defaultChild as CfnElement);
      const clientId = built.stateless.getLogicalId(
        built.stateless.userPoolClient.node.defaultChild as CfnElement,
      );
      const webClientId = built.stateless.getLogicalId(
        built.stateless.webClient.node.defaultChild as CfnElement,
      );
      stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Audience: [{ Ref: clientId }, { Ref: webClientId }],
          Issuer: {
            'Fn::Join': [
              '',
              ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: poolId }],
            ],
          },
        },
      });
    });

    it('has a $default stage with JSON access logs and throttling', () => {
      const stages = stateless.findResources('AWS::ApiGatewayV2::Stage');
      expect(Object.keys(stages)).toHaveLength(1);
      const props = (Object.values(stages)[0] as { Properties: Json }).Properties as {
        StageName: string;
        AutoDeploy: boolean;
        AccessLogSettings: { DestinationArn: unknown; Format: string };
        DefaultRouteSettings: Json;
      };
      expect(props.StageName).toBe('$default');
      expect(props.AutoDeploy).toBe(true);
      expect(props.AccessLogSettings.DestinationArn).toMatchObject({
        'Fn::GetAtt': [expect.any(String), 'Arn'],
      });
      expect(JSON.parse(props.AccessLogSettings.Format)).toMatchObject({
        requestId: '$context.requestId',
        status: '$context.status',
        routeKey: '$context.routeKey',
      });
      expect(props.DefaultRouteSettings).toMatchObject({
        ThrottlingRateLimit: API_THROTTLE.rateLimit,
        ThrottlingBurstLimit: API_THROTTLE.burstLimit,
      });
    });
  });

  describe('Cognito', () => {
    it('signs in by email, self sign-up (limited by the pre-sign-up trigger), strong passwords, optional TOTP', () => {
      stateless.hasResource('AWS::Cognito::UserPool', {
        DeletionPolicy: 'Retain',
        Properties: {
          UsernameAttributes: ['email'],
          AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
          MfaConfiguration: 'OPTIONAL',
          EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
          Policies: {
            PasswordPolicy: Match.objectLike({
              MinimumLength: 12,
              RequireLowercase: true,
              RequireUppercase: true,
              RequireNumbers: true,
              RequireSymbols: true,
            }),
          },
        },
      });
      stateless.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      });
      stateless.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admins' });
    });

    it('outputs what a client needs', () => {
      for (const name of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'Region'])
        stateless.hasOutput(name, {});
    });
  });

  describe('cdk-nag AwsSolutions', () => {
    it('has no unacknowledged finding (errors or warnings) in either stack', () => {
      expect(nagFindings(built.stateful)).toEqual([]);
      expect(nagFindings(built.stateless)).toEqual([]);
    });

    it('leaves no CDK error or warning annotation', () => {
      // The assembly synthesized in beforeAll (cached; Annotations.fromStack would synthesize again).
      const assembly = built.app.synth();
      for (const stack of [built.stateful, built.stateless]) {
        const messages = assembly.getStackArtifact(stack.artifactId).messages;
        expect(
          messages.filter((m) => m.level !== 'info').map((m) => `${m.id}: ${String(m.entry.data)}`),
        ).toEqual([]);
      }
    });
  });
});

describe('background functions and access kinds (synthetic lists)', () => {
  // Existing handler modules stand in for the future ones: only the wiring is under test.
  const testRoutes: Route[] = [
    routes.find((r) => r.path === '/health')!,
    { ...routes.find((r) => r.handler === 'http/get-course')!, access: undefined },
    {
      method: 'POST',
      path: '/courses/{courseId}/notices',
      handler: 'http/get-me',
      access: ['table-read', 'bucket-write', 'mail'],
      summary: 'test',
      tag: 'test',
      responses: {},
    },
  ];
  const jobs: BackgroundFunction[] = [
    {
      id: 'check-upload',
      handler: 'http/get-roster',
      trigger: { kind: 's3-object-created', prefix: 'uploads/' },
      access: ['table-write', 'bucket-read'],
      description: 'Checks an uploaded file',
    },
    {
      id: 'deadline-notices',
      handler: 'http/list-courses',
      trigger: { kind: 'schedule', expression: 'rate(15 minutes)', everyMs: 900_000 },
      access: ['table-read', 'mail'],
      description: 'Sends deadline notices',
    },
  ];
  let built: ReturnType<typeof buildApp>;
  let template: Template;
  const statementsOf = (made: AppFunction | undefined) => {
    expect(made).toBeDefined();
    return roleStatements(built.stateless, template, made!);
  };

  beforeAll(() => {
    built = buildApp({
      context: { mailFrom: MAIL_FROM },
      routes: testRoutes,
      backgroundFunctions: jobs,
      outdir: outdir(),
    });
    template = Template.fromStack(built.stateless);
  }, BUILD_TIMEOUT);

  it('subscribes the object-created function through an EventBridge rule on the bucket and prefix', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: { bucket: { name: [Match.anyValue()] }, object: { key: [{ prefix: 'uploads/' }] } },
      },
      Targets: [
        Match.objectLike({
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      ],
    });
  });

  it('runs scheduled functions from their expression with retries and a DLQ', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: [
        Match.objectLike({
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      ],
    });
  });

  it('gives background functions 60 s, an async DLQ and 2 async retries', () => {
    const dlq = built.stateless.getLogicalId(built.stateless.backgroundDlq!.node.defaultChild as CfnElement);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 60,
      MemorySize: 1024,
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] } },
    });
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Timeout: 60, DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] } } },
      jobs.length,
    );
    template.resourcePropertiesCountIs(
      'AWS::Lambda::EventInvokeConfig',
      { MaximumRetryAttempts: 2 },
      jobs.length,
    );
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('grants ses:SendEmail only to mail functions, on the sender identity ARNs', () => {
    const mailers = [
      built.stateless.routeFunctions.get('http/get-me'),
      built.stateless.backgroundFunctions.get('deadline-notices'),
    ];
    const others = [
      built.stateless.routeFunctions.get('http/get-health'),
      built.stateless.routeFunctions.get('http/get-course'),
      built.stateless.backgroundFunctions.get('check-upload'),
    ];
    for (const made of others)
      expect(actionsOf(statementsOf(made)).filter((a) => a.startsWith('ses:'))).toEqual([]);
    for (const made of mailers) {
      const ses = statementsOf(made).filter((s) => asArray(s.Action).includes('ses:SendEmail'));
      expect(ses).toHaveLength(1);
      expect(asArray(ses[0]!.Action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      const resources = asArray(ses[0]!.Resource);
      expect(resources).not.toContain('*');
      const flat = resources.map((r) => JSON.stringify(r));
      expect(flat).toHaveLength(2);
      expect(flat[0]).toMatch(/:ses:.*AWS::Region.*AWS::AccountId.*:identity\/uni\.example"/);
      expect(flat[1]).toMatch(/:identity\/exams@uni\.example"/);
    }
  });

  it('maps bucket-read / bucket-write to object reads / writes on the files bucket only', () => {
    const reader = actionsOf(statementsOf(built.stateless.backgroundFunctions.get('check-upload')));
    expect(reader).toEqual(expect.arrayContaining(['s3:GetObject', 's3:ListBucket', 'dynamodb:PutItem']));
    expect(reader).not.toContain('s3:PutObject');
    const writer = actionsOf(statementsOf(built.stateless.routeFunctions.get('http/get-me')));
    expect(writer).toContain('s3:PutObject');
    expect(writer).not.toContain('s3:GetObject');
    expect(writer).not.toContain('dynamodb:PutItem');
    for (const action of [...reader, ...writer]) expect(action).not.toContain('*');
  });

  it('uses a given SES identity ARN as is', () => {
    const arn = 'arn:aws:ses:eu-west-3:123456789012:identity/uni.example';
    const custom = buildApp({
      context: { mailFrom: MAIL_FROM, sesIdentityArn: arn },
      routes: [testRoutes[2]!],
      backgroundFunctions: [],
      nag: false,
      outdir: outdir(),
    });
    const statements = roleStatements(
      custom.stateless,
      Template.fromStack(custom.stateless),
      custom.stateless.routeFunctions.get('http/get-me')!,
    );
    expect(statements.find((s) => asArray(s.Action).includes('ses:SendEmail'))?.Resource).toBe(arn);
  });

  it('fails cdk-nag when a route becomes public without a reviewed reason', () => {
    const leaky = buildApp({
      routes: [{ ...routes.find((r) => r.handler === 'http/get-course')!, public: true }],
      backgroundFunctions: [],
      nag: false,
      outdir: outdir(),
    });
    expect(nagFindings(leaky.stateless)).toEqual([expect.stringMatching(/^AwsSolutions-APIG4 /)]);
  });

  it('stays cdk-nag clean with background functions, bucket access and mail', () => {
    expect(nagFindings(built.stateful)).toEqual([]);
    expect(nagFindings(built.stateless)).toEqual([]);
  });
});
