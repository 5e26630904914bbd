import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ADMIN, principalsOf, type Principal } from '../../local/aws/iam.js';
import { LocalClock } from '../../local/local-clock.js';
import { startS3Local, type ObjectCreatedEvent, type S3Local } from '../../local/services/s3-local.js';

const region = 'eu-west-3';
const bucket = 'exam-files';
const arn = `arn:aws:s3:::${bucket}`;

/** Reads and writes under uploads/, may list, but may not read old versions. */
const app: Principal = {
  name: 'app-fn',
  accessKeyId: 'AKIAAPPFN',
  secretAccessKey: 'app-secret',
  statements: [
    { effect: 'Allow', actions: ['s3:GetObject', 's3:PutObject'], resources: [`${arn}/uploads/*`] },
    { effect: 'Allow', actions: ['s3:ListBucket'], resources: [arn] },
  ],
};
/** May read objects, may not list: a missing key looks forbidden. */
const reader: Principal = {
  name: 'reader-fn',
  accessKeyId: 'AKIAREADER',
  secretAccessKey: 'reader-secret',
  statements: [{ effect: 'Allow', actions: ['s3:GetObject*'], resources: [`${arn}/*`] }],
};
const principals = principalsOf([LOCAL_ADMIN, app, reader]);

const dataDir = mkdtempSync(join(tmpdir(), 'examdesk-s3-test-'));
const clock = new LocalClock();
let s3local: S3Local;
const events: ObjectCreatedEvent[] = [];
const start = async () => {
  s3local = await startS3Local({
    buckets: [{ name: bucket, versioned: true }],
    principals,
    region,
    clock,
    dataDir,
  });
  s3local.onObjectCreated((e) => events.push(e));
};
const client = (p: { accessKeyId: string; secretAccessKey: string }) =>
  new S3Client({ region, endpoint: s3local.endpoint, forcePathStyle: true, credentials: p });

