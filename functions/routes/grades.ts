import * as z from 'zod';
import { AuditPage, AuditQuery } from '../../shared/audit/schemas.js';
import { CourseParams } from '../../shared/courses/schemas.js';
import {
  GradeParams,
  GradeRowView,
  GroupGradesView,
  GroupGradeView,
  MemberGradeParams,
  MemberGradeView,
  PublishView,
  PutGradeBody,
  PutMemberGradeBody,
} from '../../shared/grades/schemas.js';
import { GroupParams } from '../../shared/groups/schemas.js';
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
    params: GradeParams,
    body: PutGradeBody,
    responses: {
      200: json('The saved grade with its new version', GroupGradeView),
      409: json('Stale version: someone else changed this grade since it was read'),
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
        description: 'email,name,studentId,groupId,paperId,<component ids…>,final,finalNote',
        contentType: 'text/csv',
        schema: z.string(),
      },
    },
  },
  {
    method: 'POST',
    path: '/courses/{courseId}/grades/publish',
    handler: 'http/publish-grades',
    summary: 'Publish the grades: students see their own in /me and each is emailed (idempotent)',
    tag: 'grades',
    access: ['table-read', 'table-write'],
    params: CourseParams,
    responses: { 200: json('Published (or already published)', PublishView) },
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
