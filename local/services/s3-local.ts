import { randomBytes, randomUUID } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import {
  accessDeniedMessage,
  isAllowed,
  LOCAL_ACCOUNT,
  type Principal,
  type Principals,
} from '../aws/iam.js';
import { UNSIGNED_REQUEST_CODE, verifySigV4 } from '../aws/sigv4.js';
import { CLOCK_HEADER, requestedInstant } from '../local-clock.js';
import { CORS_VARY, corsHeaders, matchCorsRule, type CorsRule } from '../template/bucket-cors.js';
import { freePort } from './free-port.js';
import {
  authorizePostForm,
  denied,
  isPostForm,
  newRequestId,
  parsePostForm,
  readBody,
  sendS3Error,
  type S3ErrorReply,
} from './s3-post-policy-guard.js';

/**
 * The local S3: s3rver keeps the bytes; this front does what AWS S3 does and s3rver does not.
 *
 * - Every request is authenticated (SigV4 header or presigned query, presigned POST policy) against
 *   the principals, and authorized with IAM (action and resource ARN from the request); unsigned
 *   requests are refused (the bucket is private). s3rver then sees only trusted requests.
 * - Versioned buckets: every PUT/POST gets a new opaque version id (x-amz-version-id). Each version
 *   is kept in s3rver under a hidden bucket (`<bucket>/<versionId>/<key>`) and the latest is also at
 *   its key, stamped with its version id (as user metadata that never leaves this front). So GET
 *   without versionId, lists and deletes work as s3rver does, and `?versionId=` serves exactly that
 *   version's bytes. Everything persists under dataDir.
 * - Object Created events in the shape S3 sends to EventBridge (onObjectCreated).
 * - CORS as the bucket's rules say (the browser app uploads and downloads from another origin):
 *   preflights answered before any authentication, Access-Control-* headers on matching requests.
 */

/** The EventBridge event S3 sends when an object is created (detail-type "Object Created"). */
export interface ObjectCreatedEvent {
  version: '0';
  id: string;
  'detail-type': 'Object Created';
  source: 'aws.s3';
  account: string;
  /** ISO 8601 without fractions of a second, as EventBridge stamps it: 2021-11-12T00:00:00Z */
  time: string;
  region: string;
  resources: string[];
  detail: {
    version: '0';
    bucket: { name: string };
    object: { key: string; size: number; etag: string; 'version-id'?: string; sequencer: string };
    'request-id': string;
    requester: string;
    'source-ip-address': string;
    reason: 'PutObject' | 'PostObject' | 'CopyObject' | 'CompleteMultipartUpload';
  };
}

export interface S3LocalBucket {
  name: string;
  versioned: boolean;
  /** The bucket's CORS configuration (local/template/bucket-cors.ts); none: CORS is not enabled. */
  cors?: CorsRule[];
}

/** The local clock (LocalClock fits): POST policies expire and events are stamped on it. */
export interface S3LocalClock {
  now(): Date;
  /** Runs fn as if it were `instant` (a request carrying x-examdesk-now), or as is when undefined. */
  runAt<T>(instant: Date | undefined, fn: () => T): T;
}

export interface S3LocalOptions {
  buckets: S3LocalBucket[];
  principals: Principals;
  region: string;
  /** Persist under this folder; undefined keeps everything in a temporary folder removed on stop. */
  dataDir?: string;
  /** Default: real time. */
  clock?: S3LocalClock;
  /** Bodies above this are refused (local memory guard; S3's own limit is 5 GB). */
  maxBodyBytes?: number;
}

export interface S3Local {
  endpoint: string;
  onObjectCreated(listener: (event: ObjectCreatedEvent) => void): void;
  stop(): Promise<void>;
}

const ENTITY_TOO_LARGE = {
  status: 400,
  code: 'EntityTooLarge',
  message: 'Your proposed upload exceeds the maximum allowed size',
};

