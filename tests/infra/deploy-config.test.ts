import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../../functions/routes.js';
import { buildApp } from '../../infra/build-app.js';
import { EMAIL_PATTERN, readDeployConfig, senderPattern } from '../../infra/config.js';

type Json = Record<string, unknown>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

const BUILD_TIMEOUT = 240_000;
const outRoot = mkdtempSync(join(tmpdir(), 'examdesk-deploy-config-test-'));
let apps = 0;
const outdir = () => join(outRoot, `app${++apps}`);
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

const ctx = (values: Json) => (key: string) => values[key];
const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
const ARN = (identity: string, region = 'eu-west-3') =>
  `arn:aws:ses:${region}:123456789012:identity/${identity}`;

/** One mail route (an existing handler stands in): only the sender wiring is under test. */
const mailRoute: Route = {
  method: 'POST',
  path: '/courses/{courseId}/notices',
  handler: 'http/get-me',
  access: ['table-read', 'mail'],
  summary: 'test',
  tag: 'test',
  responses: {},
};
const build = (context: Json, nag = false) =>
  buildApp({ context, routes: [mailRoute], backgroundFunctions: [], nag, outdir: outdir() });

const sesResources = (template: Template): unknown[] => {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as { Properties: Json }[];
  const statements = policies
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
    .filter((s) => asArray(s.Action).includes('ses:SendEmail'));
  expect(statements).toHaveLength(1);
  return asArray(statements[0]!.Resource);
};
const mailFromEnv = (template: Template): unknown[] =>
  (Object.values(template.findResources('AWS::Lambda::Function')) as { Properties: Json }[]).map(
    (fn) => (fn.Properties.Environment as { Variables: Json }).Variables.MAIL_FROM,
  );
const warnings = (built: ReturnType<typeof buildApp>, stack: Stack) =>
  built.app
    .synth()
    .getStackArtifact(stack.artifactId)
    .messages.filter((m) => m.level !== 'info')
    .map((m) => String(m.entry.data));
/** `formatArn` with the stack's region and account; a literal identity joins the last string part. */
const identityArnOf = (identity: unknown) => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':ses:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      ...(typeof identity === 'string' ? [`:identity/${identity}`] : [':identity/', identity]),
    ],
  ],
});

describe('readDeployConfig', () => {
  it('leaves the sender to deploy time when there is no mailFrom (no built-in default)', () => {
    expect(readDeployConfig(ctx({}))).toEqual({
      mailFrom: undefined,
      sesIdentities: [],
      sesIdentityArns: [],
    });
    expect(senderPattern(readDeployConfig(ctx({})))).toBe(EMAIL_PATTERN);
  });

  it('grants the domain and the address of a given sender', () => {
    expect(readDeployConfig(ctx({ mailFrom: ' exams@uni.example ' }))).toEqual({
      mailFrom: 'exams@uni.example',
      sesIdentities: ['uni.example', 'exams@uni.example'],
      sesIdentityArns: [],
    });
  });

  it('refuses a mailFrom that is not an address, naming -c mailFrom', () => {
    for (const mailFrom of ['not-an-address', '', 'exams@localhost', 'a b@uni.example', 'a@b@uni.example'])
      expect(() => readDeployConfig(ctx({ mailFrom })), mailFrom).toThrow(
        /mailFrom must be an email address.*-c mailFrom=exams@your-verified-domain\.example/,
      );
  });

  it('refuses sesIdentity lists that hold neither the sender nor its domain', () => {
    expect(() =>
      readDeployConfig(ctx({ mailFrom: 'exams@uni.example', sesIdentity: 'other.example' })),
    ).toThrow(
      /sesIdentity \(other\.example\) does not cover the sender exams@uni\.example.*-c sesIdentity=uni\.example,other\.example/,
    );
    // A subdomain, a parent domain or another address of the domain is not the sender's identity.
    for (const sesIdentity of ['mail.uni.example', 'example', 'other@uni.example', 'exams@other.example'])
      expect(
        () => readDeployConfig(ctx({ mailFrom: 'exams@uni.example', sesIdentity })),
        sesIdentity,
      ).toThrow(/does not cover the sender/);
  });

  it('accepts sesIdentity lists holding the domain or the address (case-insensitively)', () => {
    for (const sesIdentity of ['uni.example', 'exams@uni.example', 'other.example, UNI.example'])
      expect(
        readDeployConfig(ctx({ mailFrom: 'exams@uni.example', sesIdentity })).sesIdentities,
        sesIdentity,
      ).toEqual(sesIdentity.split(',').map((s) => s.trim()));
  });

  it('compares the part after identity/ of sesIdentityArn with the sender and its domain', () => {
    expect(() =>
      readDeployConfig(ctx({ mailFrom: 'exams@uni.example', sesIdentityArn: ARN('other.example') })),
    ).toThrow(/sesIdentityArn .* does not cover the sender exams@uni\.example.*identity\/uni\.example/);
    expect(() =>
      readDeployConfig(
        ctx({ mailFrom: 'exams@uni.example', sesIdentityArn: ARN('uni.example.other.example') }),
      ),
    ).toThrow(/does not cover/);
    // Another region's identity is fine: only the identity has to match.
    for (const arn of [
      ARN('uni.example', 'us-east-1'),
      ARN('exams@uni.example'),
      `${ARN('x.example')},${ARN('uni.example')}`,
    ])
      expect(
        readDeployConfig(ctx({ mailFrom: 'exams@uni.example', sesIdentityArn: arn })).sesIdentityArns,
      ).toEqual(arn.split(','));
    // sesIdentityArn replaces sesIdentity, so a non-matching sesIdentity does not matter then.
    expect(() =>
      readDeployConfig(
        ctx({
          mailFrom: 'exams@uni.example',
          sesIdentity: 'other.example',
          sesIdentityArn: ARN('uni.example'),
        }),
      ),
    ).not.toThrow();
  });

  it('restricts the deploy-time sender to the explicit identities', () => {
    const pattern = (values: Json) => new RegExp(`^(?:${senderPattern(readDeployConfig(ctx(values)))})$`);
    const byIdentity = pattern({ sesIdentity: 'uni.example,boss@other.example' });
    expect(byIdentity.test('exams@uni.example')).toBe(true);
    expect(byIdentity.test('boss@other.example')).toBe(true);
    expect(byIdentity.test('exams@other.example')).toBe(false);
    expect(byIdentity.test('exams@uniXexample')).toBe(false);
    expect(byIdentity.test('exams@mail.uni.example.evil')).toBe(false);
    const byArn = pattern({ sesIdentityArn: ARN('uni.example') });
    expect(byArn.test('exams@uni.example')).toBe(true);
    expect(byArn.test('exams@other.example')).toBe(false);
    const any = pattern({});
    expect(any.test('exams@uni.example')).toBe(true);
    expect(any.test('exams')).toBe(false);
  });
});

