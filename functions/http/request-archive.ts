import { requestArchive } from '../../shared/exports/request-archive.js';
import { ArchiveBody, ArchiveRequestParams } from '../../shared/exports/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: ArchiveRequestParams, body: ArchiveBody },
  async ({ deps, params, body, caller }) =>
    requestArchive(deps, params.courseId, params.deliverableId, caller, body),
);
