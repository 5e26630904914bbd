import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { accessDeniedMessage, isAllowed, type Principal, type Principals } from '../aws/iam.js';

/**
 * What S3 enforces on a browser-form (presigned POST) upload and s3rver does not: the SigV4
 * signature of the policy by a known principal, its expiration, every condition (bucket, key,
 * Content-Type, content-length-range of the file), "every field must be covered by a condition",
 * and the signer's IAM permission s3:PutObject on the key. Refusals are S3's XML errors, written by
 * `sendS3Error` (the one S3 error writer of the local stack).
 *
 * A replayed form (same key, before it expires) is accepted, as S3 would: the object is stored
 * again (a new version) and another event fires; the event handler records an upload id only once.
 */
export interface S3ErrorReply {
  status: number;
  code: string;
  message: string;
  extra?: Record<string, string | number>;
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const newRequestId = () => randomBytes(8).toString('hex').toUpperCase();

/** S3's XML error body (HEAD gets the status and headers only). */
export const sendS3Error = (res: ServerResponse, e: S3ErrorReply, requestId = newRequestId()) => {
  const extra = Object.entries(e.extra ?? {})
    .map(([k, v]) => `<${k}>${xmlEscape(String(v))}</${k}>`)
    .join('');
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${e.code}</Code><Message>${xmlEscape(e.message)}</Message>${extra}` +
    `<RequestId>${requestId}</RequestId><HostId>examdesk-local</HostId></Error>`;
  res.writeHead(e.status, { 'content-type': 'application/xml', 'x-amz-request-id': requestId });
  res.end(body);
};

export const denied = (message: string, extra?: Record<string, string | number>): S3ErrorReply => ({
  status: 403,
  code: 'AccessDenied',
  message,
  ...(extra ? { extra } : {}),
});

/** The whole body, or undefined beyond `limit` bytes (the rest is drained). */
export const readBody = (req: IncomingMessage, limit: number): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** SigV4: the signing key for a date, region and service, then HMAC of the base64 policy. */
export const policySignature = (
  secret: string,
  date: string,
  region: string,
  service: string,
  policy: string,
) => {
  const kDate = hmac(`AWS4${secret}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  const kSigning = hmac(kService, 'aws4_request');
  return createHmac('sha256', kSigning).update(policy, 'utf8').digest('hex');
};

type Condition = Record<string, unknown> | unknown[];

export interface PostForm {
  /** Lower-case field name -> value, for the fields before the file. */
  fields: Map<string, string>;
  file?: { size: number; bytes?: Buffer; name?: string };
}

/** Fields S3 does not require a condition for. */
const EXEMPT = new Set(['file', 'policy', 'x-amz-signature']);

type Signers = Principals | { accessKeyId: string; secretAccessKey: string };

const signerOf = (signers: Signers, accessKeyId: string): Principal | undefined => {
  if ('byAccessKeyId' in signers) return signers.byAccessKeyId(accessKeyId);
  return accessKeyId === signers.accessKeyId
    ? { name: accessKeyId, ...signers, statements: 'admin' }
    : undefined;
};

/**
 * The policy checks of a POST form (signature by a known principal, expiry at `now`, conditions).
 * `signers`: the principals, or one key pair (allowed everything). No IAM check: see authorizePostForm.
 */
export const checkPostPolicy = (
  form: PostForm,
  bucket: string,
  now: Date,
  signers: Signers,
): S3ErrorReply | undefined => {
  const checked = checkPolicy(form, bucket, now, signers);
  return 'principal' in checked ? undefined : checked;
};

const checkPolicy = (
  form: PostForm,
  bucket: string,
  now: Date,
  signers: Signers,
): S3ErrorReply | { principal: Principal } => {
  const f = form.fields;
  const policyB64 = f.get('policy');
  if (!policyB64) return denied('Access Denied'); // an anonymous POST to a private bucket
  const signature = f.get('x-amz-signature');
  const credential = f.get('x-amz-credential');
  const algorithm = f.get('x-amz-algorithm');
  if (!signature || !credential || !algorithm)
    return {
      status: 400,
      code: 'InvalidRequest',
      message:
        'POST requires x-amz-algorithm, x-amz-credential, x-amz-date and x-amz-signature with a policy',
    };
  if (algorithm !== 'AWS4-HMAC-SHA256')
    return { status: 400, code: 'InvalidArgument', message: 'Unsupported x-amz-algorithm' };
  const [accessKeyId, date, region, service, terminal] = credential.split('/');
  const principal = signerOf(signers, accessKeyId ?? '');
  if (!principal)
    return {
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
      extra: { AWSAccessKeyId: accessKeyId ?? '' },
    };
  if (!date || !region || service !== 's3' || terminal !== 'aws4_request')
    return { status: 400, code: 'InvalidArgument', message: 'Malformed x-amz-credential' };
  const expected = policySignature(principal.secretAccessKey, date, region, service, policyB64);
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(signature, 'utf8');
  if (a.length !== b.length || !timingSafeEqual(a, b))
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    };
  let policy: { expiration?: unknown; conditions?: unknown };
  try {
    policy = JSON.parse(Buffer.from(policyB64, 'base64').toString('utf8')) as typeof policy;
  } catch {
    return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' };
  }
  const expiration = typeof policy.expiration === 'string' ? new Date(policy.expiration) : undefined;
  if (!expiration || Number.isNaN(expiration.getTime()) || !Array.isArray(policy.conditions))
    return {
      status: 400,
      code: 'InvalidPolicyDocument',
      message: 'Invalid Policy: Invalid Simple-Condition',
    };
  if (now.getTime() > expiration.getTime()) return denied('Invalid according to Policy: Policy expired.');

