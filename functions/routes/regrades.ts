import * as z from 'zod';
import { CourseParams } from '../../shared/courses/schemas.js';
import {
  AnswerRegradeBody,
  RegradeParams,
  RegradeRequestedView,
  RegradeView,
  RequestRegradeBody,
} from '../../shared/regrades/schemas.js';
import { json, type Route } from './route.js';

/**
 * Regrade requests after publication (courses with grading.regradeDays): a student asks, the
 * instructors are mailed and answer; a change is made with the grade routes, which re-publish it.
 */
export const regradeRoutes: Route[] = [
  {
    method: 'POST',
    path: '/courses/{courseId}/regrades',
    handler: 'http/request-regrade',
    summary:
      'Students: ask for a regrade of a component of your published grade, with a reason, within grading.regradeDays of the publication (instructors are mailed)',
    tag: 'grades',
    access: ['table-read', 'table-write'],
    params: CourseParams,
    body: RequestRegradeBody,
    responses: {
      201: json('The request, open, and when requests close', RegradeRequestedView),
      403: json('The course takes no regrade requests, or the window has closed (its end in course time)'),
      409: json('Grades not published to you yet, no grade of that component, or a request of it is open'),
    },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/regrades',
    handler: 'http/list-regrades',
    summary: 'Instructors: every regrade request, open ones first, with what the student saw and the answer',
    tag: 'grades',
    params: CourseParams,
    responses: { 200: json('The requests', z.array(RegradeView)) },
  },
  {
    method: 'POST',
    path: '/courses/{courseId}/regrades/{regradeId}/answer',
    handler: 'http/answer-regrade',
    summary:
      "Instructors: answer a regrade request, 'upheld' or 'changed' (after changing the grade with the grade routes), with a response the student is mailed (audited)",
    tag: 'grades',
    access: ['table-read', 'table-write'],
    params: RegradeParams,
    body: AnswerRegradeBody,
    responses: {
      200: json('The answered request', RegradeView),
      404: json('No such request'),
      409: json("Already answered, or 'changed' while the student still sees the grade they asked about"),
    },
  },
];
