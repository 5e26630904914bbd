import { AllocationView, PreferencesView, PutPreferencesBody } from '../../shared/allocation/schemas.js';
import { CourseParams } from '../../shared/courses/schemas.js';
import { GroupParams } from '../../shared/groups/schemas.js';
import { json, type Route } from './route.js';

/** Ranked paper preferences and the allocation the group-deadline job makes from them. */
export const allocationRoutes: Route[] = [
  {
    method: 'PUT',
    path: '/courses/{courseId}/groups/{groupId}/preferences',
    handler: 'http/put-preferences',
    summary:
      'Rank the papers for the group, best first (courses with groups.paperChoice "ranked"; any member or an instructor, until the group deadline)',
    tag: 'groups',
    // One item of its own per group; no mail, no transaction.
    access: ['table-read', 'table-write'],
    params: GroupParams,
    body: PutPreferencesBody,
    responses: {
      200: json('The ranking as stored', PreferencesView),
      400: json('A paper the course does not have, or one ranked twice, named at body.ranking[i]'),
      403: json('Not a member of the group, or the group deadline has passed (code deadline_passed)'),
      409: json('The course gives papers first come, first served (code not_ranked)'),
    },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/groups/{groupId}/preferences',
    handler: 'http/get-preferences',
    summary: 'The group’s ranking of the papers (its members and instructors)',
    tag: 'groups',
    params: GroupParams,
    responses: { 200: json('The ranking, empty when the group ranked nothing', PreferencesView) },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/allocation',
    handler: 'http/get-allocation',
    summary:
      'The paper allocation of the groups without a paper (instructors): a preview over the current rankings until the group-deadline job runs, then what it did, with the satisfaction report',
    tag: 'groups',
    params: CourseParams,
    responses: { 200: json('Groups in the published order, their papers and the report', AllocationView) },
  },
];
