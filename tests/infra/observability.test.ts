import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundFunctions } from '../../functions/background.js';
import { buildApp } from '../../infra/build-app.js';
import { readAlarmEmails, serviceFor } from '../../infra/observability.js';
import { BUSINESS_METRICS } from '../../shared/runtime/metrics.js';

type Json = Record<string, unknown>;
interface AlarmProps {
  AlarmName: string;
  Namespace?: string;
  MetricName?: string;
  Dimensions?: { Name: string; Value: unknown }[];
  Statistic?: string;
  Period?: number;
  Threshold: number;
  ComparisonOperator: string;
  EvaluationPeriods: number;
  TreatMissingData: string;
  AlarmActions: unknown[];
  OKActions: unknown[];
  Metrics?: { Id: string; Expression?: string; Period?: number; ReturnData?: boolean; MetricStat?: Json }[];
}

const MAIL_FROM = 'exams@uni.example';
const outRoot = mkdtempSync(join(tmpdir(), 'examdesk-observability-test-'));
let apps = 0;
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

/** The whole app, functions not bundled (placeholder code): only the wiring is under test. */
const build = (context: Json = {}) =>
  buildApp({
    context: { mailFrom: MAIL_FROM, 'aws:cdk:bundling-stacks': [], ...context },
    outdir: join(outRoot, `app${++apps}`),
  });

const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);

