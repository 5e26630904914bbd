import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { configuredLogLevel, onInvocationEnd, serviceName } from './log.js';

/**
 * Business metrics as CloudWatch Embedded Metric Format: a JSON line in the function's log that
 * CloudWatch turns into metrics (no API call, no extra permission). Namespace `Examdesk`, dimension
 * `service` (the function's POWERTOOLS_SERVICE_NAME). Counts are buffered and written once at the
 * end of the invocation by the wrappers (`endInvocation` in log.ts); elsewhere (local scripts) they
 * are written every 100 values. Locally they are just log lines.
 *
 * Off when POWERTOOLS_METRICS_DISABLED is true, or when it is unset and the log level is `silent`
 * (tests) or POWERTOOLS_DEV is set.
 */
export const METRICS_NAMESPACE = 'Examdesk';

export const BUSINESS_METRICS = [
  'GroupFormed',
  'UploadAccepted',
  'UploadRefused',
  'UploadLate',
  'BookingMade',
  'BookingCancelled',
  'GradesPublished',
  'MailSent',
  'MailRetried',
  'MailDead',
  'JobRun',
] as const;
export type BusinessMetric = (typeof BUSINESS_METRICS)[number];

const silenced = (): boolean =>
  process.env.POWERTOOLS_METRICS_DISABLED === undefined && configuredLogLevel() === 'SILENT';

let instance: Metrics | undefined;
const metrics = (): Metrics =>
  (instance ??= new Metrics({ namespace: METRICS_NAMESPACE, serviceName: serviceName() }));

onInvocationEnd(() => {
  if (instance?.hasStoredMetrics()) instance.publishStoredMetrics();
});

/**
 * Counts a business event. Extra `dimensions` make a metric of their own (written at once): keep
 * their values few (each combination is a billed custom metric), never ids or emails.
 */
export const count = (name: BusinessMetric, value = 1, dimensions?: Record<string, string>): void => {
  if (silenced()) return;
  if (dimensions && Object.keys(dimensions).length > 0)
    metrics().singleMetric().addDimensions(dimensions).addMetric(name, MetricUnit.Count, value);
  else metrics().addMetric(name, MetricUnit.Count, value);
};
