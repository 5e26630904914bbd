import { httpHandler } from '../../shared/http/http-handler.js';
import { listSubmissions } from '../../shared/uploads/list-submissions.js';
import { DeliverableParams, SubmissionsQuery } from '../../shared/uploads/schemas.js';

export const handler = httpHandler(
  { params: DeliverableParams, query: SubmissionsQuery },
  async ({ deps, params, query, caller }) =>
    listSubmissions(deps, params.courseId, params.deliverableId, caller, query),
);
