import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { BackgroundFunction } from '../functions/background.js';
import { BUSINESS_METRICS, METRICS_NAMESPACE, type BusinessMetric } from '../shared/runtime/metrics.js';
import { constructIdFor, type AppFunction } from './lambda.js';

/** `-c alarmEmails=a@x.example,b@y.example`: who the alarm topic mails. */
export const ALARM_EMAILS_CONTEXT = 'alarmEmails';
const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

/** The context value (a comma-separated string, or a list in cdk.json) as addresses; refuses a typo. */
export const readAlarmEmails = (value: unknown): string[] => {
  if (value === undefined || value === null) return [];
  const list = (Array.isArray(value) ? value : String(value).split(','))
    .map((v) => String(v).trim())
    .filter(Boolean);
  const bad = list.filter((e) => !EMAIL.test(e));
  if (bad.length > 0)
    throw new Error(
      `-c ${ALARM_EMAILS_CONTEXT}: not an email address: ${bad.join(', ')}. ` +
        `Give a comma-separated list, e.g. -c ${ALARM_EMAILS_CONTEXT}=ops@uni.example,lead@uni.example`,
    );
  return [...new Set(list)];
};

export interface ObservedFunction {
  /** Its POWERTOOLS_SERVICE_NAME: the `service` of its log lines and the dimension of its metrics. */
  service: string;
  fn: lambda.Function;
  /**
   * route: behind the API (its failures are the API's 5xx). schedule: alarmed when it has not run
   * for an hour. event: any error alarms (nobody waits for an answer; the upload checker).
   * trigger: a Cognito trigger, on the dashboard only: it says no by failing (a refused sign-up is
   * an error to Lambda), so its errors are not a fault.
   */
  kind: 'route' | 'schedule' | 'event' | 'trigger';
}

/** 'http/create-group' -> 'create-group'. */
export const serviceFor = (handler: string): string => handler.slice(handler.lastIndexOf('/') + 1);

/** The stack's functions as the Observability construct wants them. */
export const observedFunctions = (
  routeFunctions: ReadonlyMap<string, AppFunction>,
  backgroundFunctions: ReadonlyMap<string, AppFunction>,
  definitions: readonly BackgroundFunction[],
): ObservedFunction[] => [
  ...[...routeFunctions].map(([handler, made]) => ({
    service: serviceFor(handler),
    fn: made.fn,
    kind: 'route' as const,
  })),
  ...definitions.flatMap((job) => {
    const made = backgroundFunctions.get(job.id);
    if (!made) return [];
    return [
      { service: job.id, fn: made.fn, kind: job.trigger.kind === 'schedule' ? 'schedule' : 'event' } as const,
    ];
  }),
];

export interface ObservabilityProps {
  functions: readonly ObservedFunction[];
  api: apigw.HttpApi;
  /** Dead-letter queue of the background functions and their EventBridge targets. */
  dlq?: sqs.IQueue;
  /** Mailed by the alarm topic (each confirms the subscription SNS mails them first). */
  alarmEmails: readonly string[];
  /** The 5xx-rate alarm needs at least this many requests in its 5 minutes (default 20). */
  minRequestsFor5xxRate?: number;
  /** Percent of 5xx answers over 5 minutes that alarms (default 1). */
  max5xxPercent?: number;
}

const FIVE_MINUTES = Duration.minutes(5);
const HOUR = Duration.hours(1);

/**
 * Alarms to an SNS topic and a CloudWatch dashboard for the stack: the background DLQ not empty,
 * the API's 5xx rate, a scheduled job that has not run for an hour, errors of event functions (the
 * upload checker), dead mails (the custom metric Examdesk/MailDead). Each function gets its
 * POWERTOOLS_SERVICE_NAME, so its logs and business metrics (shared/runtime) name it.
 */
