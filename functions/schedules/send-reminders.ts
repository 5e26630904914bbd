import { deps } from '../../shared/runtime/deps.js';
import { runJob } from '../../shared/notices/run-job.js';
import { scheduledHandler } from '../../shared/notices/scheduled-handler.js';

export const handler = scheduledHandler('reminders', () => runJob(deps(), 'reminders'));
