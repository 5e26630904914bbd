import { CourseParams } from '../../shared/courses/schemas.js';
import { GroupGradeView } from '../../shared/grades/schemas.js';
import {
  AgreeBody,
  AssignmentsView,
  MarkParams,
  MarksView,
  PutAssignmentsBody,
  PutMarkBody,
  QueueView,
  ReportLinkView,
} from '../../shared/marking/schemas.js';
import { json, type Route } from './route.js';

/**
 * Markers (issue 14): graders assigned per group and component, their queue, second marking with a
 * lead's agreed final, anonymous marking. Only for courses whose config sets grading.markers.
 */
export const markingRoutes: Route[] = [
  {
    method: 'PUT',
    path: '/courses/{courseId}/marking/assignments',
    handler: 'http/put-marking-assignments',
    summary: 'Assign graders to groups per component (lead marker or admin; audited)',
    tag: 'marking',
    access: ['table-read', 'table-write'],
    params: CourseParams,
    body: PutAssignmentsBody,
    responses: {
      200: json("The touched components' assignments", AssignmentsView),
      403: json('Not the lead marker'),
      409: json('No markers in this course, or the assignments changed meanwhile'),
    },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/marking/queue',
    handler: 'http/get-marking-queue',
    summary: "The caller's marking queue and progress; the lead sees every grader's",
    tag: 'marking',
    params: CourseParams,
    responses: { 200: json('The queue', QueueView), 409: json('No markers in this course') },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/marking/groups/{groupId}/marks/{componentId}',
    handler: 'http/get-marks',
    summary: "A second-marked component's independent marks (a grader sees the other once theirs is in)",
    tag: 'marking',
    params: MarkParams,
    responses: {
      200: json('The marks, their difference and the agreed final', MarksView),
      403: json('Not assigned, or your own mark is not in yet'),
      409: json('The component is not second-marked'),
    },
  },
  {
    method: 'PUT',
    path: '/courses/{courseId}/marking/groups/{groupId}/marks/{componentId}',
    handler: 'http/put-mark',
    summary:
      'Enter your independent mark of a second-marked component (assigned graders; audited without the value)',
    tag: 'marking',
    access: ['table-read', 'table-write'],
    params: MarkParams,
    body: PutMarkBody,
    responses: {
      200: json('The marks as you may now see them', MarksView),
      403: json('Not one of the two assigned graders'),
      409: json('A third mark, both marks already in, or the final already agreed'),
    },
  },
  {
    method: 'POST',
    path: '/courses/{courseId}/marking/groups/{groupId}/marks/{componentId}/agree',
    handler: 'http/agree-marks',
    summary:
      "The lead agrees the final of two marks (the mean or either mark within the threshold; over it a mark or their own value, with a reason): it becomes the group's grade (audited with both marks)",
    tag: 'marking',
    access: ['table-read', 'table-write'],
    params: MarkParams,
    body: AgreeBody,
    responses: {
      200: json('The agreed group grade', GroupGradeView),
      403: json('Not the lead marker'),
      409: json('A mark is missing, the mean over the threshold, or a stale version'),
    },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/marking/groups/{groupId}/submission/{componentId}',
    handler: 'http/get-report-link',
    summary:
      "A 5-minute link to the group's latest accepted submission of the component's deliverable ({groupId}: id or label; named by the label while anonymous)",
    tag: 'marking',
    access: ['table-read', 'bucket-read'],
    params: MarkParams,
    responses: {
      200: json('The link, pages, SHA-256 and when it was received', ReportLinkView),
      403: json('Not assigned to this group, or addressed by group id while anonymous'),
      404: json('No assigned group with this label, or no accepted submission'),
      409: json('The component grades no group deliverable'),
    },
  },
];
