import { httpHandler } from '../../shared/http/http-handler.js';
import { agreeFinal } from '../../shared/marking/agree.js';
import { AgreeBody, MarkParams } from '../../shared/marking/schemas.js';

export const handler = httpHandler(
  { params: MarkParams, body: AgreeBody },
  async ({ deps, params, body, caller }) =>
    agreeFinal(deps, params.courseId, params.groupId, params.componentId, caller, body),
);
