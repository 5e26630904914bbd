import { CourseParams } from '../../shared/courses/schemas.js';
import { JobRunView } from '../../shared/notices/schemas.js';
import { PlaceUnassignedBody, PlaceUnassignedResult } from '../../shared/groups/schemas-placement.js';
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
  {
    method: 'POST',
    path: '/courses/{courseId}/groups/place-unassigned',
    handler: 'http/place-unassigned',
    summary:
      'After the group deadline: place students in no group into groups with room, or new groups, within the size rules (each placement audited and emailed)',
    tag: 'groups',
    access: ['table-read', 'table-write'],
    params: CourseParams,
    body: PlaceUnassignedBody,
    responses: { 200: json('What was placed, what could not be', PlaceUnassignedResult) },
  },
];
