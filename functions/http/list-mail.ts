import { CourseParams } from '../../shared/courses/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { listMail } from '../../shared/mail/mail-admin.js';
import { MailListQuery } from '../../shared/mail/schemas.js';

export const handler = httpHandler(
  { params: CourseParams, query: MailListQuery },
  async ({ deps, params, query, caller }) => listMail(deps, params.courseId, caller, query),
);
