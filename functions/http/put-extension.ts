import { httpHandler } from '../../shared/http/http-handler.js';
import { putExtension } from '../../shared/uploads/put-extension.js';
import { ExtensionBody, ExtensionParams } from '../../shared/uploads/schemas.js';

export const handler = httpHandler(
  { params: ExtensionParams, body: ExtensionBody },
  async ({ deps, params, body, caller }) => putExtension(deps, params.courseId, params.ownerId, caller, body),
);
