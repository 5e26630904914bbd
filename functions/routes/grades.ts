import * as z from 'zod';
import { AuditPage, AuditQuery } from '../../shared/audit/schemas.js';
import { CourseParams } from '../../shared/courses/schemas.js';
import {
  GradeRowView,
  GroupGradesView,
  MemberGradeParams,
  MemberGradeView,
  PublishBody,
  PublishView,
  PutGradeBody,
  PutMemberGradeBody,
  UnpublishBody,
  UnpublishView,
} from '../../shared/grades/schemas.js';
import { GroupParams } from '../../shared/groups/schemas.js';
import { MarkedGradeView, MarkParams } from '../../shared/marking/schemas.js';
import { json, type Route } from './route.js';

/**
 * Grades and the audit log. PUT …/grades/members/{email} has one more segment than
 * PUT …/grades/{componentId}, so neither can take the other's requests; "members" is also refused
 * as a component id (by the course config and by the path schema).
 */
export const gradeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/courses/{courseId}/groups/{groupId}/grades',
    handler: 'http/get-group-grades',
    summary: "One group's grades with their versions (what a write sends back) and each member's changes",
    tag: 'grades',
    params: GroupParams,
    responses: { 200: json("The group's grading sheet", GroupGradesView) },
  },
  {
    method: 'PUT',
    path: '/courses/{courseId}/groups/{groupId}/grades/members/{email}',
    handler: 'http/put-member-grade',
    summary: "Adjust, override or clear one member's grade for a component, with a reason (audited)",
    tag: 'grades',
    access: ['table-read', 'table-write'],
    params: MemberGradeParams,
    body: PutMemberGradeBody,
    responses: {
      200: json("The member's change and resulting grades", MemberGradeView),
      409: json('Stale version, or the student left the group meanwhile'),
    },
  },
  {
    method: 'PUT',
    path: '/courses/{courseId}/groups/{groupId}/grades/{componentId}',
    handler: 'http/put-grade',
    summary:
      "Enter a group's grade for a component (a score, or a score per aspect); carries the version read (audited)",
    tag: 'grades',
    access: ['table-read', 'table-write'],
    params: MarkParams,
    body: PutGradeBody,
    responses: {
      200: json(
        'The saved grade with its new version (no group id while anonymous for you)',
        MarkedGradeView,
      ),
      403: json('The presentation this component grades has not started yet (give a reason to override)'),
      409: json(
        'Stale version; or no presentation booked / no accepted submission of the graded deliverable (give a reason to override)',
      ),
    },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/grades',
    handler: 'http/get-grades',
    summary:
      'A row per roster student: group, paper, components, final (header x-examdesk-grades-published: instant or "no")',
    tag: 'grades',
    params: CourseParams,
    responses: { 200: json('The grade listing', z.array(GradeRowView)) },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/grades.csv',
    handler: 'http/get-grades-csv',
    summary: 'The grade listing as CSV (UTF-8 with BOM, CRLF)',
    tag: 'grades',
    params: CourseParams,
    responses: {
      200: {
        description:
          'email,name,studentId,groupId,paperId,<component ids…>,final,finalNote, then per component <id>.<aspect ids…>,<id>.comment,<id>.changeKind,<id>.changeValue,<id>.changeReason, then finalExact',
        contentType: 'text/csv',
        schema: z.string(),
      },
    },
  },
  {
    method: 'POST',
    path: '/courses/{courseId}/grades/publish',
    handler: 'http/publish-grades',
    summary:
      'Publish the grades to all students or only those whose grade is complete (each mailed once complete, with aspects and comments); dryRun says who would receive what and who is incomplete',
    tag: 'grades',
    access: ['table-read', 'table-write'],
    params: CourseParams,
    body: PublishBody,
    responses: {
      200: json('Published, already published, or (dryRun) what a publication would do', PublishView),
      409: json('Someone else changed the publication meanwhile'),
    },
  },
  {
    method: 'POST',
    path: '/courses/{courseId}/grades/unpublish',
    handler: 'http/unpublish-grades',
    summary:
      'Withdraw published grades with a reason (audited): /me shows none, mailed students are told they were withdrawn',
    tag: 'grades',
    access: ['table-read', 'table-write'],
    params: CourseParams,
    body: UnpublishBody,
    responses: {
      200: json('Withdrawn', UnpublishView),
      409: json('The grades are not published'),
    },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/audit',
    handler: 'http/get-audit',
    summary: 'Who changed what, when and why: grades, publication, and instructor overrides, newest first',
    tag: 'audit',
    params: CourseParams,
    query: AuditQuery,
    responses: { 200: json('A page of the audit log', AuditPage) },
  },
];
