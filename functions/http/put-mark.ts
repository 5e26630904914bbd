import { httpHandler } from '../../shared/http/http-handler.js';
import { putMark } from '../../shared/marking/put-mark.js';
import { MarkParams, PutMarkBody } from '../../shared/marking/schemas.js';

export const handler = httpHandler(
  { params: MarkParams, body: PutMarkBody },
  async ({ deps, params, body, caller }) =>
    putMark(deps, params.courseId, params.groupId, params.componentId, caller, body),
);
