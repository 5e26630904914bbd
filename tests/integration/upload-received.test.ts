import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { stackDeps } from '../support/stack-deps.js';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../shared/auth/caller.js';
import type { HttpResult } from '../../shared/http/responses.js';
import type { Deps } from '../../shared/runtime/deps.js';
import { coursePk, keys } from '../../shared/store/keys.js';
import { queryAll, queryCourse } from '../../shared/store/table-ops.js';
import { createUpload } from '../../shared/uploads/create-upload.js';
import { ReceiptInProgress, receiveUpload } from '../../shared/uploads/receive-upload.js';
import { createdObject } from '../../shared/uploads/s3-event.js';
import { ownerSubmissionsPrefix } from '../../shared/uploads/upload-store.js';
import { mailFor } from '../support/mailbox.js';
import { pdfWithPages } from '../support/pdf-fixtures.js';
import { contributionsOf, courseWithGroups, type GroupCourse } from '../e2e/upload-helpers.js';

// A bucket of its own: the local stack's handler (which watches examdesk-files) ignores its events,
// so this test alone decides when and how often the event is delivered.
const BUCKET = 'examdesk-it-uploads';
const base = stackDeps({ BUCKET_NAME: BUCKET });
const at = (iso: string): Deps =>
  Object.assign(Object.create(base) as Deps, { clock: { now: () => new Date(iso) } });

beforeAll(async () => {
  await base.s3.send(new CreateBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
});

const eventBridge = (key: string, time: string, size: number) => ({
  version: '0',
  id: `e-${Math.random()}`,
  'detail-type': 'Object Created',
  source: 'aws.s3',
  time,
  region: 'eu-west-3',
  resources: [`arn:aws:s3:::${BUCKET}`],
  detail: { version: '0', bucket: { name: BUCKET }, object: { key, size, etag: 'x' }, reason: 'PostObject' },
});

const upload = async (c: GroupCourse, requestedAt: string, pages: number) => {
  const caller: Caller = { email: c.membersA[0] ?? '', groups: [], isAdmin: false };
  const pdf = await pdfWithPages(pages);
  const result = (await createUpload(at(requestedAt), c.courseId, 'report', caller, {
    fileName: 'report.pdf',
    contentType: 'application/pdf',
    size: pdf.length,
    contributions: contributionsOf(c.membersA),
  })) as HttpResult;
  const ticket = result.body as { fields: Record<string, string>; submissionId: string; uploadId: string };
  const key = ticket.fields.key ?? '';
  await base.s3.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: pdf, ContentType: 'application/pdf' }),
  );
  return { key, pdf, ticket };
};

const receipts = async (c: GroupCourse, submissionId: string) =>
  (await mailFor(c.membersA[1] ?? '')).filter((m) => (m.body.text ?? '').includes(submissionId));

