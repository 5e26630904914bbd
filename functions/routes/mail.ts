import { CourseParams } from '../../shared/courses/schemas.js';
import { MailListQuery, MailParams, MailView, ResendBody } from '../../shared/mail/schemas.js';
import { json, type Route } from './route.js';

export const mailRoutes: Route[] = [
  {
    method: 'GET',
    path: '/courses/{courseId}/mail',
    handler: 'http/list-mail',
    summary:
      "The course's outgoing mail by status (instructors): by default the dead ones, given up after their retries, with the last error",
    tag: 'mail',
    params: CourseParams,
    query: MailListQuery,
    responses: { 200: json('Mails, newest first for dead ones', MailView.array()) },
  },
  {
    method: 'POST',
    path: '/courses/{courseId}/mail/{mailId}/resend',
    handler: 'http/resend-mail',
    summary:
      'Send a dead mail again (instructors): it goes back to pending with its attempts reset (audited)',
    tag: 'mail',
    access: ['table-read', 'table-write'],
    params: MailParams,
    body: ResendBody,
    responses: {
      200: json('The mail, pending again', MailView),
      409: json('The mail is not dead (or changed meanwhile)'),
    },
  },
];
