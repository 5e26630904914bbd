import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

/**
 * Structured JSON logs, one line each, as CloudWatch Logs Insights reads them: Powertools for AWS
 * Lambda's Logger. Every line carries `level`, `message`, `timestamp`, `service`, and during an
 * invocation (see `beginInvocation`) `function_request_id`, `function_name`, `cold_start` and
 * `correlation_id` (the API Gateway request id, or the EventBridge event id).
 *
 * The level is POWERTOOLS_LOG_LEVEL, else LOG_LEVEL (either case; default INFO); `silent` prints
 * nothing (tests) and silences the metrics too (metrics.ts). On AWS, a Lambda log level set by the
 * function's advanced logging controls (AWS_LAMBDA_LOG_LEVEL) wins.
 */
type Fields = Record<string, unknown>;

/** The function's service: POWERTOOLS_SERVICE_NAME (set per function by infra/observability.ts). */
export const serviceName = (): string =>
  process.env.POWERTOOLS_SERVICE_NAME || process.env.AWS_LAMBDA_FUNCTION_NAME || 'examdesk';

/** The configured level, upper case ('' when unset). */
export const configuredLogLevel = (): string =>
  (process.env.POWERTOOLS_LOG_LEVEL || process.env.LOG_LEVEL || '').toUpperCase();

let instance: Logger | undefined;
/**
 * Made on first use, not at import: entry points (demo, bench) set LOG_LEVEL in their module body,
 * which runs after the imports.
 */
export const logger = (): Logger =>
  (instance ??= new Logger({
    serviceName: serviceName(),
    // An unknown level falls back to Powertools' own reading of the environment, then INFO.
    logLevel: (configuredLogLevel() || 'INFO') as 'INFO',
  }));

const endHooks: (() => void)[] = [];

/**
 * Runs at the end of every invocation, after the handler (metrics.ts publishes its metrics here).
 * Registered by the module that needs it, so a bundle carries only what its code path imports.
 */
export const onInvocationEnd = (hook: () => void): void => {
  endHooks.push(hook);
};

/**
 * Called by each wrapper (http-handler, scheduled-handler, upload-received) before the handler:
 * the Lambda context (request id, function, cold start) and the correlation id go on every line of
 * the invocation. Keys of the previous invocation are dropped. On Lambda one environment serves one
 * invocation at a time (Powertools scopes them per invocation where it does not); in the local
 * in-process mode (`npm start` without --bundles) concurrent requests may share them.
 */
export const beginInvocation = (context: Context | undefined, correlationId: string | undefined): void => {
  const l = logger();
  l.resetKeys();
  if (context) l.addContext(context);
  if (correlationId) l.setCorrelationId(correlationId);
};

/** Called by each wrapper after the handler, including when it throws: flushes what was buffered. */
export const endInvocation = (): void => {
  for (const hook of endHooks) {
    try {
      hook();
    } catch (error) {
      logger().warn('end of invocation hook failed', { error });
    }
  }
};

/** The `id` of an EventBridge event (S3 "Object Created", "Scheduled Event"), its correlation id. */
export const eventId = (event: unknown): string | undefined => {
  const id = typeof event === 'object' && event !== null ? (event as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
};

export const log = {
  debug: (m: string, f?: Fields) => logger().debug(m, f ?? {}),
  info: (m: string, f?: Fields) => logger().info(m, f ?? {}),
  warn: (m: string, f?: Fields) => logger().warn(m, f ?? {}),
  error: (m: string, f?: Fields) => logger().error(m, f ?? {}),
};
