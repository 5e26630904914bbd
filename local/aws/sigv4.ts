import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { getSigningKey, SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest, QueryParameterBag, SourceData } from '@smithy/types';
import type { Principal, Principals } from './iam.js';

/**
 * AWS Signature Version 4 as a server checks it, for any service (S3 here; the DynamoDB and SES
 * gates reuse it): find the principal of the access key, rebuild the canonical request from what
 * was received (the same signed headers, date, region and service), sign it with the principal's
 * secret through @smithy/signature-v4 and compare in constant time.
 *
 * The caller passes `now`. Header-signed requests are refused beyond 15 minutes of skew and
 * presigned URLs after X-Amz-Date + X-Amz-Expires. Callers pass real time: the SDK signs with the
 * machine's clock, whatever instant the local stack's movable clock shows.
 *
 * Refusal codes are S3's (InvalidAccessKeyId, SignatureDoesNotMatch, AccessDenied "Request has
 * expired", RequestTimeTooSkewed, AuthorizationHeaderMalformed, AuthorizationQueryParametersError).
 * An unsigned request gives code 'MissingAuthenticationToken' (403): each service words it its own
 * way (S3: AccessDenied "Access Denied").
 */
export type SigV4Result =
  | { ok: true; principal: Principal; service: string; region: string }
  | { ok: false; status: 400 | 403; code: string; message: string };

export interface SignedRequest {
  method: string;
  /** path + query as received */
  url: string;
  headers: IncomingHttpHeaders;
  body?: Buffer;
}

export const UNSIGNED_REQUEST_CODE = 'MissingAuthenticationToken';
const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const bytesOf = (data: SourceData): string | Buffer =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/** node:crypto as the Checksum the SDK signer expects (sha256, or HMAC-sha256 with a key). */
export class Sha256 {
  private hash: Hash | Hmac;
  private readonly secret: string | Buffer | undefined;
  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : bytesOf(secret);
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }
  update(data: SourceData) {
    this.hash.update(bytesOf(data));
  }
  digest() {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset() {
    this.hash = this.fresh();
  }
}

/** The SDK signer, opened up for its canonical request and string to sign. */
class Verifier extends SignatureV4 {
  constructor(
    service: string,
    region: string,
    credentials: { accessKeyId: string; secretAccessKey: string },
  ) {
    // S3 signs the path as sent; every other service signs it normalized and escaped once more.
    super({
      service,
      region,
      credentials,
      sha256: Sha256,
      uriEscapePath: service !== 's3',
      applyChecksum: false,
    });
  }
  async signatureOf(
    request: HttpRequest,
    canonicalHeaders: Record<string, string>,
    payloadHash: string,
    longDate: string,
    scope: string,
    key: Uint8Array,
  ): Promise<string> {
    const canonical = this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    const stringToSign = await this.createStringToSign(longDate, scope, canonical, 'AWS4-HMAC-SHA256');
    return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  }
}

const fail = (status: 400 | 403, code: string, message: string): SigV4Result => ({
  ok: false,
  status,
  code,
  message,
});

const signatureMismatch = () =>
  fail(
    403,
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  );

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

/** Query parameters decoded as AWS reads them ('+' stays '+'), repeated names as arrays. */
const parseQuery = (search: string): QueryParameterBag => {
  const query: QueryParameterBag = {};
  if (!search) return query;
  for (const part of search.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName);
      value = decodeURIComponent(rawValue);
    } catch {
      name = rawName;
      value = rawValue;
    }
    const prior = query[name];
    query[name] =
      prior === undefined || prior === null ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  }
  return query;
};

const first = (v: QueryParameterBag[string] | undefined): string | undefined =>
  Array.isArray(v) ? v[0] : v === null ? undefined : v;

/** 20240101T000000Z -> Date */
const parseLongDate = (s: string | undefined): Date | undefined => {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s ?? '');
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, se));
};

const compact = (d: Date) =>
  d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

interface Credential {
  accessKeyId: string;
  shortDate: string;
  region: string;
  service: string;
}

const parseCredential = (s: string | undefined): Credential | undefined => {
  const parts = (s ?? '').split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') return undefined;
  const [accessKeyId, shortDate, region, service] = parts as [string, string, string, string];
  if (!accessKeyId || !/^\d{8}$/.test(shortDate) || !region || !service) return undefined;
  return { accessKeyId, shortDate, region, service };
};

/** Header values as the signer canonicalizes them (trimmed, runs of spaces collapsed). */
const canonicalHeadersOf = (
  headers: IncomingHttpHeaders,
  signed: string[],
): Record<string, string> | undefined => {
  const out: Record<string, string> = {};
  for (const name of signed) {
    const v = header(headers, name);
    if (v === undefined) return undefined;
    out[name] = v
      .replace(/[\r\n]/g, ' ')
      .replace(/[ \t]+/g, ' ')
      .replace(/^ | $/g, '');
  }
  return out;
};

const sameHex = (a: string, b: string) => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

const sha256Hex = (body: Buffer | undefined) =>
  body && body.length ? createHash('sha256').update(body).digest('hex') : EMPTY_SHA256;

