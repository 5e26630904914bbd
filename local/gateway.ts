import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Issue } from '../shared/errors.js';
import { errorBody } from '../shared/http/responses.js';
import { withCallLog } from './ddb-call-counter.js';
import { authorizerClaims, buildHttpEvent } from './http-event.js';
import type { FunctionRunner } from './runtime/runners.js';
import type { LocalRouteSpec } from './template/local-app.js';
import type { TokenIssuer } from './token-issuer.js';
import { CLOCK_HEADER, requestedInstant, type LocalClock } from './local-clock.js';

/** API Gateway's payload limit. */
const MAX_BODY = 10 * 1024 * 1024;
/**
 * A body over the limit is still read to its end (and thrown away) so that the client, which is
 * still sending, gets the 413 instead of a connection reset; past this much the gateway gives up,
 * answers and closes the connection.
 */
const MAX_DRAIN = 100 * 1024 * 1024;

interface CompiledRoute {
  route: LocalRouteSpec;
  method: string;
  path: string;
  pattern: RegExp;
  names: string[];
}

/** A route key of the template ("GET /courses/{courseId}") as a matcher. */
const compile = (route: LocalRouteSpec): CompiledRoute => {
  const [method = '', path = ''] = route.routeKey.split(' ');
  const names: string[] = [];
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, method, path, pattern: new RegExp(`^${source}$`), names };
};

export type LocalRoute = (
  req: IncomingMessage,
  body: Buffer,
  url: URL,
  match: RegExpExecArray,
) => Promise<LocalReply>;
export interface LocalReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export interface LocalRouteEntry {
  method: string;
  pattern: RegExp;
  run: LocalRoute;
}

/** Serves what no API route claims (GET/HEAD outside /_local): the web app. False when it did not. */
export type WebHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface GatewayOptions {
  issuer: TokenIssuer;
  clock: LocalClock;
  /** The API's routes as the synthesized template declares them (route key -> function). */
  routes: readonly LocalRouteSpec[];
  runner: FunctionRunner;
  /** /_local/* routes, matched before the API's. */
  localRoutes: LocalRouteEntry[];
  /** The web app, for GET/HEAD paths no API route has (API and /_local routes keep precedence). */
  web?: WebHandler;
}

/** Why a body was not read: too large (read to its end, or given up on), or the client went away. */
export class BodyError extends Error {
  constructor(
    readonly kind: 'too-large' | 'too-large-gave-up' | 'aborted',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The request body, up to `limit` bytes. A larger body is read to its end and discarded (up to
 * `drainLimit`), so that the 413 reaches a client that is still sending.
 */
export const readBody = (req: IncomingMessage, limit = MAX_BODY, drainLimit = MAX_DRAIN): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (!tooLarge && size > limit) {
        tooLarge = true;
        chunks.length = 0;
      }
      if (!tooLarge) chunks.push(chunk);
      else if (size > drainLimit) {
        req.pause();
        reject(new BodyError('too-large-gave-up', 'body too large'));
      }
    });
    req.on('end', () =>
      tooLarge ? reject(new BodyError('too-large', 'body too large')) : resolve(Buffer.concat(chunks)),
    );
    req.on('error', (error) => reject(new BodyError('aborted', error.message)));
    req.on('aborted', () => reject(new BodyError('aborted', 'request aborted')));
  });

/** host[:port] with a DNS name, IPv4 or bracketed IPv6 address. */
const HOST = /^(?:[A-Za-z0-9][A-Za-z0-9.-]{0,252}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * The request target as a URL, never trusting what the client sent: a Host header that is not a
 * plain host[:port] (RFC 9112 §3.2: answer 400) and a target that is not a path are named as a 400
 * issue instead of reaching `new URL`, which throws on them.
 */
export const requestUrl = (
  target: string | undefined,
  host: string | undefined,
): { ok: true; url: URL } | { ok: false; issue: Issue } => {
  if (host !== undefined && !HOST.test(host))
    return { ok: false, issue: { path: 'header.host', message: 'not a valid host[:port]' } };
  if (!target?.startsWith('/'))
    return { ok: false, issue: { path: 'url', message: 'expected a path such as /courses' } };
  try {
    // Concatenated, not resolved against a base: "//evil/x" stays a path, not another host.
    return { ok: true, url: new URL(`http://${host ?? 'localhost'}${target}`) };
  } catch {
    return { ok: false, issue: { path: 'url', message: 'not a valid request target' } };
  }
};

/** Path parameters percent-decoded; a malformed escape (%C0%AE, %zz) is named, as a 400. */
const decodePathParameters = (
  names: string[],
  match: RegExpExecArray,
): { ok: true; values: Record<string, string> } | { ok: false; issues: Issue[] } => {
  const values: Record<string, string> = {};
  const issues: Issue[] = [];
  names.forEach((name, i) => {
    const raw = match[i + 1] ?? '';
    try {
      values[name] = decodeURIComponent(raw);
    } catch {
      issues.push({
        path: `path.${name}`,
        message: `malformed percent-encoding in "${raw}" (each %XX must spell UTF-8 text)`,
      });
    }
  });
  return issues.length ? { ok: false, issues } : { ok: true, values };
};

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type':
      typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...headers,
  });
  res.end(text);
};