describe('stateless stack without -c mailFrom (offline synth, e.g. the org asset check)', () => {
  let built: ReturnType<typeof buildApp>;
  let template: Template;

  beforeAll(() => {
    built = build({}, true);
    template = Template.fromStack(built.stateless);
  }, BUILD_TIMEOUT);

  it('declares the MailFrom parameter without a default, telling what to pass', () => {
    const parameter = template.toJSON().Parameters.MailFrom as Json;
    expect(parameter).toMatchObject({ Type: 'String', AllowedPattern: EMAIL_PATTERN });
    expect(parameter).not.toHaveProperty('Default');
    expect(parameter.Description).toContain('-c mailFrom=');
    expect(parameter.Description).toContain('--parameters ExamdeskStateless:MailFrom=');
    expect(parameter.ConstraintDescription).toEqual(expect.any(String));
    // Only the stateless stack takes it (`--parameters MailFrom=...` without a stack would hit both).
    expect(Template.fromStack(built.stateful).toJSON().Parameters?.MailFrom).toBeUndefined();
  });

  it('sends as the parameter and grants its domain and address', () => {
    // The route's function and the pre-sign-up trigger.
    expect(mailFromEnv(template)).toEqual([{ Ref: 'MailFrom' }, { Ref: 'MailFrom' }]);
    expect(sesResources(template)).toEqual([
      identityArnOf({ 'Fn::Select': [1, { 'Fn::Split': ['@', { Ref: 'MailFrom' }] }] }),
      identityArnOf({ Ref: 'MailFrom' }),
    ]);
  });

  it('warns at synth with the command to deploy, and stays cdk-nag clean', () => {
    expect(warnings(built, built.stateless)).toEqual([
      expect.stringContaining('npx cdk deploy --all -c mailFrom=exams@your-verified-domain.example'),
    ]);
    expect(warnings(built, built.stateful)).toEqual([]);
    for (const stack of [built.stateful, built.stateless])
      expect(new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack).violations).toEqual(
        [],
      );
  });

  it('keeps explicit identities and restricts the parameter to addresses they cover', () => {
    const custom = Template.fromStack(build({ sesIdentity: 'uni.example' }).stateless);
    const parameter = custom.toJSON().Parameters.MailFrom as Json;
    expect(parameter.AllowedPattern).toBe('[^\\s@]+@uni\\.example');
    expect(parameter).not.toHaveProperty('Default');
    expect(sesResources(custom)).toEqual([identityArnOf('uni.example')]);
    const byArn = Template.fromStack(build({ sesIdentityArn: ARN('uni.example') }).stateless);
    expect(sesResources(byArn)).toEqual([ARN('uni.example')]);
  });
});

describe('stateless stack with -c mailFrom', () => {
  it('keeps the literal sender and identity ARNs, no parameter and no warning', () => {
    const built = build({ mailFrom: 'exams@uni.example' });
    const template = Template.fromStack(built.stateless);
    expect(template.toJSON().Parameters?.MailFrom).toBeUndefined();
    // The route's function and the pre-sign-up trigger.
    expect(mailFromEnv(template)).toEqual(['exams@uni.example', 'exams@uni.example']);
    expect(sesResources(template)).toEqual([
      identityArnOf('uni.example'),
      identityArnOf('exams@uni.example'),
    ]);
    expect(warnings(built, built.stateless)).toEqual([]);
  });

  it('stops the synth when the sender cannot work', () => {
    expect(() => build({ mailFrom: 'examdesk' })).toThrow(/-c mailFrom=/);
    expect(() => build({ mailFrom: 'exams@uni.example', sesIdentity: 'other.example' })).toThrow(
      /-c sesIdentity=uni\.example/,
    );
    expect(() => build({ mailFrom: 'exams@uni.example', sesIdentityArn: ARN('other.example') })).toThrow(
      /-c sesIdentityArn=arn:aws:ses:REGION:ACCOUNT:identity\/uni\.example/,
    );
  });
});
