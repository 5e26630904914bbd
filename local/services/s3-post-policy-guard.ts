import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLOCK_HEADER, requestedInstant, type LocalClock } from '../local-clock.js';
import type { S3Guard } from './s3-local.js';

/**
 * What S3 enforces on a browser-form (presigned POST) upload and s3rver does not: the SigV4
 * signature of the policy, its expiration, and every condition (bucket, key, Content-Type,
 * content-length-range of the file), plus "every field must be covered by a condition". Refusals
 * are S3's XML errors. Everything else (and a POST that passes) goes on to s3rver.
 *
 * The POST is forwarded inside the local clock's per-request context when it carries
 * x-examdesk-now, so the object event s3rver emits (synchronously, within that context) is stamped
 * with the request's instant: a test can upload "at 00:01" without moving everyone's clock.
 *
 * A replayed form (same key, before it expires) is accepted, as S3 would: the object is stored
 * again and another event fires; the event handler records an upload id only once.
 */
export interface PostPolicyGuardOptions {
  clock: LocalClock;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Bodies above this are refused before parsing (local memory guard; S3's own limit is 5 GB). */
  maxBodyBytes?: number;
}

interface S3ErrorReply {
  status: number;
  code: string;
  message: string;
  extra?: Record<string, string | number>;
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const sendError = (res: ServerResponse, e: S3ErrorReply) => {
  const requestId = Math.random().toString(16).slice(2, 18).toUpperCase();
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

const denied = (message: string, extra?: Record<string, string | number>): S3ErrorReply => ({
  status: 403,
  code: 'AccessDenied',
  message,
  ...(extra ? { extra } : {}),
});

const readBody = (req: IncomingMessage, limit: number): Promise<Buffer | undefined> =>
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

interface Form {
  /** Lower-case field name -> value, for the fields before the file. */
  fields: Map<string, string>;
  file?: { size: number };
}

/** Fields S3 does not require a condition for. */
const EXEMPT = new Set(['file', 'policy', 'x-amz-signature']);

export const checkPostPolicy = (
  form: Form,
  bucket: string,
  now: Date,
  credentials: { accessKeyId: string; secretAccessKey: string },
): S3ErrorReply | undefined => {
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
  if (accessKeyId !== credentials.accessKeyId)
    return denied('The AWS Access Key Id you provided does not exist in our records.', {
      AWSAccessKeyId: accessKeyId ?? '',
    });
  if (!date || !region || service !== 's3' || terminal !== 'aws4_request')
    return { status: 400, code: 'InvalidArgument', message: 'Malformed x-amz-credential' };
  const expected = policySignature(credentials.secretAccessKey, date, region, service, policyB64);
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
  return undefined;
};

/** Reads the multipart form the way S3 does: fields up to the file; anything after it is ignored. */
const parseForm = async (body: Buffer, contentType: string): Promise<Form | undefined> => {
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
      return { fields, file: { size: typeof value === 'string' ? Buffer.byteLength(value) : value.size } };
    }
    if (typeof value === 'string') fields.set(key, value);
  }
  return { fields };
};

export const createPostPolicyGuard = (options: PostPolicyGuardOptions): S3Guard => {
  const limit = options.maxBodyBytes ?? 512 * 1024 * 1024;
  return async (req, res, forward) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const segments = url.pathname.split('/').filter(Boolean);
    const contentType = req.headers['content-type'] ?? '';
    const bucket = segments[0];
    if (
      req.method !== 'POST' ||
      segments.length !== 1 ||
      !bucket ||
      url.search ||
      !/^multipart\/form-data/i.test(contentType)
    )
      return false;
    const instant = requestedInstant(req.headers[CLOCK_HEADER]);
    const body = await readBody(req, limit);
    if (!body) {
      sendError(res, {
        status: 400,
        code: 'EntityTooLarge',
        message: 'Your proposed upload exceeds the maximum allowed size',
      });
      return true;
    }
    const form = await parseForm(body, contentType);
    if (!form) {
      sendError(res, {
        status: 400,
        code: 'MalformedPOSTRequest',
        message: 'The body of your POST request is not well-formed multipart/form-data.',
      });
      return true;
    }
    if (!form.file) {
      sendError(res, {
        status: 400,
        code: 'InvalidArgument',
        message: 'POST requires exactly one file upload per request.',
        extra: { ArgumentName: 'file', ArgumentValue: 0 },
      });
      return true;
    }
    const now = instant ?? options.clock.now();
    const refusal = checkPostPolicy(form, bucket, now, options.credentials);
    if (refusal) {
      sendError(res, refusal);
      return true;
    }
    options.clock.runAt(instant, () => forward(body));
    return true;
  };
};
