import { GroupParams, UpdateGroupBody } from '../../shared/groups/schemas.js';
import { updateGroup } from '../../shared/groups/update-group.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: GroupParams, body: UpdateGroupBody },
  async ({ deps, params, body, caller }) => updateGroup(deps, params.courseId, params.groupId, caller, body),
);
