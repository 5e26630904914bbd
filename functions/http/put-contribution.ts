import { httpHandler } from '../../shared/http/http-handler.js';
import { putContribution } from '../../shared/uploads/put-contribution.js';
import { ContributionParams, PutContributionBody } from '../../shared/uploads/schemas.js';

export const handler = httpHandler(
  { params: ContributionParams, body: PutContributionBody },
  async ({ deps, params, body, caller }) =>
    putContribution(deps, params.courseId, params.deliverableId, caller, body),
);
