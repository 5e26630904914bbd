import { getGroupGrades } from '../../shared/grades/get-group-grades.js';
import { GroupParams } from '../../shared/groups/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: GroupParams }, async ({ deps, params, caller }) =>
  getGroupGrades(deps, params.courseId, params.groupId, caller),
);