beforeAll(start);
afterAll(async () => {
  await s3local.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    if (error instanceof S3ServiceException)
      return { name: error.name, status: error.$metadata.httpStatusCode, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
};
const text = async (p: Promise<{ Body?: { transformToString(): Promise<string> } }>) =>
  (await p).Body?.transformToString();

describe('local S3: authentication (SigV4) and IAM', () => {
  it('refuses unsigned GET, PUT, DELETE and list with 403 AccessDenied', async () => {
    await client(LOCAL_ADMIN).send(new PutObjectCommand({ Bucket: bucket, Key: 'uploads/open', Body: 'x' }));
    for (const [method, path] of [
      ['GET', `/${bucket}/uploads/open`],
      ['PUT', `/${bucket}/uploads/open`],
      ['DELETE', `/${bucket}/uploads/open`],
      ['GET', `/${bucket}?list-type=2`],
    ] as const) {
      const res = await fetch(`${s3local.endpoint}${path}`, {
        method,
        ...(method === 'PUT' ? { body: 'y' } : {}),
      });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await res.text()).toContain('<Code>AccessDenied</Code>');
    }
    await expect(
      text(client(LOCAL_ADMIN).send(new GetObjectCommand({ Bucket: bucket, Key: 'uploads/open' }))),
    ).resolves.toBe('x');
  });

  it('refuses a forged signature and an unknown access key', async () => {
    expect(
      await failure(
        client({ accessKeyId: app.accessKeyId, secretAccessKey: 'guessed' }).send(
          new GetObjectCommand({ Bucket: bucket, Key: 'uploads/open' }),
        ),
      ),
    ).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(
      await failure(
        client({ accessKeyId: 'AKIANOBODY', secretAccessKey: 'x' }).send(
          new ListObjectsV2Command({ Bucket: bucket }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidAccessKeyId', status: 403 });
  });

  it('refuses what the principal is not granted, in AWS words', async () => {
    expect(
      await failure(client(app).send(new PutObjectCommand({ Bucket: bucket, Key: 'grades/x', Body: 'x' }))),
    ).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:sts::000000000000:assumed-role/app-fn/app-fn is not authorized to perform: s3:PutObject on resource: ${arn}/grades/x because no identity-based policy allows the s3:PutObject action`,
    });
    expect(
      await failure(client(app).send(new DeleteObjectCommand({ Bucket: bucket, Key: 'uploads/open' }))),
    ).toMatchObject({
      name: 'AccessDenied',
    });
    expect(await failure(client(reader).send(new ListObjectsV2Command({ Bucket: bucket })))).toMatchObject({
      name: 'AccessDenied',
    });
    const listed = await client(app).send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'uploads/' }));
    expect(listed.Contents?.map((c) => c.Key)).toContain('uploads/open');
  });

  it('answers a missing key with 404 NoSuchKey only to a principal that may list the bucket', async () => {
    expect(
      await failure(client(app).send(new GetObjectCommand({ Bucket: bucket, Key: 'uploads/none' }))),
    ).toMatchObject({
      name: 'NoSuchKey',
      status: 404,
    });
    expect(
      await failure(client(reader).send(new GetObjectCommand({ Bucket: bucket, Key: 'uploads/none' }))),
    ).toMatchObject({
      name: 'AccessDenied',
      status: 403,
    });
  });

  it('serves a presigned GET (with response overrides) until it expires', async () => {
    const command = new GetObjectCommand({
      Bucket: bucket,
      Key: 'uploads/open',
      ResponseContentDisposition: 'attachment; filename="open.txt"',
    });
    const url = await getSignedUrl(client(app), command, { expiresIn: 60 });
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toBe('attachment; filename="open.txt"');
    expect(await ok.text()).toBe('x');

    const expired = await getSignedUrl(client(app), command, {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 2 * 60_000),
    });
    const res = await fetch(expired);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);

    const forged = new URL(url);
    forged.searchParams.set('X-Amz-Signature', '0'.repeat(64));
    expect((await fetch(forged)).status).toBe(403);
  });

  it('accepts a presigned PUT for the signer, within its grants', async () => {
    const url = await getSignedUrl(
      client(app),
      new PutObjectCommand({ Bucket: bucket, Key: 'uploads/presigned' }),
      {
        expiresIn: 60,
      },
    );
    const res = await fetch(url, { method: 'PUT', body: 'via link' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-amz-version-id')).toMatch(/^[\w-]{32}$/);
    await expect(
      text(client(app).send(new GetObjectCommand({ Bucket: bucket, Key: 'uploads/presigned' }))),
    ).resolves.toBe('via link');
  });
});

describe('local S3: versioning', () => {
  it('keeps every PUT as a version: ?versionId serves that version, no versionId the latest', async () => {
    const s3 = client(app);
    const key = 'uploads/two-puts.txt';
    const first = await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'first', ContentType: 'text/plain' }),
    );
    const second = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'second!' }));
    expect(first.VersionId).toMatch(/^[\w-]{32}$/);
    expect(second.VersionId).not.toBe(first.VersionId);

    const admin = client(LOCAL_ADMIN);
    const old = await admin.send(
      new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: first.VersionId }),
    );
    expect(old.VersionId).toBe(first.VersionId);
    expect(old.ContentType).toBe('text/plain');
    expect(await old.Body?.transformToString()).toBe('first');
    const latest = await admin.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    expect(latest.VersionId).toBe(second.VersionId);
    expect(await latest.Body?.transformToString()).toBe('second!');
    const head = await admin.send(
      new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: first.VersionId }),
    );
    expect(head.ContentLength).toBe(5);
    expect(head.Metadata?.['x-examdesk-version-id']).toBeUndefined();

    // s3:GetObject does not grant s3:GetObjectVersion.
    expect(
      await failure(s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: first.VersionId }))),
    ).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(
      await failure(
        admin.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: 'A'.repeat(32) })),
      ),
    ).toMatchObject({ name: 'NoSuchVersion', status: 404 });
  });

  it('keeps the first upload of a replayed POST form, served by its version id', async () => {
    const key = 'uploads/form.pdf';
    const { url, fields } = await createPresignedPost(client(app), {
      Bucket: bucket,
      Key: key,
      Conditions: [['content-length-range', 6, 6]],
      Fields: { 'Content-Type': 'application/pdf' },
      Expires: 600,
    });
    const post = (bytes: string, at?: string) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([bytes]), 'form.pdf');
      return fetch(url, { method: 'POST', body: form, headers: at ? { 'x-examdesk-now': at } : {} });
    };
    const before = events.length;
    // Sent "one minute later" on the local clock (x-examdesk-now), within the form's 10 minutes.
    const at = new Date(Date.now() + 60_000);
    const first = await post('%PDF-1', at.toISOString());
    expect(first.status).toBe(204);
    const firstVersion = first.headers.get('x-amz-version-id');
    expect(firstVersion).toMatch(/^[\w-]{32}$/);
    const replay = await post('%PDF-2');
    expect(replay.status).toBe(204);
    expect(replay.headers.get('x-amz-version-id')).not.toBe(firstVersion);

    const admin = client(LOCAL_ADMIN);
    await expect(
      text(admin.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: firstVersion ?? '' }))),
    ).resolves.toBe('%PDF-1');
    await expect(text(admin.send(new GetObjectCommand({ Bucket: bucket, Key: key })))).resolves.toBe(
      '%PDF-2',
    );

    // The signer needs s3:PutObject on the key: a form signed by the reader is refused.
    const byReader = await createPresignedPost(client(reader), {
      Bucket: bucket,
      Key: key,
      Fields: { 'Content-Type': 'application/pdf' },
      Expires: 600,
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(byReader.fields)) form.append(k, v);
    form.append('file', new Blob(['%PDF-3']), 'form.pdf');
    const refused = await fetch(byReader.url, { method: 'POST', body: form });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('is not authorized to perform: s3:PutObject');

    // Events: EventBridge's "Object Created", stamped at the request's instant.
    const created = events.slice(before).filter((e) => e.detail.object.key === key);
    expect(created).toHaveLength(2);
    expect(created[0]).toEqual({
      version: '0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'detail-type': 'Object Created',
      source: 'aws.s3',
      account: '000000000000',
      time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region,
      resources: [arn],
      detail: {
        version: '0',
        bucket: { name: bucket },
        object: {
          key,
          size: 6,
          etag: expect.stringMatching(/^[0-9a-f]{32}$/),
          'version-id': firstVersion,
          sequencer: expect.stringMatching(/^[0-9A-F]{18}$/),
        },
        'request-id': expect.any(String),
        requester: '000000000000',
        'source-ip-address': '127.0.0.1',
        reason: 'PostObject',
      },
    });
    expect(created[1]?.detail.object['version-id']).toBe(replay.headers.get('x-amz-version-id'));
    expect(created[1]!.detail.object.sequencer > created[0]!.detail.object.sequencer).toBe(true);
  });

  it('stores a streamed PUT (aws-chunked with a trailing checksum) as its bytes', async () => {
    const put = await client(app).send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'uploads/streamed',
        Body: Readable.from([Buffer.from('chunk-1 '), Buffer.from('chunk-2')]),
        ContentLength: 15,
      }),
    );
    const got = await client(LOCAL_ADMIN).send(
      new GetObjectCommand({ Bucket: bucket, Key: 'uploads/streamed', VersionId: put.VersionId }),
    );
    expect(await got.Body?.transformToString()).toBe('chunk-1 chunk-2');
  });

  it('emits PutObject events with the version id', async () => {
    const before = events.length;
    const put = await client(app).send(
      new PutObjectCommand({ Bucket: bucket, Key: 'uploads/evt', Body: 'abc' }),
    );
    const event = events.slice(before).find((e) => e.detail.object.key === 'uploads/evt');
    expect(event?.detail).toMatchObject({
      reason: 'PutObject',
      object: { size: 3, 'version-id': put.VersionId, etag: put.ETag?.replace(/"/g, '') },
    });
  });

  it('keeps versions across a restart (persisted under dataDir) and after a delete', async () => {
    const admin = client(LOCAL_ADMIN);
    const put = await admin.send(new PutObjectCommand({ Bucket: bucket, Key: 'uploads/kept', Body: 'kept' }));
    const deleted = await admin.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'uploads/kept' }));
    expect(deleted.DeleteMarker).toBe(true);
    await s3local.stop();
    await start();
    const again = client(LOCAL_ADMIN);
    await expect(
      text(
        again.send(new GetObjectCommand({ Bucket: bucket, Key: 'uploads/kept', VersionId: put.VersionId })),
      ),
    ).resolves.toBe('kept');
    expect(
      await failure(again.send(new GetObjectCommand({ Bucket: bucket, Key: 'uploads/kept' }))),
    ).toMatchObject({
      name: 'NoSuchKey',
    });
  });
});
