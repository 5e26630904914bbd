import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.js';
import { readDeployConfig } from '../../infra/config.js';
import { TABLE_READ_ACTIONS } from '../../infra/lambda.js';
import { readSignUpMailIdentity } from '../../infra/sign-up.js';

type Json = Record<string, unknown>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

const MAIL_FROM = 'exams@uni.example';
/** The wiring is under test, not the bundles: functions get CDK's placeholder code. */
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };
const BUILD_TIMEOUT = 240_000;
const outRoot = mkdtempSync(join(tmpdir(), 'examdesk-cognito-test-'));
let apps = 0;
const outdir = () => join(outRoot, `app${++apps}`);
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
const idOf = (stack: Stack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);
const nagFindings = (stack: Stack) =>
  new AwsSolutionsChecks(undefined, { verbose: true })
    .validateScope(stack)
    .violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);

describe('Cognito: the web client, the domain and sign-up limited to rosters', () => {
  let built: ReturnType<typeof buildApp>;
  let template: Template;

  beforeAll(() => {
    built = buildApp({
      context: { mailFrom: MAIL_FROM, authDomainPrefix: 'examdesk-genmod', ...NO_BUNDLING },
      nag: false,
      outdir: outdir(),
    });
    template = Template.fromStack(built.stateless);
  }, BUILD_TIMEOUT);

  it('lets visitors sign up, verifies their address by mail, and runs the trigger before each sign-up', () => {
    const trigger = idOf(built.stateless, built.stateless.preSignUp.fn);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AutoVerifiedAttributes: ['email'],
      UsernameAttributes: ['email'],
      LambdaConfig: { PreSignUp: { 'Fn::GetAtt': [trigger, 'Arn'] } },
    });
    // Cognito may invoke the trigger, for this user pool only.
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'cognito-idp.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [trigger, 'Arn'] },
      SourceArn: { 'Fn::GetAtt': [idOf(built.stateless, built.stateless.userPool), 'Arn'] },
    });
  });

  it('runs the trigger on Node 24 within the 5 s Cognito waits, with the runtime environment', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('pre-sign-up'),
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: 5,
      Environment: {
        Variables: Match.objectLike({ TABLE_NAME: Match.anyValue(), POWERTOOLS_SERVICE_NAME: 'pre-sign-up' }),
      },
    });
  });

  it('lets the trigger read the table and nothing else (no write, no S3, no SES)', () => {
    const roleId = idOf(built.stateless, built.stateless.preSignUp.role);
    const statements = (Object.values(template.findResources('AWS::IAM::Policy')) as { Properties: Json }[])
      .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    const actions = statements.flatMap((s) => asArray(s.Action));
    expect(actions.filter((a) => !a.startsWith('logs:')).sort()).toEqual([...TABLE_READ_ACTIONS].sort());
    const table = statements.find((s) => asArray(s.Action).includes('dynamodb:Query'))!;
    expect(JSON.stringify(table.Resource)).toContain('/index/GSI1');
    expect(JSON.stringify(table.Resource)).not.toContain('*');
  });

  it('gives the web app a client for the authorization code flow only, back to the app', () => {
    const web = template.findResources('AWS::Cognito::UserPoolClient', {
      Properties: { AllowedOAuthFlowsUserPoolClient: true },
    });
    expect(Object.keys(web)).toEqual([idOf(built.stateless, built.stateless.webClient)]);
    const props = (Object.values(web)[0] as { Properties: Json }).Properties;
    expect(props).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      GenerateSecret: false,
      SupportedIdentityProviders: ['COGNITO'],
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    });
    expect(JSON.stringify(props.CallbackURLs)).toMatch(
      /^\[\{"Fn::Join":\["",\["https:\/\/",\{"Fn::ImportValue":"ExamdeskWeb:.*DomainName.*"\},"\/"\]\]\}\]$/,
    );
    expect(props.LogoutURLs).toEqual(props.CallbackURLs);
  });

  it("keeps the operators' client for SRP and admin password auth, with no OAuth at all", () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: [
        'ALLOW_ADMIN_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ],
      AllowedOAuthFlowsUserPoolClient: false,
      AllowedOAuthFlows: Match.absent(),
      CallbackURLs: Match.absent(),
    });
  });

  it('hosts the sign-in pages on the Cognito domain of -c authDomainPrefix', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'examdesk-genmod' });
    expect(built.stateless.resolve(built.stateless.signInUrl)).toEqual({
      'Fn::Join': ['', ['https://examdesk-genmod.auth.', { Ref: 'AWS::Region' }, '.amazoncognito.com']],
    });
    // The URL CDK's own UserPoolDomain gives, with its domain name (Ref) being the prefix.
    const domainRef = JSON.stringify({ Ref: idOf(built.stateless, built.stateless.signInDomain) });
    const cdkUrl = JSON.stringify(built.stateless.resolve(built.stateless.signInDomain.baseUrl()));
    expect(
      JSON.parse(cdkUrl.replace(`"https://",${domainRef},".auth."`, '"https://examdesk-genmod.auth."')),
    ).toEqual(built.stateless.resolve(built.stateless.signInUrl));
    template.hasOutput('SignInUrl', {});
    template.hasOutput('WebClientId', {});
  });

  it("accepts the ID tokens of both clients at the API's JWT authorizer", () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: {
        Audience: [
          { Ref: idOf(built.stateless, built.stateless.userPoolClient) },
          { Ref: idOf(built.stateless, built.stateless.webClient) },
        ],
        Issuer: Match.anyValue(),
      },
    });
  });

  it('keeps mail with Cognito by default (no -c signUpMailIdentity)', () => {
    const pool = Object.values(template.findResources('AWS::Cognito::UserPool'))[0] as { Properties: Json };
    expect(pool.Properties.EmailConfiguration).toBeUndefined();
  });

  it('stays cdk-nag clean', () => {
    expect(nagFindings(built.stateless)).toEqual([]);
  });
});

