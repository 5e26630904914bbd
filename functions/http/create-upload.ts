import { httpHandler } from '../../shared/http/http-handler.js';
import { createUpload } from '../../shared/uploads/create-upload.js';
import { CreateUploadBody, DeliverableParams } from '../../shared/uploads/schemas.js';

export const handler = httpHandler(
  { params: DeliverableParams, body: CreateUploadBody },
  async ({ deps, params, body, caller }) =>
    createUpload(deps, params.courseId, params.deliverableId, caller, body),
);