export const bearer = (req: IncomingMessage): string | undefined => {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m?.[1];
};

/** A tiny API Gateway: routes, JWT authorizer, payload 2.0 events, the same handlers as on AWS. */
export const createGateway = (options: GatewayOptions): Server => createServer(gatewayHandler(options));

/**
 * The gateway as a request listener, for a server that listens before the gateway exists (the
 * token issuer's URL holds the port, which is known only then).
 */
export const gatewayHandler = (options: GatewayOptions): RequestListener => {
  const compiled = options.routes.map(compile);

  const serveApi = async (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => {
    const method = req.method ?? 'GET';
    let pathMatched = false;
    for (const c of compiled) {
      const m = c.pattern.exec(url.pathname);
      if (!m) continue;
      pathMatched = true;
      if (c.method !== method) continue;
      // A path that cannot be decoded is refused before anything else.
      const decoded = decodePathParameters(c.names, m);
      if (!decoded.ok)
        return send(res, 400, errorBody('invalid_path', 'The request path is not valid', decoded.issues));
      const pathParameters = decoded.values;
      let claims: Record<string, string | number | boolean> | undefined;
      if (c.route.authorization !== 'NONE') {
        const token = bearer(req);
        if (!token) return send(res, 401, errorBody('unauthorized', 'A bearer token is required'));
        try {
          claims = authorizerClaims(await options.issuer.verify(token));
        } catch (error) {
          return send(res, 401, errorBody('unauthorized', `Invalid token: ${(error as Error).message}`));
        }
      }
      const event = buildHttpEvent({
        req,
        url,
        routeKey: c.route.routeKey,
        pathParameters,
        body,
        now: options.clock.now(),
        ...(claims ? { claims } : {}),
      });
      // Bundles: the DynamoDB gate counts the calls of the execution environment that served the
      // request. Sources (one process): an SDK middleware attributes them to the request.
      const { result: outcome, log } = await withCallLog(() =>
        options.runner.invoke(c.route.functionId, event),
      );
      const operations = outcome.calls ?? log.operations;
      if (!outcome.ok) {
        // What API Gateway answers when the integration fails (an error thrown, a timeout).
        console.error(
          JSON.stringify({
            level: 'error',
            message: 'function failed',
            route: c.route.routeKey,
            error: outcome.error,
          }),
        );
        return send(
          res,
          500,
          { message: 'Internal Server Error' },
          { 'x-examdesk-ddb-calls': String(operations.length) },
        );
      }
      const result = outcome.result as APIGatewayProxyStructuredResultV2;
      const headers: Record<string, string> = {
        ...(result.headers as Record<string, string> | undefined),
        'x-examdesk-ddb-calls': String(operations.length),
        'x-examdesk-ddb-ops': operations.join(','),
      };
      res.writeHead(result.statusCode ?? 200, headers);
      res.end(
        result.body === undefined
          ? undefined
          : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
      );
      return;
    }
    const readOnly = method === 'GET' || method === 'HEAD';
    if (!pathMatched && readOnly && options.web && !url.pathname.startsWith('/_local/'))
      if (await options.web(req, res, url)) return;
    send(
      res,
      pathMatched ? 405 : 404,
      errorBody(pathMatched ? 'method_not_allowed' : 'not_found', `No route ${method} ${url.pathname}`),
    );
  };

  const fail = (res: ServerResponse, error: unknown) => {
    console.error(JSON.stringify({ level: 'error', message: 'local gateway failure', error: String(error) }));
    if (!res.headersSent)
      send(res, 502, errorBody('bad_gateway', 'The local gateway failed; see the server log'));
    else res.destroy();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyError && error.kind === 'aborted') return void res.destroy();
      const gaveUp = error instanceof BodyError && error.kind === 'too-large-gave-up';
      if (gaveUp) res.once('finish', () => req.destroy());
      return send(
        res,
        413,
        errorBody('payload_too_large', 'The request body exceeds 10 MB'),
        gaveUp ? { connection: 'close' } : {},
      );
    }
    const target = requestUrl(req.url, req.headers.host);
    if (!target.ok)
      return send(res, 400, errorBody('invalid_request', 'The request is not valid', [target.issue]));
    const url = target.url;
    await options.clock.runAt(requestedInstant(req.headers[CLOCK_HEADER]), () => route(req, res, url, body));
  };

  return (req, res) => {
    // Nothing a request does may escape as an unhandled error and stop the server.
    try {
      handle(req, res).catch((error: unknown) => fail(res, error));
    } catch (error) {
      fail(res, error);
    }
  };

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
    for (const local of options.localRoutes) {
      const m = local.pattern.exec(url.pathname);
      if (m && local.method === req.method) {
        const reply = await local.run(req, body, url, m);
        if (reply.body === undefined) {
          res.writeHead(reply.status, reply.headers);
          res.end();
          return;
        }
        send(res, reply.status, reply.body, reply.headers);
        return;
      }
    }
    await serveApi(req, res, url, body);
  }
};
