import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { submissionWindow, isOnTime } from '../domain/submission-rules.js';
import { checkFile, type FileVerdict } from '../files/check-file.js';
import type { Deps } from '../runtime/deps.js';
import { log } from '../runtime/log.js';
import { toCourse } from '../store/course-repo.js';
import { toGroup } from '../store/group-repo.js';
import { batchGetAll } from '../store/table-ops.js';
import { keys } from '../store/keys.js';
import { namedEach, TransactionFailed, transactNamed } from '../store/transactions.js';
import { parseObjectKey } from './owner.js';
import { receiptMails, receiptOutboxPuts } from './receipt-mail.js';
import type { CreatedObject } from './s3-event.js';
import {
  submissionItem,
  submissionKey,
  toExtension,
  toUpload,
  type SubmissionRecord,
  type UploadRecord,
} from './upload-store.js';
import '../runtime/s3-client.js';
import { count } from '../runtime/metrics.js';

/** Files up to this size are held in memory and checked in full (PDF pages, ZIP directory). */
export const MAX_INSPECT_BYTES = 256 * 1024 * 1024;
const HEAD_BYTES = 8 * 1024;
export type ReceiveOutcome =
  | { outcome: 'recorded'; submission: SubmissionRecord }
  | { outcome: 'duplicate'; uploadId: string }
  | { outcome: 'ignored'; why: string };

interface ReadFile {
  size: number;
  sha256: string;
  head: Uint8Array;
  bytes?: Uint8Array;
  eTag?: string;
  versionId?: string;
}

