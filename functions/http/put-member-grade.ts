import { putMemberGrade } from '../../shared/grades/put-member-grade.js';
import { MemberGradeParams, PutMemberGradeBody } from '../../shared/grades/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: MemberGradeParams, body: PutMemberGradeBody },
  async ({ deps, params, body, caller }) =>
    putMemberGrade(deps, params.courseId, params.groupId, params.email, caller, body),
);