  const covered = new Set<string>();
  // The bucket is the one posted to (the URL), whatever a `bucket` field says.
  const valueOf = (name: string): string | undefined => (name === 'bucket' ? bucket : f.get(name));
  const failed = (c: Condition) =>
    denied(`Invalid according to Policy: Policy Condition failed: ${JSON.stringify(c)}`);
  for (const c of policy.conditions as Condition[]) {
    if (Array.isArray(c)) {
      const [op, rawField, a1] = c as [unknown, unknown, unknown];
      if (op === 'content-length-range') {
        const min = Number(rawField);
        const max = Number(a1);
        const size = form.file?.size ?? 0;
        if (size < min)
          return {
            status: 400,
            code: 'EntityTooSmall',
            message: 'Your proposed upload is smaller than the minimum allowed size',
            extra: { ProposedSize: size, MinSizeAllowed: min },
          };
        if (size > max)
          return {
            status: 400,
            code: 'EntityTooLarge',
            message: 'Your proposed upload exceeds the maximum allowed size',
            extra: { ProposedSize: size, MaxSizeAllowed: max },
          };
        continue;
      }
      if (typeof rawField !== 'string' || !rawField.startsWith('$'))
        return {
          status: 400,
          code: 'InvalidPolicyDocument',
          message: `Invalid Policy: Invalid condition ${JSON.stringify(c)}`,
        };
      const field = rawField.slice(1).toLowerCase();
      covered.add(field);
      const actual = valueOf(field) ?? '';
      const expectedValue = String(a1 ?? '');
      if (op === 'eq' && actual !== expectedValue) return failed(c);
      if (op === 'starts-with' && !actual.startsWith(expectedValue)) return failed(c);
      if (op !== 'eq' && op !== 'starts-with')
        return {
          status: 400,
          code: 'InvalidPolicyDocument',
          message: `Invalid Policy: Unknown operation ${String(op)}`,
        };
      continue;
    }
    for (const [name, value] of Object.entries(c)) {
      const field = name.toLowerCase();
      covered.add(field);
      if ((valueOf(field) ?? '') !== String(value)) return failed(c);
    }
  }
  if (!covered.has('bucket')) return failed({ bucket });
  const extra = [...f.keys()].filter((k) => !EXEMPT.has(k) && !k.startsWith('x-ignore-') && !covered.has(k));
  if (extra.length) return denied(`Invalid according to Policy: Extra input fields: ${extra.join(', ')}`);
  return { principal };
};

/** The object key a form names: its `key` field, with ${filename} replaced by the file's name. */
export const postFormKey = (form: PostForm): string | undefined => {
  const key = form.fields.get('key');
  return key === undefined ? undefined : key.replace(/\$\{filename\}/g, form.file?.name ?? '');
};

/**
 * Everything S3 checks before storing a POST form upload: the policy (checkPostPolicy), then the
 * signer's identity-based permission s3:PutObject on arn:aws:s3:::<bucket>/<key>.
 */
export const authorizePostForm = (
  form: PostForm,
  bucket: string,
  now: Date,
  principals: Principals,
): { ok: true; principal: Principal; key: string } | { ok: false; reply: S3ErrorReply } => {
  const key = postFormKey(form);
  if (!key)
    return {
      ok: false,
      reply: {
        status: 400,
        code: 'InvalidArgument',
        message:
          "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.",
        extra: { ArgumentName: 'key', ArgumentValue: '' },
      },
    };
  const checked = checkPolicy(form, bucket, now, principals);
  if (!('principal' in checked)) return { ok: false, reply: checked };
  const resource = `arn:aws:s3:::${bucket}/${key}`;
  if (!isAllowed(checked.principal, 's3:PutObject', resource))
    return { ok: false, reply: denied(accessDeniedMessage(checked.principal, 's3:PutObject', resource)) };
  return { ok: true, principal: checked.principal, key };
};

/** Reads the multipart form the way S3 does: fields up to the file; anything after it is ignored. */
export const parsePostForm = async (body: Buffer, contentType: string): Promise<PostForm | undefined> => {
  let data: FormData;
  try {
    data = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return undefined;
  }
  const fields = new Map<string, string>();
  for (const [name, value] of data) {
    const key = name.toLowerCase();
    if (key === 'file') {
      const bytes = typeof value === 'string' ? Buffer.from(value) : Buffer.from(await value.arrayBuffer());
      return {
        fields,
        file: { size: bytes.length, bytes, ...(typeof value === 'string' ? {} : { name: value.name }) },
      };
    }
    if (typeof value === 'string') fields.set(key, value);
  }
  return { fields };
};

/** A multipart/form-data POST to a bucket (no key in the path, no query): S3's browser upload. */
export const isPostForm = (req: IncomingMessage): boolean => {
  const url = new URL(req.url ?? '/', 'http://local');
  return (
    req.method === 'POST' &&
    url.pathname.split('/').filter(Boolean).length === 1 &&
    !url.search &&
    /^multipart\/form-data/i.test(req.headers['content-type'] ?? '')
  );
};
