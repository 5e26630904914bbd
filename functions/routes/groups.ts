import { CourseParams } from '../../shared/courses/schemas.js';
import { CreateGroupBody, GroupView } from '../../shared/groups/schemas.js';
import { json, type Route } from './route.js';

export const groupRoutes: Route[] = [
  {
    method: 'POST',
    path: '/courses/{courseId}/groups',
    handler: 'http/create-group',
    summary: 'Form a group (the caller among the members) and choose a paper; every member is emailed',
    tag: 'groups',
    access: ['table-read', 'table-write', 'mail'],
    params: CourseParams,
    body: CreateGroupBody,
    responses: {
      201: json('The group', GroupView),
      409: json('A member is already in a group, or the paper is full'),
    },
  },
];
