import { randomUUID } from 'node:crypto';
import { log } from '../shared/runtime/log.js';
import type { Clock } from '../shared/runtime/clock.js';
import type { FunctionRunner } from './runtime/runners.js';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION, type LocalApp, type LocalRuleSpec } from './template/local-app.js';

/** Local period of every schedule rule: a developer should not wait 15 minutes to see a reminder. */
const LOCAL_SCHEDULE_MS = 60_000;
/** Delays before the retries of a failed asynchronous invocation (Lambda waits ~1 then ~2 minutes). */
const RETRY_DELAYS_MS = [1_000, 2_000];

/** The EventBridge "Scheduled Event" a schedule rule delivers (a target's Input replaces it). */
export const scheduledEvent = (rule: LocalRuleSpec, now: Date) => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: LOCAL_ACCOUNT_ID,
  // EventBridge stamps the scheduled instant to the second.
  time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  region: LOCAL_REGION,
  resources: [`arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:rule/${rule.logicalId}`],
  detail: {},
});

/** The job id of a schedule rule: its description starts with it ("send-reminders: ..."). */
const jobIdOf = (rule: LocalRuleSpec) => rule.description?.split(':')[0];

export interface Rules {
  /** Runs a schedule rule's targets now, as POST /_local/run/{job} does; the result of the last one. */
  run(jobId: string): Promise<unknown>;
  /** An asynchronous invocation, retried as Lambda retries a failed one, then given up (logged). */
  deliver(functionId: string, event: unknown): Promise<void>;
  stop(): void;
}

/** The app's EventBridge rules: schedules fired on the local clock, events delivered to targets. */
export const startRules = (
  app: LocalApp,
  runner: FunctionRunner,
  clock: Clock,
  options: { schedules: boolean },
): Rules => {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<string>();
  const schedules = app.rules.filter((r) => r.schedule);

  const deliver = async (functionId: string, event: unknown) => {
    const spec = app.functions.get(functionId);
    const attempts = 1 + (spec?.retryAttempts ?? 2);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const outcome = await runner.invoke(functionId, event);
      if (outcome.ok) return;
      log.error('asynchronous invocation failed', {
        function: spec?.constructId ?? functionId,
        attempt,
        error: outcome.error,
      });
      const delay = RETRY_DELAYS_MS[attempt - 1];
      if (attempt < attempts && delay !== undefined) await new Promise((r) => setTimeout(r, delay));
    }
    log.error('asynchronous invocation dropped after its retries (on AWS: the dead-letter queue)', {
      function: spec?.constructId ?? functionId,
    });
  };

  const run = async (jobId: string) => {
    const rule = schedules.find((r) => jobIdOf(r) === jobId);
    if (!rule) throw new RangeError(`No scheduled job "${jobId}"`);
    let result: unknown;
    for (const target of rule.targets) {
      const outcome = await runner.invoke(
        target.functionId,
        target.input ?? scheduledEvent(rule, clock.now()),
      );
      if (!outcome.ok)
        throw new Error(`${jobId} failed: ${outcome.error.errorType}: ${outcome.error.errorMessage}`);
      result = outcome.result;
    }
    return result;
  };

  if (options.schedules)
    for (const rule of schedules) {
      const jobId = jobIdOf(rule) ?? rule.logicalId;
      const timer = setInterval(() => {
        // Like a schedule whose previous run is still going: skip rather than pile up.
        if (running.has(jobId)) return;
        running.add(jobId);
        run(jobId)
          .catch((error: unknown) => log.error('scheduled job failed', { job: jobId, error }))
          .finally(() => running.delete(jobId));
      }, LOCAL_SCHEDULE_MS);
      timer.unref();
      timers.push(timer);
    }
  return { run, deliver, stop: () => timers.forEach(clearInterval) };
};
