import { listAudit } from '../../shared/audit/list-audit.js';
import { AuditQuery } from '../../shared/audit/schemas.js';
import { CourseParams } from '../../shared/courses/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: CourseParams, query: AuditQuery },
  async ({ deps, params, query, caller }) => listAudit(deps, params.courseId, caller, query),
);
