import { runJob } from '../../shared/notices/run-job.js';
import { scheduledHandler } from '../../shared/notices/scheduled-handler.js';

export const handler = scheduledHandler('reminders', (d) => runJob(d, 'reminders'));