describe('observability of the stateless stack', () => {
  let built: ReturnType<typeof build>;
  let template: Template;
  let alarms: Map<string, AlarmProps>;
  let topicRef: Json;

  beforeAll(() => {
    built = build({ alarmEmails: 'ops@uni.example, lead@uni.example' });
    template = Template.fromStack(built.stateless);
    alarms = new Map(
      (Object.values(template.findResources('AWS::CloudWatch::Alarm')) as { Properties: AlarmProps }[]).map(
        ({ Properties }) => [Properties.AlarmName.replace('ExamdeskStateless-', ''), Properties],
      ),
    );
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
    topicRef = { Ref: topicId };
  }, 120_000);

  const alarm = (name: string): AlarmProps => {
    const found = alarms.get(name);
    expect(found, `alarm ${name} in ${[...alarms.keys()].join(', ')}`).toBeDefined();
    return found!;
  };

  it('has one alarm topic, KMS-encrypted, TLS only, with the context emails as subscribers', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription')).map(
      (r) => (r as { Properties: Json }).Properties,
    );
    expect(subscriptions).toEqual([
      expect.objectContaining({ Protocol: 'email', Endpoint: 'ops@uni.example', TopicArn: topicRef }),
      expect.objectContaining({ Protocol: 'email', Endpoint: 'lead@uni.example', TopicArn: topicRef }),
    ]);
    template.hasOutput('AlarmTopicArn', { Value: topicRef });
  });

  it('sends every alarm, and its recovery, to the topic', () => {
    expect(alarms.size).toBeGreaterThan(0);
    for (const [name, a] of alarms) {
      expect(a.AlarmActions, name).toEqual([topicRef]);
      expect(a.OKActions, name).toEqual([topicRef]);
    }
  });

  it('alarms when the background DLQ holds a message', () => {
    const dlq = built.stateless.backgroundDlq!;
    expect(alarm('BackgroundDlqNotEmpty')).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(built.stateless, dlq), 'QueueName'] } },
      ],
      Statistic: 'Maximum',
      Period: 300,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      TreatMissingData: 'notBreaching',
    });
  });

  it('alarms on a 5xx rate above 1% over 5 minutes with enough requests', () => {
    const a = alarm('Api5xxRate');
    expect(a).toMatchObject({
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
    });
    const byId = new Map(a.Metrics!.map((m) => [m.Id, m]));
    expect(a.Metrics!.filter((m) => m.ReturnData)).toEqual([
      expect.objectContaining({ Expression: 'IF(requests >= 20, 100 * errors / requests, 0)' }),
    ]);
    const apiId = { Ref: logicalId(built.stateless, built.stateless.api) };
    for (const [id, metricName] of [
      ['errors', '5xx'],
      ['requests', 'Count'],
    ] as const)
      expect(byId.get(id)).toMatchObject({
        ReturnData: false,
        MetricStat: {
          Metric: {
            Namespace: 'AWS/ApiGateway',
            MetricName: metricName,
            Dimensions: [{ Name: 'ApiId', Value: apiId }],
          },
          Period: 300,
          Stat: 'Sum',
        },
      });
  });

  it('alarms when a scheduled job has not run for an hour (no data counts as not run)', () => {
    const scheduled = backgroundFunctions.filter((b) => b.trigger.kind === 'schedule');
    expect(scheduled.length).toBeGreaterThan(0);
    for (const job of scheduled) {
      const fn = built.stateless.backgroundFunctions.get(job.id)!.fn;
      const name = `${job.id.replace(/(^|-)(.)/g, (_, _d: string, c: string) => c.toUpperCase())}NotRun`;
      expect(alarm(name)).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: 'Invocations',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(built.stateless, fn) } }],
        Statistic: 'Sum',
        Period: 3600,
        ComparisonOperator: 'LessThanThreshold',
        Threshold: 1,
        TreatMissingData: 'breaching',
      });
    }
  });

  it('alarms on any error of the upload checker', () => {
    const fn = built.stateless.backgroundFunctions.get('upload-received')!.fn;
    expect(alarm('UploadReceivedErrors')).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(built.stateless, fn) } }],
      Statistic: 'Sum',
      Period: 300,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      TreatMissingData: 'notBreaching',
    });
  });

  it('alarms on a dead mail, whichever function counted it', () => {
    const a = alarm('MailDead');
    expect(a).toMatchObject({
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      TreatMissingData: 'notBreaching',
    });
    expect(a.Metrics).toEqual([
      expect.objectContaining({
        Expression: 'SELECT SUM(MailDead) FROM SCHEMA("Examdesk", service)',
        Period: 300,
      }),
    ]);
  });

  it('names each function as a service (POWERTOOLS_SERVICE_NAME)', () => {
    const services = (
      Object.values(template.findResources('AWS::Lambda::Function')) as { Properties: Json }[]
    ).map((fn) => (fn.Properties.Environment as { Variables: Json }).Variables.POWERTOOLS_SERVICE_NAME);
    expect(services).toContain('create-group');
    expect(services).toContain('upload-received');
    expect(services).not.toContain(undefined);
    expect(new Set(services).size).toBe(services.length);
    expect(serviceFor('http/put-booking')).toBe('put-booking');
  });

  it('has a dashboard with the API, the functions, the DLQ and the business metrics', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard')) as {
      Properties: { DashboardName: string; DashboardBody: unknown };
    }[];
    expect(dashboard!.Properties.DashboardName).toBe('ExamdeskStateless-operations');
    const body = JSON.stringify(dashboard!.Properties.DashboardBody);
    for (const title of [
      'Alarms',
      'API requests',
      'API errors',
      'API latency',
      'Function errors',
      'Function duration p99',
      'Dead-letter queue',
      'Scheduled job runs',
    ])
      expect(body).toContain(title);
    for (const name of BUSINESS_METRICS) expect(body).toContain(`MetricName=\\\\\\"${name}\\\\\\"`);
    template.hasOutput('DashboardUrl', {});
  });

  it('keeps cdk-nag AwsSolutions clean and adds no warning', () => {
    const findings = new AwsSolutionsChecks(undefined, { verbose: true })
      .validateScope(built.stateless)
      .violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
    const messages = built.app.synth().getStackArtifact(built.stateless.artifactId).messages;
    expect(messages.filter((m) => m.level !== 'info').map((m) => String(m.entry.data))).toEqual([]);
  });
});

describe('alarm emails (-c alarmEmails)', () => {
  it('reads a comma-separated list or a cdk.json list, and refuses a typo', () => {
    expect(readAlarmEmails(undefined)).toEqual([]);
    expect(readAlarmEmails('')).toEqual([]);
    expect(readAlarmEmails('a@x.example,b@y.example ,a@x.example')).toEqual(['a@x.example', 'b@y.example']);
    expect(readAlarmEmails(['a@x.example'])).toEqual(['a@x.example']);
    expect(() => readAlarmEmails('a@x.example,ops')).toThrow(/-c alarmEmails.*ops/);
  });

  it('without emails: a topic without subscribers and an info note on how to subscribe', () => {
    const built = build();
    const template = Template.fromStack(built.stateless);
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    const messages = built.app.synth().getStackArtifact(built.stateless.artifactId).messages;
    expect(messages.filter((m) => m.level !== 'info')).toEqual([]);
    expect(messages.map((m) => String(m.entry.data))).toContainEqual(
      expect.stringContaining('aws sns subscribe --topic-arn'),
    );
  }, 120_000);

  it('stops the synth on a bad address', () => {
    expect(() => build({ alarmEmails: 'ops@uni.example,oops' })).toThrow(/not an email address: oops/);
  });
});
