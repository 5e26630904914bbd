import { httpHandler } from '../../shared/http/http-handler.js';
import { getReportLink } from '../../shared/marking/report-link.js';
import { MarkParams } from '../../shared/marking/schemas.js';

export const handler = httpHandler({ params: MarkParams }, async ({ deps, params, caller }) =>
  getReportLink(deps, params.courseId, params.groupId, params.componentId, caller),
);
