import * as z from 'zod';
import { CourseId, Id } from '../domain/course-config.js';
import { ARCHIVE_STATUSES, ARCHIVE_VERSIONS } from './archive-store.js';
import { LMS_FORMATS } from './lms-gradebook.js';

export const GradebookQuery = z.object({
  format: z
    .enum(LMS_FORMATS, { error: 'expected moodle or canvas' })
    .meta({ description: 'The LMS whose grade import reads the file: moodle or canvas' }),
});

export const ArchiveId = z
  .string()
  .regex(/^a_[A-Za-z0-9_-]{20}$/, 'not an archive id')
  .meta({ description: 'Opaque archive id (from POST …/archive)' });

export const ArchiveRequestParams = z.object({ courseId: CourseId, deliverableId: Id });
export const ArchiveParams = z.object({ courseId: CourseId, deliverableId: Id, archiveId: ArchiveId });

export const ArchiveBody = z.strictObject({
  versions: z.enum(ARCHIVE_VERSIONS, { error: 'expected latest or all' }).default('latest').meta({
    description:
      'latest (default): per group or student, the accepted file that counts; all: every accepted version',
  }),
});

export const ArchiveView = z.object({
  archiveId: z.string(),
  deliverableId: z.string(),
  versions: z.enum(ARCHIVE_VERSIONS),
  status: z.enum(ARCHIVE_STATUSES).meta({
    description: 'pending (queued), building, ready (url is set) or failed (error says why)',
  }),
  requestedBy: z.string(),
  requestedAt: z.string(),
  finishedAt: z.string().nullable(),
  files: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Files in the ZIP, once ready (manifest.csv not counted)' }),
  bytes: z.number().int().nullable().meta({ description: 'Size of the ZIP, once ready' }),
  error: z.string().nullable(),
  url: z.string().nullable().meta({ description: 'Short-lived link to the ZIP, once ready' }),
  urlExpiresAt: z.string().nullable(),
  fileName: z.string(),
});
export type ArchiveView = z.infer<typeof ArchiveView>;
