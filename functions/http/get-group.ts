import { getGroup } from '../../shared/groups/get-group.js';
import { GroupParams } from '../../shared/groups/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: GroupParams }, async ({ deps, params, caller }) =>
  getGroup(deps, params.courseId, params.groupId, caller),
);
