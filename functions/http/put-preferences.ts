import { setPreferences } from '../../shared/allocation/preferences.js';
import { PutPreferencesBody } from '../../shared/allocation/schemas.js';
import { GroupParams } from '../../shared/groups/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: GroupParams, body: PutPreferencesBody },
  async ({ deps, params, body, caller }) =>
    setPreferences(deps, params.courseId, params.groupId, caller, body),
);
