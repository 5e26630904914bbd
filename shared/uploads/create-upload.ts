import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '../auth/caller.js';
import { loadAccess } from '../courses/access.js';
import { describeInZone, isoInZone } from '../domain/local-time.js';
import { submissionWindow, uploadsOpen } from '../domain/submission-rules.js';
import {
  contributionProblems,
  declaredFileProblems,
  normalizeContributions,
  type RuleProblem,
} from '../domain/upload-rules.js';
import { BadRequest, DeadlinePassed, Forbidden, PayloadTooLarge } from '../errors.js';
import { created } from '../http/responses.js';
import type { Deps } from '../runtime/deps.js';
import { toGroup } from '../store/group-repo.js';
import { coursePk, keys } from '../store/keys.js';
import { batchGetAll, queryCourse } from '../store/table-ops.js';
import { contributionEntity, ownerContributionsPrefix } from './contribution-store.js';
import { findDeliverable } from './deliverable.js';
import { newUploadId, objectKeyFor, ownerOf, submissionIdOf } from './owner.js';
import { presignUploadForm } from './presign.js';
import type { CreateUploadBody } from './schemas.js';
import { toExtension, uploadItem, type UploadRecord } from './upload-store.js';

/**
 * Hands a student a presigned POST form for one file of a deliverable, after checking that the
 * caller owns it (self, or own group), that it is still open for them (due + extension + grace),
 * that the declared name, type and size fit the deliverable, and, for deliverables that require
 * them, that every current member has a contribution statement. Records the pending upload.
 *
 * DynamoDB: the access BatchGet (course, caller, and the caller's own extension in case the
 * deliverable is per student), then for a group deliverable a BatchGet of the group and its
 * extension, then the Put of the upload: 3 calls. When the body leaves a member without a statement,
 * one Query more reads the members' own statements (PUT …/contributions/me) before refusing.
 */
export const createUpload = async (
  d: Deps,
  courseId: string,
  deliverableId: string,
  caller: Caller,
  body: CreateUploadBody,
) => {
  const access = await loadAccess(d, courseId, caller, [
    keys.extension(courseId, deliverableId, caller.email),
  ]);
  const { course } = access;
  const zone = course.config.timeZone;
  const deliverable = findDeliverable(course, deliverableId);
  if (!access.student)
    throw new Forbidden('Only students upload deliverables, for themselves or for their own group');
  const student = access.student;
  const owner = ownerOf(deliverable, student);
  if (!owner)
    throw new Forbidden(
      `${deliverable.title} is uploaded by a group and you are in no group yet; form or join one first`,
      'not_in_group',
    );
  if (body.ownerId !== undefined && body.ownerId !== owner.id)
    throw new Forbidden(
      owner.kind === 'group'
        ? `You can only upload ${deliverable.title} for your own group (${owner.id})`
        : `You can only upload ${deliverable.title} for yourself`,
      'not_owner',
    );

  let members = [student.email];
  let extensionItem = access.extras.find(
    (i) => i.sk === keys.extension(courseId, deliverableId, owner.id).sk,
  );
  if (owner.kind === 'group') {
    const items = await batchGetAll(d, [
      keys.group(courseId, owner.id),
      keys.extension(courseId, deliverableId, owner.id),
    ]);
    const group = toGroup(items.find((i) => i.sk === keys.group(courseId, owner.id).sk));
    if (!group || !group.members.includes(student.email))
      throw new Forbidden(`You are not a member of group ${owner.id}`, 'not_owner');
    members = group.members;
    extensionItem = items.find((i) => i.sk === keys.extension(courseId, deliverableId, owner.id).sk);
  }
  const extension = toExtension(extensionItem);
  const window = submissionWindow(deliverable, zone, extension ? new Date(extension.until) : undefined);
  const now = d.clock.now();
  if (!uploadsOpen(now, window))
    throw new DeadlinePassed(
      `${deliverable.title} closed on ${describeInZone(window.closesAt, zone)}` +
        `${extension ? ' (with your extension)' : ''}; ask an instructor for an extension`,
    );

  const { problems, tooLarge } = declaredFileProblems(deliverable, body);
  let missing: string[] = [];
  if (deliverable.requiresContributions) {
    let c = contributionProblems(members, body.contributions);
    if (c.missing.length) {
      // Members may have written or confirmed their own statement: those need none in the body.
      const own = contributionEntity.parseAll(
        await queryCourse(d, coursePk(courseId), ownerContributionsPrefix(owner.id, deliverableId)),
      );
      c = contributionProblems(members, body.contributions, new Set(own.map((s) => s.email)));
    }
    problems.push(...c.problems);
    missing = c.missing;
  }
  if (problems.length) refuse(problems, tooLarge, missing);

  const uploadId = newUploadId();
  const key = objectKeyFor(courseId, deliverableId, owner, uploadId);
  const form = await presignUploadForm(d, { key, contentType: body.contentType, size: body.size });
  const contributions = deliverable.requiresContributions
    ? normalizeContributions(members, body.contributions)
    : undefined;
  const record: UploadRecord = {
    courseId,
    uploadId,
    submissionId: submissionIdOf(uploadId),
    deliverableId,
    ownerKind: owner.kind,
    ownerId: owner.id,
    members,
    fileName: body.fileName,
    contentType: body.contentType,
    size: body.size,
    ...(contributions ? { contributions } : {}),
    requestedBy: student.email,
    requestedAt: now.toISOString(),
    expiresAt: form.expiresAt.toISOString(),
    objectKey: key,
    status: 'pending',
  };
  await d.db.send(
    new PutCommand({
      TableName: d.tableName,
      Item: uploadItem(record),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return created({
    uploadId,
    submissionId: record.submissionId,
    url: form.url,
    fields: form.fields,
    expiresAt: isoInZone(form.expiresAt, zone),
    maxBytes: deliverable.maxBytes,
    deadline: isoInZone(window.closesAt, zone),
  });
};

const refuse = (problems: RuleProblem[], tooLarge: boolean, missing: string[]): never => {
  if (tooLarge && problems.length === 1) throw new PayloadTooLarge(`Too large: ${problems[0]?.message}`);
  if (missing.length)
    throw new BadRequest(
      `Contribution statements are missing for: ${missing.join(', ')}`,
      problems,
      'contributions_missing',
    );
  throw new BadRequest('This file cannot be uploaded here', problems, 'invalid_upload');
};