describe('upload-received: S3 delivers at least once', () => {
  it('an EventBridge event delivered twice at once, then again, records one submission and sends one receipt', async () => {
    const c = await courseWithGroups();
    const { key, pdf, ticket } = await upload(c, '2023-04-20T08:00:00Z', 10);
    const event = eventBridge(key, '2023-04-20T08:01:00Z', pdf.length);
    const read = createdObject(event);
    const object = 'object' in read ? read.object : undefined;
    if (!object) throw new Error('no object');
    const d = at('2023-04-20T08:01:05Z');
    const both = await Promise.allSettled([receiveUpload(d, object), receiveUpload(d, object)]);
    const outcomes = both.map((r) => (r.status === 'fulfilled' ? r.value.outcome : (r.reason as Error).name));
    expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(1);
    // The loser either lost the transaction (duplicate) or found the receipt being sent (retry later).
    expect(outcomes.filter((o) => o !== 'recorded')[0]).toMatch(/^(duplicate|ReceiptInProgress)$/);
    expect(await receiveUpload(d, object)).toEqual({
      outcome: 'duplicate',
      uploadId: ticket.uploadId,
      receiptResent: false,
    });

    const subs = await queryCourse(base, coursePk(c.courseId), ownerSubmissionsPrefix(c.groupA, 'report'));
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({
      submissionId: ticket.submissionId,
      status: 'accepted',
      pages: 10,
      receivedAt: '2023-04-20T08:01:00.000Z',
      late: false,
      contributions: contributionsOf(c.membersA),
    });
    expect(await receipts(c, ticket.submissionId)).toHaveLength(1);
    // The contributions moved to the submission; the upload item keeps the pointer.
    const [uploadItem] = await queryAll(base, {
      KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: {
        ':pk': coursePk(c.courseId),
        ':sk': keys.upload(c.courseId, ticket.uploadId).sk,
      },
    });
    expect(uploadItem).toMatchObject({ status: 'received', receipt: 'sent', submissionStatus: 'accepted' });
    expect(uploadItem?.contributions).toBeUndefined();
  });

  it('a receipt whose sender died is sent by a later delivery, not by one that comes too soon', async () => {
    const c = await courseWithGroups();
    const { key, pdf, ticket } = await upload(c, '2023-04-27T20:00:00Z', 3);
    const read = createdObject(eventBridge(key, '2023-04-27T20:00:30Z', pdf.length));
    const object = 'object' in read ? read.object : undefined;
    if (!object) throw new Error('no object');
    expect((await receiveUpload(at('2023-04-27T20:00:31Z'), object)).outcome).toBe('recorded');
    // Pretend the first sender crashed after claiming the receipt at 20:00:31.
    await base.db.send(
      new UpdateCommand({
        TableName: base.tableName,
        Key: keys.upload(c.courseId, ticket.uploadId),
        UpdateExpression: 'SET receipt = :s, receiptClaimedAt = :t',
        ExpressionAttributeValues: { ':s': 'sending', ':t': '2023-04-27T20:00:31.000Z' },
      }),
    );
    await expect(receiveUpload(at('2023-04-27T20:00:50Z'), object)).rejects.toBeInstanceOf(ReceiptInProgress);
    expect(await receiveUpload(at('2023-04-27T20:05:00Z'), object)).toMatchObject({
      outcome: 'duplicate',
      receiptResent: true,
    });
    expect(await receiveUpload(at('2023-04-27T20:10:00Z'), object)).toMatchObject({
      outcome: 'duplicate',
      receiptResent: false,
    });
    expect(await receipts(c, ticket.submissionId)).toHaveLength(2);
  });

  it('ignores objects that are not pending uploads', async () => {
    const d = at('2023-04-20T08:00:00Z');
    expect(await receiveUpload(d, { bucket: BUCKET, key: 'uploads/nope', time: new Date() })).toEqual({
      outcome: 'ignored',
      why: 'not an upload key',
    });
    expect(
      await receiveUpload(d, {
        bucket: BUCKET,
        key: 'uploads/no-course/report/g_abc/u_AAAAAAAAAAAAAAAAAAAA',
        time: new Date(),
      }),
    ).toEqual({ outcome: 'ignored', why: 'no course no-course' });
    expect((await receiveUpload(d, { bucket: 'other', key: 'x', time: new Date() })).outcome).toBe('ignored');
  });

  it('an extension is written with its audit record', async () => {
    const c = await courseWithGroups();
    const res = await c.teacher.put(`/courses/${c.courseId}/extensions/${c.groupB}`, {
      deliverableId: 'report',
      until: '2023-05-05T18:00',
      reason: 'Hospital stay',
    });
    expect(res.status, res.text).toBe(201);
    const audit = await queryAll(base, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.audit(c.courseId, '', '').pk },
    });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'extension.grant',
        actor: c.instructor,
        target: `report/${c.groupB}`,
        reason: 'Hospital stay',
        after: { deliverableId: 'report', ownerId: c.groupB, until: '2023-05-05T16:00:00.000Z' },
      }),
    ]);
  });
});