describe('Cognito defaults and the SES sender for its codes', () => {
  it(
    'derives the domain prefix from the account without -c authDomainPrefix',
    () => {
      const built = buildApp({
        context: { mailFrom: MAIL_FROM, ...NO_BUNDLING },
        nag: false,
        outdir: outdir(),
      });
      Template.fromStack(built.stateless).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
        Domain: { 'Fn::Join': ['', ['examdesk-', { Ref: 'AWS::AccountId' }]] },
      });
    },
    BUILD_TIMEOUT,
  );

  it(
    'sends sign-up codes through SES as the verified identity given by -c signUpMailIdentity',
    () => {
      const built = buildApp({
        context: { mailFrom: MAIL_FROM, signUpMailIdentity: 'uni.example', ...NO_BUNDLING },
        nag: false,
        outdir: outdir(),
      });
      Template.fromStack(built.stateless).hasResourceProperties('AWS::Cognito::UserPool', {
        EmailConfiguration: {
          EmailSendingAccount: 'DEVELOPER',
          From: `examdesk <${MAIL_FROM}>`,
          SourceArn: {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':ses:',
                { Ref: 'AWS::Region' },
                ':',
                { Ref: 'AWS::AccountId' },
                ':identity/uni.example',
              ],
            ],
          },
        },
      });
      expect(nagFindings(built.stateless)).toEqual([]);
    },
    BUILD_TIMEOUT,
  );

  it('refuses a sign-up mail identity that does not cover the sender, or without a sender', () => {
    const config = readDeployConfig((key) => ({ mailFrom: MAIL_FROM })[key]);
    expect(readSignUpMailIdentity('exams@uni.example', config)).toBe('exams@uni.example');
    expect(readSignUpMailIdentity(undefined, config)).toBeUndefined();
    expect(() => readSignUpMailIdentity('other.example', config)).toThrow(/does not cover/);
    expect(() =>
      readSignUpMailIdentity(
        'uni.example',
        readDeployConfig(() => undefined),
      ),
    ).toThrow(/needs -c mailFrom/);
  });
});
