import { z } from 'zod';
import { CourseId, Email, Id } from '../domain/course-config.js';

export const GroupId = z.string().regex(/^g_[A-Za-z0-9_-]{10,40}$/, 'not a group id');

export const GroupParams = z.object({ courseId: CourseId, groupId: GroupId });

export const CreateGroupBody = z.strictObject({
  members: z.array(Email).min(1).max(50),
  paperId: Id,
  /** Required when an instructor creates a group after the deadline; recorded in the audit log. */
  reason: z.string().trim().min(1).max(1000).optional(),
});
export type CreateGroupBody = z.infer<typeof CreateGroupBody>;

export const GroupView = z.object({
  groupId: z.string(),
  courseId: z.string(),
  members: z.array(z.object({ email: z.string(), name: z.string().nullable() })),
  paperId: z.string(),
  paper: z.object({ id: z.string(), title: z.string(), url: z.string() }).nullable(),
  status: z.enum(['complete', 'incomplete']),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
