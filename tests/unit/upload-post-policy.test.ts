import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { checkPostPolicy } from '../../local/services/s3-post-policy-guard.js';
import { presignUploadForm } from '../../shared/uploads/presign.js';

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const s3 = new S3Client({
  region: 'eu-west-3',
  endpoint: 'http://127.0.0.1:9',
  forcePathStyle: true,
  credentials,
});
const signedAt = new Date('2023-04-28T21:58:00Z'); // 23:58 in Paris
const key = 'uploads/c-1/report/g_abc/u_AAAAAAAAAAAAAAAAAAAA';

const form = async () => {
  const f = await presignUploadForm(
    { s3, bucket: 'examdesk-files', clock: { now: () => signedAt } },
    { key, contentType: 'application/pdf', size: 1000 },
  );
  const fields = new Map(Object.entries(f.fields).map(([k, v]) => [k.toLowerCase(), v]));
  return { ...f, fields };
};
const at = (iso: string) => new Date(iso);

describe('presigned POST policy, as S3 enforces it', () => {
  it('is dated by the course clock and expires 10 minutes later', async () => {
    const f = await form();
    expect(f.expiresAt.toISOString()).toBe('2023-04-28T22:08:00.000Z');
    expect(f.fields.get('x-amz-date')).toBe('20230428T215800Z');
  });

  it('accepts the exact form, including a file that arrives at 00:01 (the policy has not expired)', async () => {
    const f = await form();
    expect(
      checkPostPolicy(
        { fields: f.fields, file: { size: 1000 } },
        'examdesk-files',
        at('2023-04-28T22:01:00Z'),
        credentials,
      ),
    ).toBeUndefined();
  });

  it('refuses an expired form, a wrong size, a changed type or key, a forged signature, extra fields', async () => {
    const f = await form();
    const check = (
      fields: Map<string, string>,
      size = 1000,
      bucket = 'examdesk-files',
      now = '2023-04-28T22:00:00Z',
    ) => checkPostPolicy({ fields, file: { size } }, bucket, at(now), credentials);
    const edit = (k: string, v: string) => new Map([...f.fields, [k, v]]);

    expect(check(f.fields, 1000, 'examdesk-files', '2023-04-28T22:08:01Z')).toMatchObject({
      status: 403,
      code: 'AccessDenied',
      message: 'Invalid according to Policy: Policy expired.',
    });
    expect(check(f.fields, 999)).toMatchObject({
      status: 400,
      code: 'EntityTooSmall',
      extra: { MinSizeAllowed: 1000 },
    });
    expect(check(f.fields, 30 * 1024 * 1024)).toMatchObject({ status: 400, code: 'EntityTooLarge' });
    expect(check(edit('content-type', 'text/plain'))).toMatchObject({
      status: 403,
      message: expect.stringContaining('Invalid according to Policy: Policy Condition failed'),
    });
    expect(check(edit('key', 'uploads/c-1/report/g_other/u_AAAAAAAAAAAAAAAAAAAA'))).toMatchObject({
      status: 403,
    });
    expect(check(f.fields, 1000, 'another-bucket')).toMatchObject({ status: 403 });
    expect(check(edit('x-amz-signature', '0'.repeat(64)))).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    expect(check(edit('x-amz-meta-grade', '20'))).toMatchObject({
      status: 403,
      message: 'Invalid according to Policy: Extra input fields: x-amz-meta-grade',
    });
    expect(check(edit('x-ignore-note', 'fine'))).toBeUndefined();
    const noPolicy = new Map(f.fields);
    noPolicy.delete('policy');
    expect(check(noPolicy)).toMatchObject({ status: 403, code: 'AccessDenied' });
  });

  it('refuses a policy signed with another secret', async () => {
    const other = new S3Client({
      region: 'eu-west-3',
      endpoint: 'http://127.0.0.1:9',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'not-the-secret' },
    });
    const f = await presignUploadForm(
      { s3: other, bucket: 'examdesk-files', clock: { now: () => signedAt } },
      { key, contentType: 'application/pdf', size: 1000 },
    );
    const fields = new Map(Object.entries(f.fields).map(([k, v]) => [k.toLowerCase(), v]));
    expect(
      checkPostPolicy({ fields, file: { size: 1000 } }, 'examdesk-files', signedAt, credentials),
    ).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
  });
});
