import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { routes, type Route } from '../functions/routes.js';
import { errorBody } from '../shared/http/responses.js';
import { withCallLog } from './ddb-call-counter.js';
import { authorizerClaims, buildHttpEvent } from './http-event.js';
import { invoke } from './lambda-invoker.js';
import type { TokenIssuer } from './token-issuer.js';
import { CLOCK_HEADER, requestedInstant, type LocalClock } from './local-clock.js';

/** API Gateway's payload limit. */
const MAX_BODY = 10 * 1024 * 1024;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const compile = (route: Route): CompiledRoute => {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
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

export interface GatewayOptions {
  issuer: TokenIssuer;
  clock: LocalClock;
  /** /_local/* routes, matched before the API's. */
  localRoutes: { method: string; pattern: RegExp; run: LocalRoute }[];
}

export const readBody = (req: IncomingMessage, limit = MAX_BODY): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new RangeError('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type':
      typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...headers,
  });
  res.end(text);
};

const bearer = (req: IncomingMessage): string | undefined => {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m?.[1];
};

/** A tiny API Gateway: routes, JWT authorizer, payload 2.0 events, the same handlers as on AWS. */
export const createGateway = (options: GatewayOptions): Server => {
  const compiled = routes.map(compile);

  const serveApi = async (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => {
    const method = req.method ?? 'GET';
    let pathMatched = false;
    for (const c of compiled) {
      const m = c.pattern.exec(url.pathname);
      if (!m) continue;
      pathMatched = true;
      if (c.route.method !== method) continue;
      let claims: Record<string, string | number | boolean> | undefined;
      if (!c.route.public) {
        const token = bearer(req);
        if (!token) return send(res, 401, errorBody('unauthorized', 'A bearer token is required'));
        try {
          claims = authorizerClaims(await options.issuer.verify(token));
        } catch (error) {
          return send(res, 401, errorBody('unauthorized', `Invalid token: ${(error as Error).message}`));
        }
      }
      const pathParameters = Object.fromEntries(
        c.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]),
      );
      const event = buildHttpEvent({
        req,
        url,
        routeKey: `${c.route.method} ${c.route.path}`,
        pathParameters,
        body,
        now: options.clock.now(),
        ...(claims ? { claims } : {}),
      });
      const { result, log } = await withCallLog(() =>
        invoke<APIGatewayProxyStructuredResultV2>(c.route.handler, event),
      );
      const headers: Record<string, string> = {
        ...(result.headers as Record<string, string> | undefined),
        'x-examdesk-ddb-calls': String(log.operations.length),
        'x-examdesk-ddb-ops': log.operations.join(','),
      };
      res.writeHead(result.statusCode ?? 200, headers);
      res.end(
        result.body === undefined
          ? undefined
          : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
      );
      return;
    }
    send(
      res,
      pathMatched ? 405 : 404,
      errorBody(pathMatched ? 'method_not_allowed' : 'not_found', `No route ${method} ${url.pathname}`),
    );
  };

  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    void (async () => {
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch {
        return send(res, 413, errorBody('payload_too_large', 'The request body exceeds 10 MB'));
      }
      try {
        await options.clock.runAt(requestedInstant(req.headers[CLOCK_HEADER]), () =>
          route(req, res, url, body),
        );
      } catch (error) {
        console.error(
          JSON.stringify({ level: 'error', message: 'local gateway failure', error: String(error) }),
        );
        if (!res.headersSent)
          send(res, 502, errorBody('bad_gateway', 'The local gateway failed; see the server log'));
      }
    })();
  });

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
