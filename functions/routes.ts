import type { z } from 'zod';
import { CourseConfig } from '../shared/domain/course-config.js';
import {
  CourseListItem,
  CourseParams,
  CourseView,
  RosterBody,
  RosterEntryView,
  RosterResult,
} from '../shared/courses/schemas.js';

export type Method = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** What a function may touch; CDK turns each into the narrowest grant. Routes default to table-read. */
export type Access = 'table-read' | 'table-write' | 'bucket-read' | 'bucket-write' | 'mail';

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

/**
 * The one list of HTTP routes. The local gateway serves it, CDK deploys a function per entry and
 * the OpenAPI document is built from it, so the three cannot drift apart.
 */
export interface Route {
  method: Method;
  path: string;
  /** Module under functions/ exporting `handler`, without extension. */
  handler: string;
  summary: string;
  tag: string;
  public?: boolean;
  access?: Access[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Other accepted request media types, described in words. */
  bodyAlternatives?: Record<string, string>;
  responses: Record<number, ResponseDoc>;
}

const json = (description: string, schema?: z.ZodType): ResponseDoc => ({
  description,
  ...(schema ? { schema } : {}),
});

export const routes: Route[] = [
  {
    method: 'GET',
    path: '/health',
    handler: 'http/get-health',
    access: [],
    summary: 'Liveness check',
    tag: 'meta',
    public: true,
    responses: { 200: json('The service answers') },
  },
  {
    method: 'GET',
    path: '/openapi.json',
    handler: 'http/get-openapi',
    access: [],
    summary: 'This document',
    tag: 'meta',
    public: true,
    responses: { 200: json('OpenAPI 3.1 document') },
  },
  {
    method: 'GET',
    path: '/courses',
    handler: 'http/list-courses',
    summary: 'Courses where the caller is admin, instructor or student',
    tag: 'courses',
    responses: { 200: json('The courses', CourseListItem.array()) },
  },
  {
    method: 'PUT',
    path: '/courses/{courseId}',
    handler: 'http/put-course',
    access: ['table-read', 'table-write'],
    summary: 'Create (admin) or replace (admin, instructor) a course config',
    tag: 'courses',
    params: CourseParams,
    body: CourseConfig,
    responses: { 200: json('Replaced', CourseView), 201: json('Created', CourseView) },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}',
    handler: 'http/get-course',
    summary: 'The course config with its deadlines as instants',
    tag: 'courses',
    params: CourseParams,
    responses: { 200: json('The course', CourseView) },
  },
  {
    method: 'PUT',
    path: '/courses/{courseId}/roster',
    handler: 'http/put-roster',
    access: ['table-read', 'table-write'],
    summary: 'Replace the roster (existing students keep their group)',
    tag: 'courses',
    params: CourseParams,
    body: RosterBody,
    bodyAlternatives: { 'text/csv': 'CSV with header email,name[,studentId]; UTF-8' },
    responses: { 200: json('What changed', RosterResult), 409: json('A removed student is in a group') },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/roster',
    handler: 'http/get-roster',
    summary: 'Students with their group',
    tag: 'courses',
    params: CourseParams,
    responses: { 200: json('The roster', RosterEntryView.array()) },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/me',
    handler: 'http/get-me',
    summary: "A student's own view: group, submissions, booking, published grades, deadlines",
    tag: 'courses',
    params: CourseParams,
    responses: { 200: json('The student view') },
  },
];
