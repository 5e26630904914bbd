import { CourseParams } from '../../shared/courses/schemas.js';
import { JobRunView } from '../../shared/notices/schemas.js';
import { json, type Route } from './route.js';

export const noticeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/courses/{courseId}/jobs',
    handler: 'http/list-job-runs',
    summary:
      'History of the scheduled jobs for the course (newest first): what ran, when, what it sent, what failed',
    tag: 'notices',
    params: CourseParams,
    responses: { 200: json('Job runs', JobRunView.array()) },
  },
];
