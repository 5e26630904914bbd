import { allocationRoutes } from './routes/allocation.js';
import { contributionRoutes } from './routes/contributions.js';
import { courseRoutes } from './routes/courses.js';
import { exportRoutes } from './routes/exports.js';
import { gradeRoutes } from './routes/grades.js';
import { groupRoutes } from './routes/groups.js';
import { mailRoutes } from './routes/mail.js';
import { markingRoutes } from './routes/marking.js';
import { noticeRoutes } from './routes/notices.js';
import { regradeRoutes } from './routes/regrades.js';
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
  ...allocationRoutes,
  ...uploadRoutes,
  ...contributionRoutes,
  ...slotRoutes,
  ...gradeRoutes,
  ...markingRoutes,
  ...regradeRoutes,
  ...exportRoutes,
  ...noticeRoutes,
  ...mailRoutes,
];
