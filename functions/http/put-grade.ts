import { putGrade } from '../../shared/grades/put-grade.js';
import { PutGradeBody } from '../../shared/grades/schemas.js';
import { MarkParams } from '../../shared/marking/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: MarkParams, body: PutGradeBody },
  async ({ deps, params, body, caller }) =>
    putGrade(deps, params.courseId, params.groupId, params.componentId, caller, body),
);
