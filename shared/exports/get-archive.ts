import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { NotFound } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { keys } from '../store/keys.js';
import { presignDownload } from '../uploads/presign.js';
import { effectiveStatus, toArchive } from './archive-store.js';
import { archiveFileName, archiveView } from './archive-view.js';

/**
 * GET /courses/{courseId}/deliverables/{deliverableId}/archive/{archiveId}: how the build goes and,
 * once ready, a short-lived link to exactly the ZIP's stored version.
 *
 * DynamoDB: the access BatchGet, which also reads the request. 1 call.
 */
export const getArchive = async (
  d: Deps,
  courseId: string,
  deliverableId: string,
  archiveId: string,
  caller: Caller,
) => {
  const key = keys.archive(courseId, archiveId);
  const access = await loadAccess(d, courseId, caller, [key]);
  requireStaff(access, "download the deliverables' files");
  const archive = toArchive(access.extras.find((i) => i.sk === key.sk));
  if (!archive || archive.deliverableId !== deliverableId)
    throw new NotFound(`No archive "${archiveId}" of deliverable "${deliverableId}" in course "${courseId}"`);
  const status = effectiveStatus(archive, d.clock.now());
  const link =
    status === 'ready'
      ? await presignDownload(d, {
          key: archive.objectKey,
          ...(archive.versionId ? { versionId: archive.versionId } : {}),
          fileName: archiveFileName(archive),
          contentType: 'application/zip',
        })
      : undefined;
  return archiveView(archive, access.course.config.timeZone, status, link);
};
