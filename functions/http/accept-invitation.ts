import { acceptInvitation } from '../../shared/groups/answer-invitation.js';
import { GroupParams } from '../../shared/groups/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: GroupParams }, async ({ deps, params, caller }) =>
  acceptInvitation(deps, params.courseId, params.groupId, caller),
);