export class Observability extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const stack = Stack.of(this);
    for (const { fn, service } of props.functions) fn.addEnvironment('POWERTOOLS_SERVICE_NAME', service);

    // ------------------------------------------------------------ Topic
    // CloudWatch cannot publish to a topic encrypted with the AWS managed key (alias/aws/sns): its
    // key policy cannot let cloudwatch.amazonaws.com use it. Hence a key of our own, which only this
    // topic uses. CloudWatch calls KMS itself when it publishes; no condition is added to the grant
    // (AWS documents none for alarms, and a denied call drops the notification without a sound).
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: `Encrypts the alarm topic of ${stack.stackName}`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(7),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Examdesk alarms',
      masterKey: key,
      enforceSSL: true,
    });
    for (const email of props.alarmEmails)
      this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    if (props.alarmEmails.length === 0)
      // Info, not a warning: a stack without subscribers deploys and works; the alarms are on the
      // dashboard and the topic can be subscribed to later (infra/README.md, Observability).
      Annotations.of(this.topic).addInfo(
        `No -c ${ALARM_EMAILS_CONTEXT}: the alarm topic has no subscriber, so alarms notify nobody. ` +
          `Deploy with -c ${ALARM_EMAILS_CONTEXT}=ops@your-domain.example (comma-separated), ` +
          'or subscribe with: aws sns subscribe --topic-arn <AlarmTopicArn output> --protocol email --notification-endpoint ops@your-domain.example',
      );
    const notify = new actions.SnsAction(this.topic);
    const alarm = (alarmId: string, alarmProps: cloudwatch.AlarmProps) => {
      const made = new cloudwatch.Alarm(this, alarmId, {
        alarmName: `${stack.stackName}-${alarmId}`,
        ...alarmProps,
      });
      made.addAlarmAction(notify);
      made.addOkAction(notify);
      this.alarms.push(made);
      return made;
    };

    // ------------------------------------------------------------ Alarms
    if (props.dlq)
      alarm('BackgroundDlqNotEmpty', {
        alarmDescription:
          'Background events (uploads, schedules) failed after their retries and wait in the dead-letter queue. ' +
          'Read them (aws sqs receive-message), find the error in the function logs by the event id (correlation_id), fix, and replay or delete them.',
        metric: props.dlq.metricApproximateNumberOfMessagesVisible({
          period: FIVE_MINUTES,
          statistic: 'Maximum',
        }),
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        threshold: 0,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });

    const minRequests = props.minRequestsFor5xxRate ?? 20;
    const maxPercent = props.max5xxPercent ?? 1;
    alarm('Api5xxRate', {
      alarmDescription:
        `More than ${maxPercent}% of API requests answered 5xx over 5 minutes (with at least ${minRequests} requests). ` +
        'Each 500 names a request id: find it in the function logs (function_request_id) or the access log.',
      metric: new cloudwatch.MathExpression({
        expression: `IF(requests >= ${minRequests}, 100 * errors / requests, 0)`,
        usingMetrics: {
          errors: props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
          requests: props.api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }),
        },
        period: FIVE_MINUTES,
        label: '5xx %',
      }),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      threshold: maxPercent,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    for (const { fn, service, kind } of props.functions) {
      const Name = constructIdFor(service);
      if (kind === 'schedule')
        alarm(`${Name}NotRun`, {
          alarmDescription: `The scheduled job ${service} has not run for an hour (its EventBridge rule is disabled, or the function cannot be invoked). Reminders and deadline enforcement wait for it.`,
          metric: fn.metricInvocations({ period: HOUR, statistic: 'Sum' }),
          comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
          threshold: 1,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.BREACHING,
        });
      if (kind === 'event')
        alarm(`${Name}Errors`, {
          alarmDescription: `${service} failed (EventBridge retries it twice, then leaves the event in the dead-letter queue). Find the error in its logs.`,
          metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          threshold: 0,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        });
    }

    // MailDead is counted by whichever function sends mail, under its own `service`: a Metrics
    // Insights query sums it over every service, so the alarm needs no list of them.
    alarm('MailDead', {
      alarmDescription:
        'A mail was given up after its retries (Examdesk/MailDead). Its recipients were not notified: find it in the mail sender logs.',
      metric: new cloudwatch.MathExpression({
        expression: `SELECT SUM(MailDead) FROM SCHEMA("${METRICS_NAMESPACE}", service)`,
        usingMetrics: {},
        period: FIVE_MINUTES,
        label: 'dead mails',
      }),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      threshold: 0,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    // ------------------------------------------------------------ Dashboard
    const labelled = (metric: cloudwatch.Metric, label: string) => metric.with({ label });
    const perFunction = (
      metricOf: (fn: lambda.Function) => cloudwatch.Metric,
      functions: readonly ObservedFunction[] = props.functions,
    ) => functions.map(({ fn, service }) => labelled(metricOf(fn), service));
    // Business metrics summed over every service (a function's counts carry its own `service`).
    const business = (names: readonly BusinessMetric[]) =>
      names.map(
        (name) =>
          new cloudwatch.MathExpression({
            expression: `SUM(SEARCH('Namespace="${METRICS_NAMESPACE}" MetricName="${name}"', 'Sum', 3600))`,
            usingMetrics: {},
            period: HOUR,
            label: name,
          }),
      );
    const graph = (
      title: string,
      left: cloudwatch.IMetric[],
      extra: Partial<cloudwatch.GraphWidgetProps> = {},
    ) => new cloudwatch.GraphWidget({ title, left, width: 8, height: 6, ...extra });
    const mailMetrics: readonly BusinessMetric[] = ['MailSent', 'MailRetried', 'MailDead'];
    const jobs = props.functions.filter((f) => f.kind === 'schedule');

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${stack.stackName}-operations`,
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 3 }),
    );
    this.dashboard.addWidgets(
      graph('API requests', [labelled(props.api.metricCount({ statistic: 'Sum' }), 'requests')]),
      graph('API errors', [
        labelled(props.api.metricServerError({ statistic: 'Sum' }), '5xx'),
        labelled(props.api.metricClientError({ statistic: 'Sum' }), '4xx'),
      ]),
      graph('API latency (ms)', [
        labelled(props.api.metricLatency({ statistic: 'p50' }), 'p50'),
        labelled(props.api.metricLatency({ statistic: 'p99' }), 'p99'),
        labelled(props.api.metricIntegrationLatency({ statistic: 'p99' }), 'integration p99'),
      ]),
    );
    this.dashboard.addWidgets(
      graph(
        'Function errors',
        perFunction((fn) => fn.metricErrors({ statistic: 'Sum' })),
        { width: 12 },
      ),
      graph(
        'Function duration p99 (ms)',
        perFunction((fn) => fn.metricDuration({ statistic: 'p99' })),
        {
          width: 12,
        },
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Dead-letter queue (messages)',
        props.dlq
          ? [
              labelled(
                props.dlq.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum' }),
                'visible',
              ),
            ]
          : [],
      ),
      graph(
        'Scheduled job runs (per hour)',
        perFunction((fn) => fn.metricInvocations({ statistic: 'Sum', period: HOUR }), jobs),
      ),
      graph('Mails (per hour)', business(mailMetrics)),
    );
    this.dashboard.addWidgets(
      graph('Course events (per hour)', business(BUSINESS_METRICS.filter((m) => !mailMetrics.includes(m))), {
        width: 24,
      }),
    );

    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.topic.topicArn,
      description: 'SNS topic of the alarms (aws sns subscribe --protocol email ...)',
    }).overrideLogicalId('AlarmTopicArn');
    new CfnOutput(this, 'DashboardUrl', {
      value: `https://console.aws.amazon.com/cloudwatch/home?region=${stack.region}#dashboards:name=${this.dashboard.dashboardName}`,
      description: 'CloudWatch dashboard of the API, the functions and the business metrics',
    }).overrideLogicalId('DashboardUrl');
  }
}
