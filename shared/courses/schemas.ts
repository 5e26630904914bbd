import * as z from 'zod';
import { CourseConfig, CourseId, Email } from '../domain/course-config.js';
import { safeText } from '../domain/safe-input.js';

export const CourseParams = z.object({ courseId: CourseId });

export const RosterStudent = z.strictObject({
  email: Email,
  name: safeText(z.string().trim().min(1, 'name is required').max(200)),
  studentId: safeText(z.string().trim().max(64))
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type RosterStudent = z.infer<typeof RosterStudent>;

export const MAX_ROSTER = 5000;
export const RosterBody = z.strictObject({ students: z.array(RosterStudent).max(MAX_ROSTER) });

export const DeadlineView = z.object({
  key: z.string(),
  title: z.string(),
  at: z.string().meta({ description: 'ISO 8601 instant with the course offset' }),
  local: z.string(),
  timeZone: z.string(),
});

export const CourseView = z.object({
  courseId: z.string(),
  role: z.enum(['admin', 'instructor', 'student']),
  version: z.number().int(),
  config: CourseConfig,
  deadlines: z.array(DeadlineView),
});

export const CourseListItem = z.object({
  courseId: z.string(),
  title: z.string(),
  role: z.enum(['admin', 'instructor', 'student']),
});

export const RosterEntryView = z.object({
  email: z.string(),
  name: z.string(),
  studentId: z.string().optional(),
  groupId: z.string().nullable(),
});

export const RosterResult = z.object({
  count: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  unchanged: z.number().int(),
});
