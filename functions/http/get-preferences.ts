import { getPreferences } from '../../shared/allocation/preferences.js';
import { GroupParams } from '../../shared/groups/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: GroupParams }, async ({ deps, params, caller }) =>
  getPreferences(deps, params.courseId, params.groupId, caller),
);
