import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys, prefixes } from '../store/keys.js';
import type { Db, Item } from '../store/table-ops.js';
import type { OwnerKind } from './owner.js';

/** A presigned upload handed out (keys.upload). Once its file arrives it also points at the submission. */
export interface UploadRecord {
  courseId: string;
  uploadId: string;
  submissionId: string;
  deliverableId: string;
  ownerKind: OwnerKind;
  ownerId: string;
  /** Owners when the upload was asked for (the group's members, or the student). */
  members: string[];
  fileName: string;
  contentType: string;
  size: number;
  /** member email -> statement; removed from this item once copied onto the submission. */
  contributions?: Record<string, string>;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  objectKey: string;
  status: 'pending' | 'received';
  receivedAt?: string;
  submissionSk?: string;
  submissionStatus?: 'accepted' | 'rejected';
  sha256?: string;
  bytes?: number;
  versionId?: string;
  eTag?: string;
  /** The receipt mail: claimed ('sending', with the claim time) then 'sent'. */
  receipt?: 'sending' | 'sent';
  receiptClaimedAt?: string;
}

/** One received version of a deliverable (keys.submission); never overwritten, never deleted. */
export interface SubmissionRecord {
  courseId: string;
  submissionId: string;
  uploadId: string;
  deliverableId: string;
  ownerKind: OwnerKind;
  ownerId: string;
  members: string[];
  fileName: string;
  contentType: string;
  detectedType: string;
  bytes: number;
  sha256: string;
  pages?: number;
  status: 'accepted' | 'rejected';
  code?: string;
  reason?: string;
  late: boolean;
  /** When S3 received the object (the event's time), ISO UTC. */
  receivedAt: string;
  /** The closing instant it was judged against (due + extension + grace), ISO UTC. */
  closesAt: string;
  extensionUntil?: string;
  uploadedBy: string;
  objectKey: string;
  versionId?: string;
  eTag?: string;
  contributions?: Record<string, string>;
}

/** An instructor's extension for one owner and one deliverable (keys.extension). */
export interface ExtensionRecord {
  courseId: string;
  deliverableId: string;
  ownerId: string;
  ownerKind: OwnerKind;
  until: string;
  reason: string;
  grantedBy: string;
  grantedAt: string;
}

const pick = <T>(item: Item, fields: readonly (keyof T & string)[]): T =>
  Object.fromEntries(fields.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as T;

const UPLOAD_FIELDS = [
  'courseId',
  'uploadId',
  'submissionId',
  'deliverableId',
  'ownerKind',
  'ownerId',
  'members',
  'fileName',
  'contentType',
  'size',
  'contributions',
  'requestedBy',
  'requestedAt',
  'expiresAt',
  'objectKey',
  'status',
  'receivedAt',
  'submissionSk',
  'submissionStatus',
  'sha256',
  'bytes',
  'versionId',
  'eTag',
  'receipt',
  'receiptClaimedAt',
] as const satisfies readonly (keyof UploadRecord)[];

const SUBMISSION_FIELDS = [
  'courseId',
  'submissionId',
  'uploadId',
  'deliverableId',
  'ownerKind',
  'ownerId',
  'members',
  'fileName',
  'contentType',
  'detectedType',
  'bytes',
  'sha256',
  'pages',
  'status',
  'code',
  'reason',
  'late',
  'receivedAt',
  'closesAt',
  'extensionUntil',
  'uploadedBy',
  'objectKey',
  'versionId',
  'eTag',
  'contributions',
] as const satisfies readonly (keyof SubmissionRecord)[];

const EXTENSION_FIELDS = [
  'courseId',
  'deliverableId',
  'ownerId',
  'ownerKind',
  'until',
  'reason',
  'grantedBy',
  'grantedAt',
] as const satisfies readonly (keyof ExtensionRecord)[];

export const UPLOAD_TYPE = 'upload';
export const SUBMISSION_TYPE = 'submission';
export const EXTENSION_TYPE = 'extension';

export const toUpload = (item: Item | undefined): UploadRecord | undefined =>
  item?.type === UPLOAD_TYPE ? pick<UploadRecord>(item, UPLOAD_FIELDS) : undefined;
export const toSubmission = (item: Item | undefined): SubmissionRecord | undefined =>
  item?.type === SUBMISSION_TYPE ? pick<SubmissionRecord>(item, SUBMISSION_FIELDS) : undefined;
export const toExtension = (item: Item | undefined): ExtensionRecord | undefined =>
  item?.type === EXTENSION_TYPE ? pick<ExtensionRecord>(item, EXTENSION_FIELDS) : undefined;

export const uploadItem = (u: UploadRecord) => ({
  ...keys.upload(u.courseId, u.uploadId),
  type: UPLOAD_TYPE,
  ...u,
});

export const submissionKey = (
  s: Pick<SubmissionRecord, 'courseId' | 'ownerId' | 'deliverableId' | 'receivedAt' | 'submissionId'>,
) => keys.submission(s.courseId, s.ownerId, s.deliverableId, s.receivedAt, s.submissionId);

export const submissionItem = (s: SubmissionRecord) => ({ ...submissionKey(s), type: SUBMISSION_TYPE, ...s });

export const extensionItem = (e: ExtensionRecord) => ({
  ...keys.extension(e.courseId, e.deliverableId, e.ownerId),
  type: EXTENSION_TYPE,
  ...e,
});

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

/** Marks the receipt sent; a lost race (already 'sent') is fine. */
export const markReceiptSent = async (d: Db, courseId: string, uploadId: string): Promise<void> => {
  await d.db.send(
    new UpdateCommand({
      TableName: d.tableName,
      Key: keys.upload(courseId, uploadId),
      UpdateExpression: 'SET receipt = :sent',
      ExpressionAttributeValues: { ':sent': 'sent' },
    }),
  );
};
