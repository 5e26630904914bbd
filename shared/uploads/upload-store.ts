import * as z from 'zod';
import { defineEntity } from '../store/entity.js';
import { keys, prefixes } from '../store/keys.js';
import type { Item } from '../store/table-ops.js';
import type { OwnerKind } from './owner.js';

const OwnerKindSchema = z.enum(['group', 'student']) satisfies z.ZodType<OwnerKind>;
const Contributions = z.record(z.string(), z.string());

/** A presigned upload handed out (keys.upload). Once its file arrives it also points at the submission. */
export const uploadEntity = defineEntity({
  type: 'upload',
  schema: z.object({
    courseId: z.string(),
    uploadId: z.string(),
    submissionId: z.string(),
    deliverableId: z.string(),
    ownerKind: OwnerKindSchema,
    ownerId: z.string(),
    /** Owners when the upload was asked for (the group's members, or the student). */
    members: z.array(z.string()),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number(),
    /** member email -> statement; removed from this item once copied onto the submission. */
    contributions: Contributions.optional(),
    requestedBy: z.string(),
    requestedAt: z.string(),
    expiresAt: z.string(),
    objectKey: z.string(),
    status: z.enum(['pending', 'received']),
    receivedAt: z.string().optional(),
    submissionSk: z.string().optional(),
    submissionStatus: z.enum(['accepted', 'rejected']).optional(),
    sha256: z.string().optional(),
    bytes: z.number().optional(),
    versionId: z.string().optional(),
    eTag: z.string().optional(),
    /**
     * Written by releases before the mail outbox (the receipt claimed, then sent); read and kept,
     * never written now: the receipts are outbox items recorded with the submission.
     */
    receipt: z.enum(['sending', 'sent']).optional(),
    receiptClaimedAt: z.string().optional(),
  }),
  key: (u) => keys.upload(u.courseId, u.uploadId),
});
export type UploadRecord = z.output<typeof uploadEntity.schema>;

export const submissionKey = (s: {
  courseId: string;
  ownerId: string;
  deliverableId: string;
  receivedAt: string;
  submissionId: string;
}) => keys.submission(s.courseId, s.ownerId, s.deliverableId, s.receivedAt, s.submissionId);

/** One received version of a deliverable (keys.submission); never overwritten, never deleted. */
export const submissionEntity = defineEntity({
  type: 'submission',
  schema: z.object({
    courseId: z.string(),
    submissionId: z.string(),
    uploadId: z.string(),
    deliverableId: z.string(),
    ownerKind: OwnerKindSchema,
    ownerId: z.string(),
    members: z.array(z.string()),
    fileName: z.string(),
    contentType: z.string(),
    detectedType: z.string(),
    bytes: z.number(),
    sha256: z.string(),
    pages: z.number().optional(),
    status: z.enum(['accepted', 'rejected']),
    code: z.string().optional(),
    reason: z.string().optional(),
    late: z.boolean(),
    /** When S3 received the object (the event's time), ISO UTC. */
    receivedAt: z.string(),
    /** The closing instant it was judged against (due + extension + grace), ISO UTC. */
    closesAt: z.string(),
    extensionUntil: z.string().optional(),
    uploadedBy: z.string(),
    objectKey: z.string(),
    versionId: z.string().optional(),
    eTag: z.string().optional(),
    contributions: Contributions.optional(),
  }),
  key: (s) => submissionKey(s),
});
export type SubmissionRecord = z.output<typeof submissionEntity.schema>;

/** An instructor's extension for one owner and one deliverable (keys.extension). */
export const extensionEntity = defineEntity({
  type: 'extension',
  schema: z.object({
    courseId: z.string(),
    deliverableId: z.string(),
    ownerId: z.string(),
    ownerKind: OwnerKindSchema,
    until: z.string(),
    reason: z.string(),
    grantedBy: z.string(),
    grantedAt: z.string(),
  }),
  key: (e) => keys.extension(e.courseId, e.deliverableId, e.ownerId),
});
export type ExtensionRecord = z.output<typeof extensionEntity.schema>;

export const UPLOAD_TYPE = uploadEntity.type;
export const SUBMISSION_TYPE = submissionEntity.type;
export const EXTENSION_TYPE = extensionEntity.type;

export const toUpload = (item: Item | undefined): UploadRecord | undefined => uploadEntity.parse(item);
export const toSubmission = (item: Item | undefined): SubmissionRecord | undefined =>
  submissionEntity.parse(item);
export const toExtension = (item: Item | undefined): ExtensionRecord | undefined =>
  extensionEntity.parse(item);

export const uploadItem = (u: UploadRecord) => uploadEntity.toItem(u);
export const submissionItem = (s: SubmissionRecord) => submissionEntity.toItem(s);
export const extensionItem = (e: ExtensionRecord) => extensionEntity.toItem(e);

/** Sort-key prefix of one owner's submissions (all deliverables, or one). */
export const ownerSubmissionsPrefix = (ownerId: string, deliverableId?: string) =>
  `${prefixes.submission}${ownerId}#${deliverableId ? `${deliverableId}#` : ''}`;

/** Sort-key prefix of a deliverable's extensions. */
export const deliverableExtensionsPrefix = (deliverableId: string) =>
  `${prefixes.extension}${deliverableId}#`;

/**
 * One Query range that holds a course's roster entries, submissions and uploads: keys.ts sorts
 * STUDENT# < SUB# < UPLOAD# with nothing else of the course in between (checked here at load), so
 * the instructors' list of a deliverable's submissions and missing owners is one Query.
 */
export const rosterToUploadsRange = {
  from: prefixes.student,
  to: `${prefixes.upload}\uffff`,
} as const;
if (!(prefixes.student < prefixes.submission && prefixes.submission < prefixes.upload))
  throw new Error('keys.ts prefixes no longer sort STUDENT# < SUB# < UPLOAD#');
