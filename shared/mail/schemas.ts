import * as z from 'zod';
import { CourseId } from '../domain/course-config.js';
import { safeText } from '../domain/safe-input.js';

export const MailListQuery = z.strictObject({
  status: z
    .enum(['dead', 'retry', 'pending', 'sending', 'sent'])
    .default('dead')
    .meta({ description: 'Which mails (default dead: given up after their retries)' }),
});
export type MailListQuery = z.infer<typeof MailListQuery>;

export const MailParams = z.object({
  courseId: CourseId,
  mailId: z
    .string()
    .min(1)
    .max(800)
    .regex(/^[A-Za-z0-9_-]+$/, 'not a mail id from this API')
    .meta({ description: 'The mailId of a listed mail' }),
});

export const ResendBody = z.strictObject({
  reason: safeText(z.string().trim().min(1).max(1000), { multiline: true })
    .optional()
    .meta({ description: 'Why it is sent again (recorded in the audit log)' }),
});
export type ResendBody = z.infer<typeof ResendBody>;

export const MailView = z.object({
  mailId: z.string(),
  template: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'retry', 'dead']),
  to: z.array(z.string()),
  subject: z.string(),
  attempts: z.number().int(),
  createdAt: z.string(),
  error: z.string().optional().meta({ description: 'The last error SES (or the sender) answered' }),
  retryAt: z.string().optional(),
  deadAt: z.string().optional(),
  sentAt: z.string().optional(),
});
export type MailView = z.infer<typeof MailView>;