/** s3rver's bucket for the versions of every versioned bucket; no request can address it. */
const VERSION_STORE = 'examdesk-local-versions';
/** The version id of the object at its key, kept by s3rver as user metadata, never shown. */
const VERSION_META = 'x-amz-meta-x-examdesk-version-id';
const VERSION_ID = /^[A-Za-z0-9_-]{32}$/;

const realClock: S3LocalClock = { now: () => new Date(), runAt: (_instant, fn) => fn() };

/** Opaque, URL-safe, 32 characters like S3's. */
const newVersionId = () => randomBytes(24).toString('base64url');

let sequence = 0n;
/** S3's sequencer: hex, growing for the writes of one key. */
const nextSequencer = () =>
  (BigInt(Date.now()) * 4096n + (sequence++ % 4096n)).toString(16).toUpperCase().padStart(18, '0');

const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');

/** Query parameters that authenticate a presigned URL or only name the SDK operation. */
const AUTH_QUERY = new Set([
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-signedheaders',
  'x-amz-signature',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'x-id',
]);

/** The raw query without the authentication (and versionId, handled here) parameters. */
const forwardedQuery = (rawQuery: string, drop: string[] = []): string => {
  const kept = rawQuery
    .split('&')
    .filter((part) => {
      if (!part) return false;
      const name = decodeURIComponent(part.split('=')[0] ?? '').toLowerCase();
      return !AUTH_QUERY.has(name) && !drop.includes(name);
    })
    .join('&');
  return kept ? `?${kept}` : '';
};

const DROPPED_REQUEST_HEADERS = new Set([
  'host',
  'authorization',
  'x-amz-date',
  'x-amz-content-sha256',
  'x-amz-security-token',
  'x-amz-decoded-content-length',
  'x-amz-trailer',
  'x-amz-sdk-checksum-algorithm',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'expect',
  // CORS is this front's to answer; s3rver never sees it.
  'origin',
  'access-control-request-method',
  'access-control-request-headers',
  CLOCK_HEADER,
  VERSION_META,
]);

const forwardedHeaders = (headers: IncomingHttpHeaders): OutgoingHttpHeaders => {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || DROPPED_REQUEST_HEADERS.has(name)) continue;
    if (name.startsWith('x-amz-checksum-') || name.startsWith('amz-sdk-')) continue;
    if (name === 'content-encoding') {
      const rest = String(value)
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s && s !== 'aws-chunked');
      if (rest.length) out[name] = rest.join(', ');
      continue;
    }
    out[name] = value;
  }
  return out;
};

