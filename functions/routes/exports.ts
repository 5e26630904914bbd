import * as z from 'zod';
import { CourseParams } from '../../shared/courses/schemas.js';
import {
  ArchiveBody,
  ArchiveParams,
  ArchiveRequestParams,
  ArchiveView,
  GradebookQuery,
} from '../../shared/exports/schemas.js';
import { json, type Route } from './route.js';

/**
 * Exports for instructors: the grades for an LMS's import, and the ZIP of a deliverable's accepted
 * files (built in the background: POST asks, GET polls and, once ready, links). The detailed grade
 * CSV stays GET /courses/{courseId}/grades.csv (routes/grades.ts).
 */
export const exportRoutes: Route[] = [
  {
    method: 'GET',
    path: '/courses/{courseId}/gradebook.csv',
    handler: 'http/get-gradebook-csv',
    summary: "The grades as Moodle's or Canvas's gradebook import reads them (?format=moodle|canvas)",
    tag: 'exports',
    params: CourseParams,
    query: GradebookQuery,
    responses: {
      200: {
        description:
          'moodle: Email address,ID number,Full name,<component titles…>,Final grade. canvas: Student,ID,SIS User ID,SIS Login ID,Section,<component titles…>,Final grade, then a "Points Possible" row. UTF-8, CRLF',
        contentType: 'text/csv',
        schema: z.string(),
      },
    },
  },
  {
    method: 'POST',
    path: '/courses/{courseId}/deliverables/{deliverableId}/archive',
    handler: 'http/request-archive',
    summary:
      "Ask for a ZIP of the deliverable's accepted files, named <group or student>_<paper>_<file> (audited); built in the background",
    tag: 'exports',
    access: ['table-read', 'table-write'],
    params: ArchiveRequestParams,
    body: ArchiveBody,
    responses: { 202: json('The request, pending: poll its GET until ready', ArchiveView) },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/deliverables/{deliverableId}/archive/{archiveId}',
    handler: 'http/get-archive',
    summary: 'How a requested ZIP goes; once ready, a short-lived link to it',
    tag: 'exports',
    access: ['table-read', 'bucket-read'],
    params: ArchiveParams,
    responses: { 200: json('The request and, when ready, its link', ArchiveView) },
  },
];
