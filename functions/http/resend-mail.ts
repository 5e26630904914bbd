import { httpHandler } from '../../shared/http/http-handler.js';
import { resendMail } from '../../shared/mail/mail-admin.js';
import { MailParams, ResendBody } from '../../shared/mail/schemas.js';

export const handler = httpHandler(
  { params: MailParams, body: ResendBody },
  async ({ deps, params, body, caller }) => resendMail(deps, params.courseId, params.mailId, caller, body),
);
