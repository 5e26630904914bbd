import * as z from 'zod';
import { CourseParams } from '../courses/schemas.js';
import { Id } from '../domain/course-config.js';
import { safeText } from '../domain/safe-input.js';
import { RegradeDecision } from './regrade-store.js';

const LongText = (required: string) =>
  safeText(z.string().trim().min(1, required).max(2000), { multiline: true });

export const RequestRegradeBody = z.strictObject({
  componentId: Id.meta({ description: 'The grading component to regrade, e.g. report' }),
  reason: LongText('a reason is required').meta({
    description: 'Why the grade should be looked at again (1..2000 characters), read by the instructors',
  }),
});
export type RequestRegradeBody = z.infer<typeof RequestRegradeBody>;

export const AnswerRegradeBody = z.strictObject({
  decision: RegradeDecision.meta({
    description:
      "'changed' once the grade was changed (PUT …/grades/members/{email} or …/grades/{componentId}: the student sees another value than when they asked); 'upheld' keeps it",
  }),
  response: LongText('a response is required').meta({
    description: 'The answer the student reads in /me and in their mail (1..2000 characters); audited',
  }),
});
export type AnswerRegradeBody = z.infer<typeof AnswerRegradeBody>;

export const RegradeParams = CourseParams.extend({
  regradeId: z.string().min(1).max(1000).meta({ description: 'A regrade request id, as listed' }),
});

const SeenView = z.object({
  value: z.number().nullable().meta({ description: "The component's value as the student saw it" }),
  final: z.number().nullable(),
});

export const RegradeView = z.object({
  regradeId: z.string(),
  email: z.string(),
  name: z.string(),
  componentId: z.string(),
  componentTitle: z.string(),
  round: z.number().meta({ description: '1, 2, …: a new request may follow an answered one' }),
  reason: z.string(),
  requestedAt: z.string(),
  seen: SeenView.meta({ description: 'What the student saw when they asked' }),
  status: z.enum(['open', 'upheld', 'changed']),
  answer: z
    .object({
      decision: RegradeDecision,
      response: z.string(),
      by: z.string(),
      at: z.string(),
      now: SeenView.meta({ description: 'What the student sees since the answer' }),
    })
    .nullable(),
});
export type RegradeView = z.infer<typeof RegradeView>;

export const RegradeRequestedView = RegradeView.extend({
  windowEnd: z.string().meta({ description: 'Requests close at this instant (course time)' }),
});
