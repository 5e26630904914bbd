import { backgroundFunctions, type BackgroundFunction } from '../functions/background.js';
import type { Clock } from '../shared/runtime/clock.js';
import { invoke } from './lambda-invoker.js';

/** The EventBridge "Scheduled Event" a schedule delivers, timed by the local clock. */
export const scheduledEvent = (job: BackgroundFunction, now: Date) => ({
  version: '0',
  id: `local-${now.getTime().toString(36)}`,
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '000000000000',
  time: now.toISOString(),
  region: 'local',
  resources: [`arn:aws:events:local:000000000000:rule/${job.id}`],
  detail: {},
});

export const scheduledJobs = () => backgroundFunctions.filter((f) => f.trigger.kind === 'schedule');

export interface Scheduler {
  run(jobId: string): Promise<unknown>;
  stop(): void;
}

/** Fires each scheduled function on its period; `run` fires one now, as POST /_local/run/{job} does. */
export const startScheduler = (clock: Clock, options: { enabled: boolean }): Scheduler => {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<string>();
  const run = async (jobId: string) => {
    const job = scheduledJobs().find((j) => j.id === jobId);
    if (!job) throw new RangeError(`No scheduled job "${jobId}"`);
    return invoke(job.handler, scheduledEvent(job, clock.now()));
  };
  if (options.enabled)
    for (const job of scheduledJobs()) {
      if (job.trigger.kind !== 'schedule') continue;
      const timer = setInterval(() => {
        // Like a schedule whose previous run is still going: skip rather than pile up.
        if (running.has(job.id)) return;
        running.add(job.id);
        run(job.id)
          .catch((error: unknown) =>
            console.error(
              JSON.stringify({
                level: 'error',
                message: 'scheduled job failed',
                job: job.id,
                error: String(error),
              }),
            ),
          )
          .finally(() => running.delete(job.id));
      }, job.trigger.everyMs);
      timer.unref();
      timers.push(timer);
    }
  return { run, stop: () => timers.forEach(clearInterval) };
};
