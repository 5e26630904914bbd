import { removeGroupMember } from '../../shared/groups/remove-member.js';
import { MemberParams, RemoveMemberQuery } from '../../shared/groups/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: MemberParams, query: RemoveMemberQuery },
  async ({ deps, params, query, caller }) =>
    removeGroupMember(deps, params.courseId, params.groupId, params.email, caller, query.reason),
);