/** The payload of an aws-chunked body (`<hex size>[;chunk-signature=...]\r\n<bytes>\r\n`... `0`, trailers). */
const decodeAwsChunked = (body: Buffer): Buffer | undefined => {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    if (eol < 0) return undefined;
    const size = parseInt(body.subarray(at, eol).toString('latin1').split(';')[0] ?? '', 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
};

const isChunked = (headers: IncomingHttpHeaders) =>
  /aws-chunked/i.test(String(headers['content-encoding'] ?? '')) ||
  String(headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What one S3 request asks for, as IAM sees it. */
export interface S3Operation {
  /** Every (action, resource) the caller needs, e.g. CopyObject needs PutObject and GetObject. */
  checks: [action: string, resource: string][];
}

const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
const objectArn = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The IAM action(s) and resource ARN(s) of an S3 REST request (path-style). */
export const s3Operation = (
  method: string,
  bucket: string,
  key: string,
  query: URLSearchParams,
  headers: IncomingHttpHeaders,
  body?: Buffer,
): S3Operation => {
  const has = (name: string) => query.has(name);
  const m = method.toUpperCase();
  if (!bucket) return { checks: [['s3:ListAllMyBuckets', '*']] };
  const b = bucketArn(bucket);
  if (!key) {
    const sub = [
      'versioning',
      'location',
      'acl',
      'policy',
      'cors',
      'lifecycle',
      'tagging',
      'notification',
    ].find(has);
    if (m === 'GET' || m === 'HEAD') {
      if (has('versions')) return { checks: [['s3:ListBucketVersions', b]] };
      if (has('uploads')) return { checks: [['s3:ListBucketMultipartUploads', b]] };
      if (sub === 'location') return { checks: [['s3:GetBucketLocation', b]] };
      if (sub === 'cors') return { checks: [['s3:GetBucketCORS', b]] };
      if (sub) return { checks: [[`s3:GetBucket${cap(sub)}`, b]] };
      return { checks: [['s3:ListBucket', b]] };
    }
    if (m === 'POST' && has('delete')) {
      const keys = [...(body?.toString('utf8') ?? '').matchAll(/<Key>([^<]*)<\/Key>/g)].map((k) =>
        (k[1] ?? '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
      );
      return {
        checks: keys.length
          ? keys.map((k) => ['s3:DeleteObject', objectArn(bucket, k)] as [string, string])
          : [['s3:DeleteObject', `${b}/*`]],
      };
    }
    if (m === 'PUT') return { checks: [[sub ? `s3:PutBucket${cap(sub)}` : 's3:CreateBucket', b]] };
    if (m === 'DELETE') return { checks: [[sub ? `s3:DeleteBucket${cap(sub)}` : 's3:DeleteBucket', b]] };
    return { checks: [[`s3:${cap(m.toLowerCase())}Bucket`, b]] };
  }
  const o = objectArn(bucket, key);
  const versioned = has('versionId');
  if (m === 'GET' || m === 'HEAD') {
    if (has('uploadId')) return { checks: [['s3:ListMultipartUploadParts', o]] };
    if (has('acl')) return { checks: [[versioned ? 's3:GetObjectVersionAcl' : 's3:GetObjectAcl', o]] };
    if (has('tagging'))
      return { checks: [[versioned ? 's3:GetObjectVersionTagging' : 's3:GetObjectTagging', o]] };
    return { checks: [[versioned ? 's3:GetObjectVersion' : 's3:GetObject', o]] };
  }
  if (m === 'PUT') {
    if (has('acl')) return { checks: [[versioned ? 's3:PutObjectVersionAcl' : 's3:PutObjectAcl', o]] };
    if (has('tagging'))
      return { checks: [[versioned ? 's3:PutObjectVersionTagging' : 's3:PutObjectTagging', o]] };
    const source = headers['x-amz-copy-source'];
    if (typeof source === 'string' && !has('uploadId')) {
      const [path = '', search = ''] = source.split('?');
      const decoded = decodeURIComponent(path).replace(/^\//, '');
      const sourceVersioned = new URLSearchParams(search).has('versionId');
      return {
        checks: [
          ['s3:PutObject', o],
          [sourceVersioned ? 's3:GetObjectVersion' : 's3:GetObject', `arn:aws:s3:::${decoded}`],
        ],
      };
    }
    return { checks: [['s3:PutObject', o]] }; // PutObject, UploadPart
  }
  if (m === 'POST') {
    if (has('restore')) return { checks: [['s3:RestoreObject', o]] };
    return { checks: [['s3:PutObject', o]] }; // CreateMultipartUpload, CompleteMultipartUpload
  }
  if (m === 'DELETE') {
    if (has('uploadId')) return { checks: [['s3:AbortMultipartUpload', o]] };
    if (has('tagging'))
      return { checks: [[versioned ? 's3:DeleteObjectVersionTagging' : 's3:DeleteObjectTagging', o]] };
    return { checks: [[versioned ? 's3:DeleteObjectVersion' : 's3:DeleteObject', o]] };
  }
  return { checks: [[`s3:${cap(m.toLowerCase())}Object`, o]] };
};

const reply = (e: S3ErrorReply): S3ErrorReply => e;

/** The header's comma-separated names (Access-Control-Request-Headers), lower case. */
const headerList = (value: string | string[] | undefined): string[] =>
  String(value ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);

/**
 * S3's answer to a CORS preflight (OPTIONS): no signature is asked for; 200 with the rule's
 * Access-Control-* headers when one allows the origin, method and headers, else 403.
 */
const corsPreflight = (
  req: IncomingMessage,
  res: ServerResponse,
  bucket: S3LocalBucket | undefined,
  requestId: string,
) => {
  const origin = req.headers.origin;
  const method = req.headers['access-control-request-method'];
  if (!origin)
    return sendS3Error(
      res,
      { status: 400, code: 'BadRequest', message: 'Insufficient information. Origin request header needed.' },
      requestId,
    );
  if (typeof method !== 'string' || !method)
    return sendS3Error(
      res,
      { status: 400, code: 'BadRequest', message: 'Invalid Access-Control-Request-Method: null' },
      requestId,
    );
  if (!bucket)
    return sendS3Error(res, notFound('NoSuchBucket', 'The specified bucket does not exist'), requestId);
  if (!bucket.cors?.length)
    return sendS3Error(
      res,
      { status: 403, code: 'AccessForbidden', message: 'CORSResponse: CORS is not enabled for this bucket.' },
      requestId,
    );
  const request = { origin, method, headers: headerList(req.headers['access-control-request-headers']) };
  const rule = matchCorsRule(bucket.cors, request);
  if (!rule) {
    res.setHeader('vary', CORS_VARY);
    return sendS3Error(
      res,
      {
        status: 403,
        code: 'AccessForbidden',
        message:
          "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
        extra: { Method: method, ResourceType: 'BUCKET' },
      },
      requestId,
    );
  }
  res.writeHead(200, { ...corsHeaders(rule, request), 'x-amz-request-id': requestId, 'content-length': '0' });
  res.end();
};
const notFound = (code: string, message: string) => reply({ status: 404, code, message });

export const startS3Local = async (options: S3LocalOptions): Promise<S3Local> => {
  const clock = options.clock ?? realClock;
  const limit = options.maxBodyBytes ?? 512 * 1024 * 1024;
  const buckets = new Map(options.buckets.map((b) => [b.name, b]));
  if (buckets.has(VERSION_STORE)) throw new Error(`${VERSION_STORE} is the local S3's own bucket`);
  const directory = options.dataDir ?? mkdtempSync(join(tmpdir(), 'examdesk-s3-'));
  mkdirSync(directory, { recursive: true });
  const innerPort = await freePort();
  const s3rver = new S3rver({
    silent: true,
    directory,
    address: '127.0.0.1',
    port: innerPort,
    vhostBuckets: false,
    configureBuckets: [...options.buckets.map((b) => b.name), VERSION_STORE].map((name) => ({
      name,
      configs: [],
    })),
  });
  await s3rver.run();

  /**
   * A request to s3rver. It is signed with s3rver's own key (s3rver skips SigV4 verification but
   * refuses anonymous requests with response-* overrides): the caller was authenticated here.
   */
  const inner = (method: string, path: string, headers: OutgoingHttpHeaders, body?: Buffer) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const amzDate = new Date()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, '');
      const r = httpRequest({
        host: '127.0.0.1',
        port: innerPort,
        method,
        path,
        headers: {
          ...headers,
          ...(body ? { 'content-length': body.length } : {}),
          'x-amz-date': amzDate,
          'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
          authorization: `AWS4-HMAC-SHA256 Credential=S3RVER/${amzDate.slice(0, 8)}/${options.region}/s3/aws4_request, SignedHeaders=host, Signature=0`,
        },
      });
      r.on('response', resolve);
      r.on('error', reject);
      r.end(body);
    });
  const innerBuffered = async (
    method: string,
    path: string,
    headers: OutgoingHttpHeaders,
    body?: Buffer,
  ): Promise<Upstream> => {
    const res = await inner(method, path, headers, body);
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return { status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) };
  };
  const mainPath = (bucket: string, rawKey: string) => `/${encodeURIComponent(bucket)}/${rawKey}`;
  const storePath = (bucket: string, versionId: string, rawKey: string) =>
    `/${VERSION_STORE}/${encodeURIComponent(bucket)}/${versionId}/${rawKey}`;

  /** s3rver's response headers as S3's: the version id out of its hiding place, our request id. */
  const responseHeaders = (headers: IncomingHttpHeaders, requestId: string): OutgoingHttpHeaders => {
    const out: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || ['connection', 'keep-alive', 'transfer-encoding', 'date'].includes(name))
        continue;
      if (name === VERSION_META) out['x-amz-version-id'] = value;
      else out[name] = value;
    }
    out['x-amz-request-id'] = requestId;
    return out;
  };
  const relay = (res: ServerResponse, up: Upstream, requestId: string, extra: OutgoingHttpHeaders = {}) => {
    res.writeHead(up.status, { ...responseHeaders(up.headers, requestId), ...extra });
    res.end(up.body);
  };

  const listeners: ((event: ObjectCreatedEvent) => void)[] = [];
  const emit = (
    reason: ObjectCreatedEvent['detail']['reason'],
    bucket: string,
    key: string,
    object: { size: number; etag: string; versionId?: string },
    requestId: string,
    req: IncomingMessage,
  ) => {
    const event: ObjectCreatedEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Object Created',
      source: 'aws.s3',
      account: LOCAL_ACCOUNT,
      // The instant S3 received the object: the local clock (or the request's x-examdesk-now).
      time: clock
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      region: options.region,
      resources: [bucketArn(bucket)],
      detail: {
        version: '0',
        bucket: { name: bucket },
        object: {
          key,
          size: object.size,
          etag: object.etag.replace(/"/g, ''),
          ...(object.versionId ? { 'version-id': object.versionId } : {}),
          sequencer: nextSequencer(),
        },
        'request-id': requestId,
        requester: LOCAL_ACCOUNT,
        'source-ip-address': (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        reason,
      },
    };
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure is its own (S3 does not wait for EventBridge targets).
      }
    }
  };

  /** Stores bytes at a key, and as a new version when the bucket is versioned. */
  const putObject = async (
    bucket: string,
    rawKey: string,
    headers: OutgoingHttpHeaders,
    body: Buffer,
  ): Promise<{ up: Upstream; versionId?: string }> => {
    if (!buckets.get(bucket)?.versioned)
      return { up: await innerBuffered('PUT', mainPath(bucket, rawKey), headers, body) };
    const versionId = newVersionId();
    const stamped = { ...headers, [VERSION_META]: versionId };
    const kept = await innerBuffered('PUT', storePath(bucket, versionId, rawKey), stamped, body);
    if (kept.status >= 300) return { up: kept };
    return { up: await innerBuffered('PUT', mainPath(bucket, rawKey), stamped, body), versionId };
  };

  /**
   * After s3rver wrote a key itself (CopyObject, CompleteMultipartUpload): keep those bytes as a
   * new version and stamp the key with it. Not atomic with the write (a PUT of the same key in
   * between would be the one kept); good enough locally, where the app does neither.
   */
  const snapshot = async (bucket: string, rawKey: string): Promise<string | undefined> => {
    if (!buckets.get(bucket)?.versioned) return undefined;
    const head = await innerBuffered('HEAD', mainPath(bucket, rawKey), {});
    if (head.status !== 200) return undefined;
    const versionId = newVersionId();
    const meta: OutgoingHttpHeaders = { 'x-amz-metadata-directive': 'REPLACE', [VERSION_META]: versionId };
    for (const [name, value] of Object.entries(head.headers))
      if (
        value !== undefined &&
        name !== VERSION_META &&
        (name.startsWith('x-amz-meta-') ||
          [
            'content-type',
            'content-disposition',
            'content-encoding',
            'content-language',
            'cache-control',
            'expires',
          ].includes(name))
      )
        meta[name] = value;
    await innerBuffered('PUT', storePath(bucket, versionId, rawKey), {
      ...meta,
      'x-amz-copy-source': mainPath(bucket, rawKey),
    });
    await innerBuffered('PUT', mainPath(bucket, rawKey), {
      ...meta,
      'x-amz-copy-source': storePath(bucket, versionId, rawKey),
    });
    return versionId;
  };

  const handlePostForm = async (
    req: IncomingMessage,
    res: ServerResponse,
    bucket: string,
    requestId: string,
  ) => {
    const instant = requestedInstant(req.headers[CLOCK_HEADER]);
    const body = await readBody(req, limit);
    if (!body) return sendS3Error(res, ENTITY_TOO_LARGE, requestId);
    const form = await parsePostForm(body, req.headers['content-type'] ?? '');
    if (!form)
      return sendS3Error(
        res,
        {
          status: 400,
          code: 'MalformedPOSTRequest',
          message: 'The body of your POST request is not well-formed multipart/form-data.',
        },
        requestId,
      );
    if (!form.file?.bytes)
      return sendS3Error(
        res,
        {
          status: 400,
          code: 'InvalidArgument',
          message: 'POST requires exactly one file upload per request.',
          extra: { ArgumentName: 'file', ArgumentValue: 0 },
        },
        requestId,
      );
    if (!buckets.has(bucket))
      return sendS3Error(res, notFound('NoSuchBucket', 'The specified bucket does not exist'), requestId);
    // The form was presigned on the local clock (the course's time): it expires on it too.
    const authorized = authorizePostForm(form, bucket, instant ?? clock.now(), options.principals);
    if (!authorized.ok) return sendS3Error(res, authorized.reply, requestId);
    const bytes = form.file.bytes;
    const { key } = authorized;
    const f = form.fields;
    const headers: OutgoingHttpHeaders = { 'content-type': f.get('content-type') ?? 'binary/octet-stream' };
    for (const [name, value] of f)
      if (
        name.startsWith('x-amz-meta-') ||
        ['cache-control', 'content-disposition', 'content-encoding', 'expires'].includes(name)
      )
        headers[name] = value;
    await clock.runAt(instant, async () => {
      const { up, versionId } = await putObject(bucket, encodeKey(key), headers, bytes);
      if (up.status >= 300) return relay(res, up, requestId);
      const etag = String(up.headers.etag ?? '');
      const location = `http://${req.headers.host ?? '127.0.0.1'}/${encodeURIComponent(bucket)}/${encodeKey(key)}`;
      const common = {
        etag,
        location,
        'x-amz-request-id': requestId,
        ...(versionId ? { 'x-amz-version-id': versionId } : {}),
      };
      const redirect = f.get('success_action_redirect') ?? f.get('redirect');
      const status = f.get('success_action_status');
      if (redirect) {
        const to = new URL(redirect);
        to.searchParams.set('bucket', bucket);
        to.searchParams.set('key', key);
        to.searchParams.set('etag', etag);
        res.writeHead(303, { ...common, location: to.toString() });
        res.end();
      } else if (status === '201') {
        const x = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        res.writeHead(201, { ...common, 'content-type': 'application/xml' });
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?>\n' +
            `<PostResponse><Location>${x(location)}</Location><Bucket>${x(bucket)}</Bucket>` +
            `<Key>${x(key)}</Key><ETag>${x(etag)}</ETag></PostResponse>`,
        );
      } else {
        res.writeHead(status === '200' ? 200 : 204, common);
        res.end();
      }
      emit(
        'PostObject',
        bucket,
        key,
        { size: bytes.length, etag, ...(versionId ? { versionId } : {}) },
        requestId,
        req,
      );
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = newRequestId();
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
    const slash = rawPath.indexOf('/', 1);
    const rawBucket = slash < 0 ? rawPath.slice(1) : rawPath.slice(1, slash);
    const rawKey = slash < 0 ? '' : rawPath.slice(slash + 1);
    let bucket: string;
    let key: string;
    try {
      bucket = decodeURIComponent(rawBucket);
      key = decodeURIComponent(rawKey);
    } catch {
      return sendS3Error(
        res,
        { status: 400, code: 'InvalidURI', message: "Couldn't parse the specified URI." },
        requestId,
      );
    }
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'OPTIONS') return corsPreflight(req, res, buckets.get(bucket), requestId);
    // A request from a page of another origin: the matching rule's headers go on whatever the
    // answer turns out to be (errors included, so the page can read them).
    const cors = buckets.get(bucket)?.cors;
    const origin = req.headers.origin;
    if (origin && cors?.length) {
      const rule = matchCorsRule(cors, { origin, method });
      res.setHeader('vary', CORS_VARY);
      if (rule)
        for (const [name, value] of Object.entries(corsHeaders(rule, { origin, method })))
          res.setHeader(name, value);
    }
    if (isPostForm(req)) return handlePostForm(req, res, bucket, requestId);

    const received = await readBody(req, limit);
    if (!received) return sendS3Error(res, ENTITY_TOO_LARGE, requestId);
    // Header-signed requests are dated by the SDK with the machine's clock, and presigned GET links
    // are signed on it too (shared/uploads/presign.ts): both are checked against real time, never
    // against the movable local clock.
    const auth = await verifySigV4(
      { method: req.method ?? 'GET', url: rawUrl, headers: req.headers, body: received },
      options.principals,
      new Date(),
    );
    if (!auth.ok)
      return sendS3Error(
        res,
        auth.code === UNSIGNED_REQUEST_CODE
          ? denied('Access Denied')
          : { status: auth.status, code: auth.code, message: auth.message },
        requestId,
      );
    if (auth.service !== 's3' || auth.region !== options.region)
      return sendS3Error(
        res,
        {
          status: 400,
          code: 'AuthorizationHeaderMalformed',
          message: `The authorization header is malformed; the region '${auth.region}' or service '${auth.service}' is wrong; expecting '${options.region}' and 's3'`,
          extra: { Region: options.region },
        },
        requestId,
      );
    const principal: Principal = auth.principal;
    // CreateBucket (a test's own bucket, unversioned): allowed when the principal may create it.
    if (bucket && !key && method === 'PUT' && !buckets.has(bucket) && rawQuery === '') {
      if (!isAllowed(principal, 's3:CreateBucket', bucketArn(bucket)))
        return sendS3Error(
          res,
          denied(accessDeniedMessage(principal, 's3:CreateBucket', bucketArn(bucket))),
          requestId,
        );
      buckets.set(bucket, { name: bucket, versioned: false });
    }
    if (bucket && !buckets.has(bucket))
      return sendS3Error(res, notFound('NoSuchBucket', 'The specified bucket does not exist'), requestId);
    const query = new URLSearchParams(rawQuery);
    const operation = s3Operation(method, bucket, key, query, req.headers, received);
    for (const [action, resource] of operation.checks)
      if (!isAllowed(principal, action, resource))
        return sendS3Error(res, denied(accessDeniedMessage(principal, action, resource)), requestId);

    const body = isChunked(req.headers) ? decodeAwsChunked(received) : received;
    if (!body)
      return sendS3Error(
        res,
        {
          status: 400,
          code: 'IncompleteBody',
          message: 'The request body is not valid aws-chunked encoding.',
        },
        requestId,
      );
    const headers = forwardedHeaders(req.headers);
    const versionId = query.get('versionId') ?? undefined;
    const versioned = buckets.get(bucket)?.versioned ?? false;
    const canList = () => isAllowed(principal, 's3:ListBucket', bucketArn(bucket));
    const plain = !['uploadId', 'uploads', 'acl', 'tagging', 'partNumber', 'restore'].some((p) =>
      query.has(p),
    );

    if (key && (method === 'GET' || method === 'HEAD') && plain) {
      if (versionId !== undefined && !VERSION_ID.test(versionId))
        return sendS3Error(
          res,
          { status: 400, code: 'InvalidArgument', message: 'Invalid version id specified' },
          requestId,
        );
      const path = versionId !== undefined ? storePath(bucket, versionId, rawKey) : mainPath(bucket, rawKey);
      const up = await inner(method, path + forwardedQuery(rawQuery, ['versionid']), headers);
      if (up.statusCode === 404) {
        up.resume();
        // Without s3:ListBucket, S3 does not tell a missing key from a forbidden one.
        if (!canList()) return sendS3Error(res, denied('Access Denied'), requestId);
        return sendS3Error(
          res,
          versionId !== undefined
            ? notFound('NoSuchVersion', 'The specified version does not exist.')
            : notFound('NoSuchKey', 'The specified key does not exist.'),
          requestId,
        );
      }
      res.writeHead(up.statusCode ?? 500, responseHeaders(up.headers, requestId));
      up.pipe(res);
      return;
    }

    if (key && method === 'PUT' && plain && !req.headers['x-amz-copy-source']) {
      const { up, versionId: created } = await putObject(bucket, rawKey, headers, body);
      relay(res, up, requestId, created ? { 'x-amz-version-id': created } : {});
      if (up.status < 300)
        emit(
          'PutObject',
          bucket,
          key,
          {
            size: body.length,
            etag: String(up.headers.etag ?? ''),
            ...(created ? { versionId: created } : {}),
          },
          requestId,
          req,
        );
      return;
    }

    if (key && method === 'DELETE' && plain) {
      if (versionId === undefined) {
        const up = await innerBuffered('DELETE', mainPath(bucket, rawKey), headers);
        // On a versioned bucket the versions stay; S3 answers with the new delete marker.
        return relay(
          res,
          up,
          requestId,
          versioned && up.status < 300
            ? { 'x-amz-delete-marker': 'true', 'x-amz-version-id': newVersionId() }
            : {},
        );
      }
      if (!VERSION_ID.test(versionId))
        return sendS3Error(
          res,
          { status: 400, code: 'InvalidArgument', message: 'Invalid version id specified' },
          requestId,
        );
      const current = await innerBuffered('HEAD', mainPath(bucket, rawKey), {});
      await innerBuffered('DELETE', storePath(bucket, versionId, rawKey), {});
      // Deleting the current version: the key goes too (the previous version is not promoted here).
      if (current.headers[VERSION_META] === versionId)
        await innerBuffered('DELETE', mainPath(bucket, rawKey), {});
      res.writeHead(204, { 'x-amz-request-id': requestId, 'x-amz-version-id': versionId });
      return res.end();
    }

    if (!key && (method === 'GET' || method === 'HEAD') && query.has('versions'))
      return sendS3Error(
        res,
        {
          status: 501,
          code: 'NotImplemented',
          message: 'ListObjectVersions is not implemented by the local S3',
        },
        requestId,
      );

    // Everything else (lists, multipart, copies, bucket operations) goes to s3rver as it came.
    const up = await innerBuffered(
      method,
      rawPath + forwardedQuery(rawQuery),
      headers,
      body.length ? body : undefined,
    );
    const copied = key && method === 'PUT' && req.headers['x-amz-copy-source'] && !query.has('uploadId');
    const completed = key && method === 'POST' && query.has('uploadId');
    if (up.status < 300 && (copied || completed)) {
      const created = await snapshot(bucket, rawKey);
      const head = await innerBuffered('HEAD', mainPath(bucket, rawKey), {});
      relay(res, up, requestId, created ? { 'x-amz-version-id': created } : {});
      emit(
        copied ? 'CopyObject' : 'CompleteMultipartUpload',
        bucket,
        key,
        {
          size: Number(head.headers['content-length'] ?? 0),
          etag: String(head.headers.etag ?? ''),
          ...(created ? { versionId: created } : {}),
        },
        requestId,
        req,
      );
      return;
    }
    relay(res, up, requestId);
  };

  const port = await freePort();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendS3Error(res, { status: 500, code: 'InternalError', message: String(error) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    onObjectCreated: (listener) => {
      listeners.push(listener);
    },
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await s3rver.close();
      if (!options.dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
};
