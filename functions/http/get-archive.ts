import { getArchive } from '../../shared/exports/get-archive.js';
import { ArchiveParams } from '../../shared/exports/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: ArchiveParams }, async ({ deps, params, caller }) =>
  getArchive(deps, params.courseId, params.deliverableId, params.archiveId, caller),
);
