import * as z from 'zod';
import { safeText } from '../domain/safe-input.js';

/** The most a note may say: a line or two about skills and availability, not a profile. */
export const MAX_LOOKING_NOTE = 300;

const Note = safeText(z.string().trim().max(MAX_LOOKING_NOTE)).meta({
  description: `What the student wants classmates to know (at most ${MAX_LOOKING_NOTE} characters, one line)`,
});

/** PUT /courses/{courseId}/me/looking: opting in (with an optional note) or out. */
export const PutLookingBody = z.strictObject({
  looking: z.boolean().meta({ description: 'true to be listed as looking for a group, false to be removed' }),
  note: Note.optional(),
});
export type PutLookingBody = z.infer<typeof PutLookingBody>;

export const LookingView = z.object({
  looking: z.boolean(),
  note: z.string().nullable().meta({ description: 'The note as stored; null when none or not looking' }),
});
export type LookingView = z.infer<typeof LookingView>;

export const LookingStudent = z.object({
  email: z.string(),
  name: z.string(),
  note: z.string().nullable(),
});

/** GET /courses/{courseId}/looking: only students who opted in and are in no group appear. */
export const LookingList = z.object({
  students: z.array(LookingStudent).meta({
    description: 'Roster students who opted in and are still in no group, by name',
  }),
});
export type LookingList = z.infer<typeof LookingList>;
