import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { LOCAL_ADMIN, principalsOf, type Principal } from '../../local/aws/iam.js';
import { Sha256, verifySigV4, type SignedRequest } from '../../local/aws/sigv4.js';

const reader: Principal = {
  name: 'reader',
  accessKeyId: 'AKIAREADER',
  secretAccessKey: 'reader-secret',
  statements: [{ effect: 'Allow', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }],
};
const principals = principalsOf([LOCAL_ADMIN, reader]);
const region = 'eu-west-3';
const endpoint = 'http://127.0.0.1:4569';

const client = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
  new S3Client({ region, endpoint, forcePathStyle: true, credentials });

/** What the SDK would send: the signed request, captured by a request handler that sends nothing. */
const captured = async (
  command: GetObjectCommand | PutObjectCommand | ListObjectsV2Command,
  credentials: { accessKeyId: string; secretAccessKey: string } = reader,
): Promise<SignedRequest> => {
  let seen: HttpRequest | undefined;
  const s3 = new S3Client({
    region,
    endpoint,
    forcePathStyle: true,
    credentials,
    requestHandler: {
      handle: (request: HttpRequest) => {
        seen = request;
        return Promise.reject(new Error('captured'));
      },
    },
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one command type at a time
  await s3.send(command as any).catch(() => undefined);
  if (!seen) throw new Error('nothing sent');
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(seen.query ?? {}))
    for (const value of Array.isArray(v) ? v : [v]) search.append(k, value ?? '');
  const qs = search.toString().replace(/\+/g, '%20');
  const headers = Object.fromEntries(Object.entries(seen.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const body = seen.body === undefined ? undefined : Buffer.from(seen.body as string | Uint8Array);
  return {
    method: seen.method,
    url: `${seen.path}${qs ? `?${qs}` : ''}`,
    headers,
    ...(body ? { body } : {}),
  };
};

const fromUrl = (url: string, method = 'GET'): SignedRequest => {
  const u = new URL(url);
  return { method, url: u.pathname + u.search, headers: { host: u.host } };
};

describe('SigV4 verification (as AWS checks a request)', () => {
  it('accepts what the SDK signs: GET, PUT with a body, a list with a query, keys with spaces', async () => {
    const now = new Date();
    for (const command of [
      new GetObjectCommand({ Bucket: 'b', Key: 'uploads/a file (1).pdf' }),
      new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'hello', ContentType: 'text/plain' }),
      new ListObjectsV2Command({ Bucket: 'b', Prefix: 'uploads/x y', MaxKeys: 5 }),
    ]) {
      const req = await captured(command);
      await expect(verifySigV4(req, principals, now)).resolves.toMatchObject({
        ok: true,
        principal: { name: 'reader' },
        service: 's3',
        region,
      });
    }
  });

  it('refuses a forged signature, a changed path or header, an unknown key, an unsigned request', async () => {
    const now = new Date();
    const req = await captured(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
    const auth = String(req.headers.authorization);
    const forged = {
      ...req,
      headers: {
        ...req.headers,
        authorization: auth.replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`),
      },
    };
    await expect(verifySigV4(forged, principals, now)).resolves.toMatchObject({
      ok: false,
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    await expect(verifySigV4({ ...req, url: '/b/other' }, principals, now)).resolves.toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    await expect(
      verifySigV4({ ...req, headers: { ...req.headers, host: 'elsewhere:1' } }, principals, now),
    ).resolves.toMatchObject({ code: 'SignatureDoesNotMatch' });
    const stranger = await captured(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), {
      accessKeyId: 'AKIASTRANGER',
      secretAccessKey: 'x',
    });
    await expect(verifySigV4(stranger, principals, now)).resolves.toMatchObject({
      status: 403,
      code: 'InvalidAccessKeyId',
    });
    const wrongSecret = await captured(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), {
      accessKeyId: reader.accessKeyId,
      secretAccessKey: 'not-the-secret',
    });
    await expect(verifySigV4(wrongSecret, principals, now)).resolves.toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    await expect(
      verifySigV4({ method: 'GET', url: '/b/k', headers: { host: 'x' } }, principals, now),
    ).resolves.toMatchObject({ ok: false, status: 403, code: 'MissingAuthenticationToken' });
  });

  it('refuses a body that is not the one signed', async () => {
    const req = await captured(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'hello' }));
    // Without x-amz-content-sha256 the body itself is hashed into the signature; with it, the
    // body must match the declared digest.
    const headers = { ...req.headers };
    delete headers['x-amz-content-sha256'];
    const stripped = { ...req, headers };
    await expect(
      verifySigV4({ ...stripped, body: Buffer.from('other') }, principals, new Date()),
    ).resolves.toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    await expect(
      verifySigV4({ ...req, body: Buffer.from('other') }, principals, new Date()),
    ).resolves.toMatchObject({
      status: 400,
      code: 'XAmzContentSHA256Mismatch',
    });
    await expect(verifySigV4(req, principals, new Date())).resolves.toMatchObject({ ok: true });
  });

  it('refuses a header-signed request more than 15 minutes from now', async () => {
    const req = await captured(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
    const later = new Date(Date.now() + 16 * 60 * 1000);
    await expect(verifySigV4(req, principals, later)).resolves.toMatchObject({
      status: 403,
      code: 'RequestTimeTooSkewed',
    });
    await expect(verifySigV4(req, principals, new Date(Date.now() + 14 * 60 * 1000))).resolves.toMatchObject({
      ok: true,
    });
  });

  it('accepts a presigned GET until it expires, then refuses it', async () => {
    const url = await getSignedUrl(
      client(reader),
      new GetObjectCommand({
        Bucket: 'b',
        Key: 'uploads/r 1.pdf',
        VersionId: 'v1',
        ResponseContentDisposition: 'attachment; filename="r 1.pdf"',
      }),
      { expiresIn: 60 },
    );
    const req = fromUrl(url);
    await expect(verifySigV4(req, principals, new Date())).resolves.toMatchObject({ ok: true });
    await expect(verifySigV4(req, principals, new Date(Date.now() + 61_000))).resolves.toMatchObject({
      ok: false,
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
    });
    const tampered = fromUrl(
      url.replace('VersionId=v1', 'VersionId=v2').replace('versionId=v1', 'versionId=v2'),
    );
    await expect(verifySigV4(tampered, principals, new Date())).resolves.toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
  });

  it('is service-agnostic: a DynamoDB-style POST signed for another service verifies', async () => {
    const signer = new SignatureV4({
      service: 'dynamodb',
      region,
      credentials: reader,
      sha256: Sha256,
      applyChecksum: false,
    });
    const body = '{"TableName":"t"}';
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 8000,
      path: '/',
      query: {},
      headers: {
        host: '127.0.0.1:8000',
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.GetItem',
      },
      body,
    });
    const req: SignedRequest = {
      method: 'POST',
      url: '/',
      headers: Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v])),
      body: Buffer.from(body),
    };
    await expect(verifySigV4(req, principals, new Date())).resolves.toMatchObject({
      ok: true,
      service: 'dynamodb',
    });
    await expect(
      verifySigV4({ ...req, body: Buffer.from('{"TableName":"u"}') }, principals, new Date()),
    ).resolves.toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
  });
});
