import * as z from 'zod';
import {
  CreateUploadBody,
  DeliverableParams,
  DownloadView,
  ExtensionBody,
  ExtensionParams,
  ExtensionView,
  SubmissionParams,
  SubmissionsQuery,
  SubmissionsWithMissing,
  SubmissionView,
  UploadTicket,
} from '../../shared/uploads/schemas.js';
import { json, type Route } from './route.js';

export const uploadRoutes: Route[] = [
  {
    method: 'POST',
    path: '/courses/{courseId}/deliverables/{deliverableId}/uploads',
    handler: 'http/create-upload',
    summary:
      'Ask for a presigned POST form for one file of a deliverable (own file, or own group). The file then goes straight to S3 as multipart/form-data: the returned fields first, the file last as `file`.',
    tag: 'deliverables',
    // The form is signed with this function's credentials: S3 checks them for s3:PutObject.
    access: ['table-read', 'table-write', 'bucket-write'],
    params: DeliverableParams,
    body: CreateUploadBody,
    responses: {
      201: json('The form: POST it to `url` within 10 minutes', UploadTicket),
      413: json('The declared size exceeds the deliverable limit'),
    },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/deliverables/{deliverableId}/submissions',
    handler: 'http/list-submissions',
    summary:
      "A deliverable's submissions: an owner sees their own versions, instructors everyone's; `include=missing` (instructors) adds who has nothing accepted",
    tag: 'deliverables',
    params: DeliverableParams,
    query: SubmissionsQuery,
    responses: {
      200: json(
        'Every version (and forms not yet received, as pending); with include=missing, `{ submissions, missing }`',
        z.union([z.array(SubmissionView), SubmissionsWithMissing]),
      ),
    },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/submissions/{submissionId}/download',
    handler: 'http/download-submission',
    summary: 'A 5-minute link to the stored file of a submission (owner or instructor)',
    tag: 'deliverables',
    access: ['table-read', 'bucket-read'],
    params: SubmissionParams,
    responses: { 200: json('The presigned GET', DownloadView) },
  },
  {
    method: 'PUT',
    path: '/courses/{courseId}/extensions/{ownerId}',
    handler: 'http/put-extension',
    summary:
      "Extend one owner's deadline for a deliverable (group id, or student email for per-student deliverables); audited, owners are emailed",
    tag: 'deliverables',
    // The owners' mails are outbox items in the extension's transaction: the mail sender sends them.
    access: ['table-read', 'table-write'],
    params: ExtensionParams,
    body: ExtensionBody,
    responses: { 200: json('Replaced an extension', ExtensionView), 201: json('Granted', ExtensionView) },
  },
];
