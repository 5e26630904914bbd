import { httpHandler } from '../../shared/http/http-handler.js';
import { getMarks } from '../../shared/marking/get-marks.js';
import { MarkParams } from '../../shared/marking/schemas.js';

export const handler = httpHandler({ params: MarkParams }, async ({ deps, params, caller }) =>
  getMarks(deps, params.courseId, params.groupId, params.componentId, caller),
);
