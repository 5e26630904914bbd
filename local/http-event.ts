import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { JWTPayload } from 'jose';

const TEXT_TYPES = /^(text\/|application\/(json|xml|x-www-form-urlencoded|csv)|.*\+json)/;

/** Claims as API Gateway's JWT authorizer passes them: strings, arrays flattened to "[a b]". */
export const authorizerClaims = (payload: JWTPayload): Record<string, string | number | boolean> =>
  Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [
      k,
      Array.isArray(v)
        ? `[${v.join(' ')}]`
        : typeof v === 'object' && v !== null
          ? JSON.stringify(v)
          : (v as string),
    ]),
  );

/** The API Gateway v2 (HTTP API, payload 2.0) event for a request, as the real gateway builds it. */
export const buildHttpEvent = (input: {
  req: IncomingMessage;
  url: URL;
  routeKey: string;
  pathParameters: Record<string, string>;
  body: Buffer;
  claims?: Record<string, string | number | boolean>;
  now: Date;
}): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.req.headers))
    if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of input.url.searchParams) query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
  // A "text" body that is not UTF-8 (a Latin-1 CSV) goes base64 so the handler sees the bytes as
  // sent and can refuse them; handlers also refuse U+FFFD, should a gateway replace the bad bytes.
  const isText = TEXT_TYPES.test(headers['content-type'] ?? 'application/json') && isUtf8(input.body);
  const requestId = `${input.now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: input.url.pathname,
    rawQueryString: input.url.search.replace(/^\?/, ''),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(input.pathParameters).length ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: input.url.host,
      domainPrefix: 'local',
      http: {
        method: input.req.method ?? 'GET',
        path: input.url.pathname,
        protocol: `HTTP/${input.req.httpVersion}`,
        sourceIp: input.req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: input.routeKey,
      stage: '$default',
      time: input.now.toUTCString(),
      timeEpoch: input.now.getTime(),
      authorizer: { jwt: { claims: input.claims ?? {}, scopes: [] }, principalId: '', integrationLatency: 0 },
    },
    ...(input.body.length
      ? {
          body: isText ? input.body.toString('utf8') : input.body.toString('base64'),
          isBase64Encoded: !isText,
        }
      : { isBase64Encoded: false }),
  };
};
