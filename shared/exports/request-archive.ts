import type * as z from 'zod';
import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { withStatus } from '../http/responses.js';
import type { Deps } from '../runtime/deps.js';
import { transactNamed } from '../store/transactions.js';
import { findDeliverable } from '../uploads/deliverable.js';
import {
  ARCHIVE_KEEP_DAYS,
  archiveEntity,
  archiveObjectKey,
  newArchiveId,
  type ArchiveRecord,
} from './archive-store.js';
import { archiveView } from './archive-view.js';
import type { ArchiveBody } from './schemas.js';

/**
 * POST /courses/{courseId}/deliverables/{deliverableId}/archive: records a request for the ZIP of
 * the deliverable's accepted files and answers 202 at once; the archive builder (table stream,
 * filtered to pending requests) makes it, since a course's worth of files takes longer than API
 * Gateway's 29 s. The request and its audit entry are one transaction.
 *
 * DynamoDB: the access BatchGet and one TransactWriteItems. 2 calls.
 */
export const requestArchive = async (
  d: Deps,
  courseId: string,
  deliverableId: string,
  caller: Caller,
  body: z.infer<typeof ArchiveBody>,
) => {
  const access = await loadAccess(d, courseId, caller);
  requireStaff(access, "download the deliverables' files");
  findDeliverable(access.course, deliverableId);
  const now = d.clock.now();
  const archiveId = newArchiveId();
  const archive: ArchiveRecord = {
    courseId,
    archiveId,
    deliverableId,
    versions: body.versions,
    status: 'pending',
    requestedBy: caller.email,
    requestedAt: now.toISOString(),
    objectKey: archiveObjectKey(courseId, deliverableId, archiveId),
    expiresAt: Math.floor(now.getTime() / 1000) + ARCHIVE_KEEP_DAYS * 86_400,
  };
  await transactNamed(d, {
    archive: {
      Put: {
        TableName: d.tableName,
        Item: archiveEntity.toItem(archive),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    audit: auditPut(d.tableName, {
      courseId,
      actor: caller.email,
      action: 'archive.request',
      target: deliverableId,
      after: { archiveId, versions: body.versions },
      at: now,
    }),
  });
  return withStatus(202, archiveView(archive, access.course.config.timeZone, 'pending'));
};