/** Streams the object once: SHA-256 of everything, the head for sniffing, the whole if small enough. */
const readObject = async (d: Deps, object: CreatedObject): Promise<ReadFile> => {
  const out = await d.s3.send(
    new GetObjectCommand({
      Bucket: object.bucket,
      Key: object.key,
      ...(object.versionId ? { VersionId: object.versionId } : {}),
    }),
  );
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  let keep = (out.ContentLength ?? 0) <= MAX_INSPECT_BYTES;
  const head: Buffer[] = [];
  let headSize = 0;
  for await (const chunk of out.Body as Readable) {
    const b = chunk as Buffer;
    hash.update(b);
    size += b.length;
    if (headSize < HEAD_BYTES) {
      head.push(b.subarray(0, HEAD_BYTES - headSize));
      headSize += Math.min(b.length, HEAD_BYTES - headSize);
    }
    if (keep && size > MAX_INSPECT_BYTES) {
      keep = false;
      chunks.length = 0;
    }
    if (keep) chunks.push(b);
  }
  return {
    size,
    sha256: hash.digest('hex'),
    head: new Uint8Array(Buffer.concat(head)),
    ...(keep ? { bytes: new Uint8Array(Buffer.concat(chunks)) } : {}),
    ...(out.ETag ? { eTag: out.ETag.replace(/"/g, '') } : {}),
    ...(out.VersionId ? { versionId: out.VersionId } : {}),
  };
};

/**
 * The same upload again: S3 delivers events at least once, and a replayed presigned POST (same
 * form, same key, within its 10 minutes) makes S3 store the object again and send another event.
 * Neither records a second submission nor sends a second receipt: an upload id is received once,
 * with its receipts in the outbox in the same transaction (the outbox sender delivers them, and
 * retries them, whatever happens to this event), and the recorded submission keeps its SHA-256 and
 * S3 version id (the bucket is versioned; downloads ask for that version).
 */
const duplicate = (upload: UploadRecord, object: CreatedObject): ReceiveOutcome => {
  const eTag = object.eTag?.replace(/"/g, '');
  if (upload.eTag && eTag && upload.eTag !== eTag)
    log.warn('upload received again with other content (replayed POST); the first version stays recorded', {
      courseId: upload.courseId,
      uploadId: upload.uploadId,
      recordedVersion: upload.versionId,
      newVersion: object.versionId,
    });
  return { outcome: 'duplicate', uploadId: upload.uploadId };
};

/**
 * An object arrived under uploads/: find its pending upload, check the file (size, type by content,
 * PDF pages), judge it on time or late by the instant S3 received it, record a new submission
 * version and put every owner's receipt in the mail outbox. Refused files are recorded too, with the
 * reason; late files are kept and marked. Idempotent: the upload item moves from pending to received
 * in the same transaction that creates the submission (whose id and key follow from the upload id
 * and the event time) and the receipts, so a second delivery of the event records and sends nothing.
 */
export const receiveUpload = async (d: Deps, object: CreatedObject): Promise<ReceiveOutcome> => {
  const ignore = (why: string): ReceiveOutcome => {
    log.warn('object event ignored', { key: object.key, why });
    return { outcome: 'ignored', why };
  };
  if (object.bucket !== d.bucket) return ignore(`bucket ${object.bucket} is not ${d.bucket}`);
  const parsed = parseObjectKey(object.key);
  if (!parsed) return ignore('not an upload key');
  const { courseId, deliverableId, owner, uploadId } = parsed;
  const wanted = [
    keys.course(courseId),
    keys.upload(courseId, uploadId),
    keys.extension(courseId, deliverableId, owner.id),
    ...(owner.kind === 'group' ? [keys.group(courseId, owner.id)] : []),
  ];
  const items = await batchGetAll(d, wanted);
  const find = (k: { sk: string }) => items.find((i) => i.sk === k.sk);
  const course = toCourse(find(keys.course(courseId)));
  const upload = toUpload(find(keys.upload(courseId, uploadId)));
  if (!course) return ignore(`no course ${courseId}`);
  if (!upload) return ignore(`no upload ${uploadId}`);
  if (
    upload.objectKey !== object.key ||
    upload.ownerId !== owner.id ||
    upload.deliverableId !== deliverableId
  )
    return ignore('the key does not match the recorded upload');
  if (upload.status === 'received') return duplicate(upload, object);

  const zone = course.config.timeZone;
  const deliverable = course.config.deliverables.find((x) => x.id === deliverableId);
  const file = await readObject(d, object);
  const verdict: FileVerdict = deliverable
    ? await checkFile(
        {
          fileName: upload.fileName,
          declaredType: upload.contentType,
          size: file.size,
          head: file.head,
          ...(file.bytes ? { bytes: file.bytes } : {}),
        },
        {
          title: deliverable.title,
          maxBytes: deliverable.maxBytes,
          ...(deliverable.maxPages ? { maxPages: deliverable.maxPages } : {}),
        },
      )
    : {
        status: 'rejected',
        code: 'damaged',
        reason: `The deliverable "${deliverableId}" no longer exists in this course.`,
        detected: 'unknown',
      };
  const extension = toExtension(find(keys.extension(courseId, deliverableId, owner.id)));
  const window = submissionWindow(
    deliverable ?? { due: '1970-01-01T00:00', graceMinutes: 0 },
    zone,
    extension ? new Date(extension.until) : undefined,
  );
  const group = owner.kind === 'group' ? toGroup(find(keys.group(courseId, owner.id))) : undefined;
  const members = owner.kind === 'group' ? (group?.members ?? upload.members) : [owner.id];
  const receivedAt = object.time.toISOString();
  const submission: SubmissionRecord = {
    courseId,
    submissionId: upload.submissionId,
    uploadId,
    deliverableId,
    ownerKind: owner.kind,
    ownerId: owner.id,
    members,
    fileName: upload.fileName,
    contentType: upload.contentType,
    detectedType: verdict.detected,
    bytes: file.size,
    sha256: file.sha256,
    ...(verdict.pages === undefined ? {} : { pages: verdict.pages }),
    status: verdict.status,
    ...(verdict.status === 'rejected' ? { code: verdict.code, reason: verdict.reason } : {}),
    late: !isOnTime(object.time, window),
    receivedAt,
    closesAt: window.closesAt.toISOString(),
    ...(extension ? { extensionUntil: extension.until } : {}),
    uploadedBy: upload.requestedBy,
    objectKey: object.key,
    ...((object.versionId ?? file.versionId) ? { versionId: object.versionId ?? file.versionId } : {}),
    ...(file.eTag ? { eTag: file.eTag } : {}),
    ...(upload.contributions ? { contributions: upload.contributions } : {}),
  };
  // The receipt is built before anything is recorded: one that cannot be built fails the event cleanly.
  // Its mails go in the outbox, in the same transaction: no submission without its receipts.
  const receipt = receiptMails(course, submission);
  const now = d.clock.now();
  const subKey = submissionKey(submission);
  try {
    // Two deliveries at once: the loser of a TransactionConflict tries again and finds it recorded.
    await transactNamed(
      d,
      {
        upload: {
          Update: {
            TableName: d.tableName,
            Key: keys.upload(courseId, uploadId),
            UpdateExpression:
              'SET #status = :received, receivedAt = :at, submissionSk = :sk, submissionStatus = :verdict, ' +
              'sha256 = :h, bytes = :b' +
              (submission.versionId ? ', versionId = :v' : '') +
              (submission.eTag ? ', eTag = :e' : '') +
              ' REMOVE contributions',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':received': 'received',
              ':pending': 'pending',
              ':at': receivedAt,
              ':sk': subKey.sk,
              ':verdict': submission.status,
              ':h': submission.sha256,
              ':b': submission.bytes,
              ...(submission.versionId ? { ':v': submission.versionId } : {}),
              ...(submission.eTag ? { ':e': submission.eTag } : {}),
            },
          },
        },
        submission: {
          Put: {
            TableName: d.tableName,
            Item: submissionItem(submission),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...namedEach('outbox', receiptOutboxPuts(d, submission, receipt, now)),
      },
      { attempts: 3 },
    );
  } catch (error) {
    if (!(error instanceof TransactionFailed) || !error.conditions.length) throw error;
    // Another delivery of the same event won the race: it recorded the submission and its receipts.
    return { outcome: 'duplicate', uploadId };
  }
  log.info('submission recorded', {
    courseId,
    submissionId: submission.submissionId,
    status: submission.status,
    late: submission.late,
    code: submission.code,
  });
  count(
    submission.status === 'rejected' ? 'UploadRefused' : submission.late ? 'UploadLate' : 'UploadAccepted',
  );
  return { outcome: 'recorded', submission };
};
