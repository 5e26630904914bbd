import { endInvitation } from '../../shared/groups/answer-invitation.js';
import { InviteeParams } from '../../shared/groups/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: InviteeParams }, async ({ deps, params, caller }) =>
  endInvitation(deps, params.courseId, params.groupId, params.email, caller),
);
