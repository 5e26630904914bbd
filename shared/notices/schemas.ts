import * as z from 'zod';

export const EntryOutcomeView = z.object({
  key: z.string(),
  deadlineKey: z.string(),
  sent: z.number().int(),
  already: z.number().int(),
  busy: z.number().int(),
  failed: z.number().int(),
  failedRecipients: z.array(z.string()).optional(),
  actions: z.array(z.string()),
  done: z.boolean(),
  error: z.string().optional(),
});

export const JobRunView = z.object({
  courseId: z.string(),
  job: z.enum(['reminders', 'enforcement']),
  runId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  entries: z.array(EntryOutcomeView),
});
