import { courseRoutes } from './routes/courses.js';
import { gradeRoutes } from './routes/grades.js';
import { groupRoutes } from './routes/groups.js';
import { mailRoutes } from './routes/mail.js';
import { noticeRoutes } from './routes/notices.js';
import { slotRoutes } from './routes/slots.js';
import { uploadRoutes } from './routes/uploads.js';
import type { Route } from './routes/route.js';

export type { Access, Method, ResponseDoc, Route } from './routes/route.js';

/**
 * The one list of HTTP routes, one file per capability under routes/. The local gateway serves it,
 * CDK deploys a function per entry and the OpenAPI document is built from it.
 */
export const routes: Route[] = [
  ...courseRoutes,
  ...groupRoutes,
  ...uploadRoutes,
  ...slotRoutes,
  ...gradeRoutes,
  ...noticeRoutes,
  ...mailRoutes,
];
