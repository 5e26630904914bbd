import '../runtime/db-client.js';
import { randomBytes } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { defineEntity } from '../store/entity.js';
import { keys } from '../store/keys.js';
import type { Db, Item } from '../store/table-ops.js';
import { isConditionFailure } from '../store/transactions.js';
import { ARCHIVE_PREFIX, ARCHIVE_TYPE } from './archive-constants.js';

export const ARCHIVE_STATUSES = ['pending', 'building', 'ready', 'failed'] as const;
export const ARCHIVE_VERSIONS = ['latest', 'all'] as const;

export { ARCHIVE_KEEP_DAYS, ARCHIVE_PREFIX } from './archive-constants.js';

/**
 * A build that has not finished this long after it started died with its function (the builder's
 * timeout is 15 minutes, infra): it is shown as failed, and a new request builds it again.
 */
export const BUILD_STALE_MS = 16 * 60_000;

/** One request for the ZIP of a deliverable's accepted files (keys.archive), and how it went. */
export const archiveEntity = defineEntity({
  type: ARCHIVE_TYPE,
  schema: z.object({
    courseId: z.string(),
    archiveId: z.string(),
    deliverableId: z.string(),
    /** latest: the accepted file that counts, per owner; all: every accepted version. */
    versions: z.enum(ARCHIVE_VERSIONS),
    status: z.enum(ARCHIVE_STATUSES),
    requestedBy: z.string(),
    requestedAt: z.string(),
    objectKey: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    /** S3 version of the finished ZIP (the bucket is versioned; the link names it). */
    versionId: z.string().optional(),
    files: z.number().optional(),
    bytes: z.number().optional(),
    error: z.string().optional(),
    /** Epoch seconds: DynamoDB's TTL deletes the request after ARCHIVE_KEEP_DAYS. */
    expiresAt: z.number(),
  }),
  key: (a) => keys.archive(a.courseId, a.archiveId),
});
export type ArchiveRecord = z.output<typeof archiveEntity.schema>;
export type ArchiveStatus = ArchiveRecord['status'];

export const toArchive = (item: Item | undefined): ArchiveRecord | undefined => archiveEntity.parse(item);

export const newArchiveId = (): string => `a_${randomBytes(15).toString('base64url')}`;

/** Where the ZIP goes: one object per request, under the prefix the bucket expires. */
export const archiveObjectKey = (courseId: string, deliverableId: string, archiveId: string) =>
  `${ARCHIVE_PREFIX}${courseId}/${deliverableId}/${archiveId}.zip`;

/** What GET shows: a build that outlived its function is reported as failed. */
export const effectiveStatus = (a: ArchiveRecord, now: Date): ArchiveStatus =>
  a.status === 'building' && a.startedAt && now.getTime() - Date.parse(a.startedAt) > BUILD_STALE_MS
    ? 'failed'
    : a.status;

/**
 * pending → building, once: a stream record delivered twice (Lambda retries, a redelivered batch)
 * builds the ZIP once. False when someone else claimed it (or it is gone).
 */
export const claimArchive = async (d: Db, a: ArchiveRecord, now: Date): Promise<boolean> => {
  try {
    await d.db.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: keys.archive(a.courseId, a.archiveId),
        UpdateExpression: 'SET #status = :building, startedAt = :now',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':building': 'building',
          ':pending': 'pending',
          ':now': now.toISOString(),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

export type ArchiveOutcome =
  { status: 'ready'; versionId?: string; files: number; bytes: number } | { status: 'failed'; error: string };

/** building → ready or failed, with what the build made. */
export const finishArchive = async (d: Db, a: ArchiveRecord, outcome: ArchiveOutcome, now: Date) => {
  const values: Record<string, unknown> =
    outcome.status === 'ready'
      ? {
          files: outcome.files,
          bytes: outcome.bytes,
          ...(outcome.versionId ? { versionId: outcome.versionId } : {}),
        }
      : { error: outcome.error };
  const names = Object.keys(values);
  await d.db.send(
    new UpdateCommand({
      TableName: d.tableName,
      Key: keys.archive(a.courseId, a.archiveId),
      UpdateExpression: `SET #status = :status, finishedAt = :now, ${names.map((n) => `#${n} = :${n}`).join(', ')}`,
      ConditionExpression: '#status = :building',
      ExpressionAttributeNames: {
        '#status': 'status',
        ...Object.fromEntries(names.map((n) => [`#${n}`, n])),
      },
      ExpressionAttributeValues: {
        ':status': outcome.status,
        ':building': 'building',
        ':now': now.toISOString(),
        ...Object.fromEntries(names.map((n) => [`:${n}`, values[n]])),
      },
    }),
  );
};
