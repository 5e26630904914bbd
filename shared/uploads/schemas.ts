import * as z from 'zod';
import { CourseId, Id } from '../domain/course-config.js';
import { StorableNumber, safeText } from '../domain/safe-input.js';

export const DeliverableParams = z.object({ courseId: CourseId, deliverableId: Id });

export const SubmissionId = z
  .string()
  .regex(/^s_[A-Za-z0-9_-]{20}$/, 'not a submission id')
  .meta({ description: 'Opaque submission id' });

export const SubmissionParams = z.object({ courseId: CourseId, submissionId: SubmissionId });

/** A group id (group deliverables) or a student's email (student deliverables). */
export const OwnerId = safeText(z.string().trim().min(1).max(254))
  .transform((s) => (s.includes('@') ? s.toLowerCase() : s))
  .meta({ description: 'Group id (group deliverables) or student email (student deliverables)' });

export const ExtensionParams = z.object({ courseId: CourseId, ownerId: OwnerId });

export const CreateUploadBody = z.strictObject({
  fileName: safeText(z.string().trim().min(1, 'a file name is required').max(200)),
  contentType: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'expected a bare content type such as application/pdf'),
  size: StorableNumber.int().min(0).meta({ description: 'Exact size of the file in bytes' }),
  /** member email -> what they did; required (every current member) when the deliverable says so. */
  contributions: z
    .record(safeText(z.string().max(254)), safeText(z.string().max(2000), { multiline: true }))
    .optional()
    .meta({ description: 'Contribution statement per current member (email -> text)' }),
  /** Optional: the owner the caller means (own group id, or own email); anything else is refused. */
  ownerId: OwnerId.optional(),
});
export type CreateUploadBody = z.infer<typeof CreateUploadBody>;

export const UploadTicket = z.object({
  uploadId: z.string(),
  submissionId: z.string().meta({ description: 'The id the submission will have once the file arrives' }),
  url: z.string().meta({ description: 'POST the form here (multipart/form-data)' }),
  fields: z
    .record(z.string(), z.string())
    .meta({ description: 'Form fields to send first, in any order, followed by the file as `file`' }),
  expiresAt: z.string().meta({ description: 'The form is refused after this instant' }),
  maxBytes: z.number().int(),
  deadline: z.string().meta({ description: 'Last on-time instant (due + extension + grace)' }),
});

/** One member's contribution statement as the views show it (deliverables that require them). */
export const MemberStatementView = z.object({
  email: z.string(),
  statement: z.string().nullable().meta({ description: 'The text that counts; null when there is none' }),
  confirmed: z.boolean().meta({
    description: 'The member wrote or confirmed it themselves (their own PUT, or the upload they made)',
  }),
  confirmedAt: z.string().nullable(),
  proposedBy: z.string().nullable().meta({
    description: 'The uploader who proposed this text, while the member has not confirmed it; else null',
  }),
});

export const ContributionParams = DeliverableParams;

export const PutContributionBody = z.strictObject({
  statement: safeText(
    z.string().trim().min(1, 'a statement is required').max(2000, 'at most 2000 characters'),
    { multiline: true },
  ).meta({ description: 'What you did for this deliverable; re-send the same text to confirm it' }),
});
export type PutContributionBody = z.infer<typeof PutContributionBody>;

export const ContributionView = z.object({
  courseId: z.string(),
  deliverableId: z.string(),
  owner: z.string().meta({ description: 'Group id (group deliverables) or own email' }),
  deadline: z.string().meta({ description: 'Statements may be changed until this instant' }),
  statement: MemberStatementView,
});

export const SubmissionView = z.object({
  submissionId: z.string(),
  deliverableId: z.string(),
  owner: z.string().meta({ description: 'Group id or student email' }),
  ownerKind: z.enum(['group', 'student']),
  status: z.enum(['pending', 'accepted', 'rejected']),
  reason: z.string().optional(),
  code: z.string().optional(),
  pages: z.number().int().optional(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  receivedAt: z.string().nullable(),
  late: z.boolean(),
  counts: z.boolean().meta({ description: 'The latest accepted version: the one that counts' }),
  fileName: z.string(),
  contentType: z.string(),
  uploadedBy: z.string(),
  deadline: z.string().nullable(),
  contributions: z
    .record(z.string(), z.string())
    .optional()
    .meta({ description: 'The statements the uploader sent with this version (email -> text)' }),
  statements: z.array(MemberStatementView).optional().meta({
    description:
      'Deliverables that require contributions: per member of this version, the statement that counts and whether the member confirmed it',
  }),
  expiresAt: z.string().optional().meta({ description: 'Pending uploads: when the form expires' }),
});

export const MissingOwner = z.object({
  owner: z.string(),
  ownerKind: z.enum(['group', 'student']),
  members: z.array(z.string()),
  /** Students of a group deliverable who are in no group: they cannot upload it. */
  inGroup: z.boolean(),
  hasRejected: z.boolean(),
  hasPending: z.boolean(),
  extensionUntil: z.string().nullable(),
});

export const SubmissionsQuery = z.object({
  include: z
    .enum(['missing'])
    .optional()
    .meta({ description: 'Instructors: `missing` answers `{ submissions, missing }` instead of the list' }),
});

export const SubmissionsWithMissing = z.object({
  submissions: z.array(SubmissionView),
  missing: z.array(MissingOwner),
});

export const DownloadView = z.object({
  url: z.string(),
  expiresAt: z.string(),
  fileName: z.string(),
  sha256: z.string(),
});

export const ExtensionBody = z.strictObject({
  deliverableId: Id,
  until: safeText(z.string().trim().min(1)).meta({
    description:
      'Course wall time YYYY-MM-DDTHH:mm (read in the course time zone) or an ISO instant with offset',
    example: '2023-05-02T23:59',
  }),
  reason: safeText(z.string().trim().min(1, 'a reason is required').max(1000), { multiline: true }),
});
export type ExtensionBody = z.infer<typeof ExtensionBody>;

export const ExtensionView = z.object({
  courseId: z.string(),
  deliverableId: z.string(),
  owner: z.string(),
  ownerKind: z.enum(['group', 'student']),
  until: z.string(),
  deadline: z.string().meta({ description: 'Last on-time instant with this extension (until + grace)' }),
  timeZone: z.string(),
  reason: z.string(),
  grantedBy: z.string(),
  grantedAt: z.string(),
});