/** Header-signed (Authorization: AWS4-HMAC-SHA256 ...) or query-presigned (X-Amz-Signature ...) requests. */
export const verifySigV4 = async (
  req: SignedRequest,
  principals: Principals,
  now: Date,
): Promise<SigV4Result> => {
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const query = parseQuery(q < 0 ? '' : req.url.slice(q + 1));
  const authorization = header(req.headers, 'authorization');
  const presigned = query['X-Amz-Signature'] !== undefined || query['X-Amz-Algorithm'] !== undefined;
  if (!authorization && !presigned)
    return fail(403, UNSIGNED_REQUEST_CODE, 'Request is missing Authentication Token');
  if (authorization && presigned)
    return fail(
      400,
      'InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    );

  let credential: Credential | undefined;
  let signedHeaders: string[];
  let provided: string;
  let signingDate: Date | undefined;
  let payloadHash: string;
  const request: HttpRequest = {
    method: req.method.toUpperCase(),
    protocol: 'http:',
    hostname: header(req.headers, 'host') ?? '',
    path,
    query,
    headers: {},
  };

  if (authorization) {
    const m = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(authorization);
    if (!m) return fail(400, 'InvalidArgument', 'Unsupported Authorization Type');
    const parts = new Map(
      (m[1] ?? '').split(',').map((c) => {
        const [k, ...v] = c.trim().split('=');
        return [k ?? '', v.join('=')] as const;
      }),
    );
    credential = parseCredential(parts.get('Credential'));
    const signedList = parts.get('SignedHeaders');
    const signature = parts.get('Signature');
    if (!credential || !signedList || !signature)
      return fail(
        400,
        'AuthorizationHeaderMalformed',
        'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.',
      );
    signedHeaders = signedList.split(';');
    provided = signature;
    const dateHeader = header(req.headers, 'x-amz-date');
    signingDate = dateHeader ? parseLongDate(dateHeader) : undefined;
    if (!signingDate) {
      const d = header(req.headers, 'date');
      signingDate = d ? new Date(d) : undefined;
      if (signingDate && Number.isNaN(signingDate.getTime())) signingDate = undefined;
    }
    if (!signingDate)
      return fail(403, 'AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header');
    if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_SKEW_MS)
      return fail(
        403,
        'RequestTimeTooSkewed',
        'The difference between the request time and the current time is too large.',
      );
    // x-amz-content-sha256 when present (a hex digest, UNSIGNED-PAYLOAD, STREAMING-*), else the body.
    const declared = header(req.headers, 'x-amz-content-sha256');
    payloadHash = declared ?? sha256Hex(req.body);
    if (
      declared &&
      /^[0-9a-f]{64}$/i.test(declared) &&
      req.body &&
      sha256Hex(req.body) !== declared.toLowerCase()
    )
      return fail(
        400,
        'XAmzContentSHA256Mismatch',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
      );
  } else {
    const bad = (message: string) => fail(400, 'AuthorizationQueryParametersError', message);
    if (first(query['X-Amz-Algorithm']) !== 'AWS4-HMAC-SHA256')
      return bad('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
    credential = parseCredential(first(query['X-Amz-Credential']));
    const signedList = first(query['X-Amz-SignedHeaders']);
    const signature = first(query['X-Amz-Signature']);
    signingDate = parseLongDate(first(query['X-Amz-Date']));
    const expires = Number(first(query['X-Amz-Expires']));
    if (!credential || !signedList || !signature || !signingDate || !Number.isInteger(expires) || expires < 0)
      return bad(
        'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      );
    if (expires > MAX_PRESIGNED_SECONDS)
      return bad('X-Amz-Expires must be less than a week (in seconds) that is 604800');
    if (now.getTime() > signingDate.getTime() + expires * 1000)
      return fail(403, 'AccessDenied', 'Request has expired');
    if (signingDate.getTime() - now.getTime() > MAX_SKEW_MS)
      return fail(403, 'AccessDenied', 'Request is not valid yet');
    signedHeaders = signedList.split(';');
    provided = signature;
    payloadHash = 'UNSIGNED-PAYLOAD';
  }

  if (!signedHeaders.includes('host'))
    return fail(
      400,
      authorization ? 'AuthorizationHeaderMalformed' : 'AuthorizationQueryParametersError',
      'SignedHeaders must include host',
    );
  const principal = principals.byAccessKeyId(credential.accessKeyId);
  if (!principal)
    return fail(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    );
  const longDate = compact(signingDate);
  if (longDate.slice(0, 8) !== credential.shortDate) return signatureMismatch();
  const canonicalHeaders = canonicalHeadersOf(req.headers, signedHeaders);
  if (!canonicalHeaders) return signatureMismatch();

  const { shortDate, region, service } = credential;
  const secrets = { accessKeyId: principal.accessKeyId, secretAccessKey: principal.secretAccessKey };
  const key = await getSigningKey(Sha256, secrets, shortDate, region, service);
  const scope = `${shortDate}/${region}/${service}/aws4_request`;
  const expected = await new Verifier(service, region, secrets).signatureOf(
    request,
    canonicalHeaders,
    payloadHash,
    longDate,
    scope,
    key,
  );
  if (!sameHex(expected, provided)) return signatureMismatch();
  return { ok: true, principal, service, region };
};
