import { isUtf8 } from 'node:buffer';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { z } from 'zod';
import { callerFromClaims, type Caller } from '../auth/caller.js';
import { AppError, BadRequest, tryAgain, Unauthorized } from '../errors.js';
import { isRetryableConflict } from '../store/transactions.js';
import { depsAt, type Deps } from '../runtime/deps.js';
import { errorBody, errorResponse, toResponse, HttpResult } from './responses.js';
import { toIssues } from './zod-issues.js';
import { beginInvocation, endInvocation, log } from '../runtime/log.js';

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface HandlerSpec<
  P extends Schema | undefined,
  B extends Schema | undefined,
  Q extends Schema | undefined,
> {
  params?: P;
  body?: B;
  query?: Q;
  /** Routes open to anyone (health, openapi). Every other route needs a caller. */
  public?: boolean;
  /** The body is handed over as text (CSV uploads); `body` is then not parsed as JSON. */
  rawBody?: boolean;
}

export interface HandlerContext<P, B, Q, C> {
  params: P;
  body: B;
  query: Q;
  caller: C;
  /** The body as text (invalid UTF-8 bytes read as U+FFFD); `rawBytes` has the bytes as sent. */
  rawBody: string;
  rawBytes: Buffer;
  contentType: string;
  requestId: string;
  deps: Deps;
}

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpHandler = (event: HttpEvent, context?: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const parsePart = <S extends Schema | undefined>(schema: S, value: unknown, where: string): Out<S> => {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value);
  if (!result.success)
    throw new BadRequest(`Invalid ${where}`, toIssues(result.error, where), 'invalid_input');
  return result.data as Out<S>;
};

const readBytes = (event: HttpEvent): Buffer => {
  if (!event.body) return Buffer.alloc(0);
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
};

const parseJson = (text: string): unknown => {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest(
      'The body is not valid JSON',
      [{ path: 'body', message: 'not valid JSON' }],
      'invalid_json',
    );
  }
};

const requestInstant = (event: HttpEvent): Date | undefined => {
  const epoch = event.requestContext?.timeEpoch;
  return typeof epoch === 'number' && Number.isFinite(epoch) ? new Date(epoch) : undefined;
};

/**
 * The one place where an HTTP event becomes a use-case call and a result or error becomes a
 * response: zod-parsed params, query and body; the caller from the authorizer's claims; typed errors
 * mapped to their status; anything unexpected hidden behind a 500 with a request id.
 */
export const httpHandler =
  <
    P extends Schema | undefined = undefined,
    B extends Schema | undefined = undefined,
    Q extends Schema | undefined = undefined,
    Pub extends boolean = false,
  >(
    spec: HandlerSpec<P, B, Q> & { public?: Pub },
    run: (
      ctx: HandlerContext<Out<P>, Out<B>, Out<Q>, Pub extends true ? Caller | undefined : Caller>,
    ) => Promise<unknown>,
  ): HttpHandler =>
  async (event, context) => {
    const requestId = context?.awsRequestId ?? event.requestContext?.requestId ?? 'local';
    // Logs carry the Lambda context and, as correlation id, API Gateway's request id (the access
    // log's requestId); metrics counted during the request are written when it ends.
    beginInvocation(context, event.requestContext?.requestId);
    try {
      const caller = callerFromClaims(event.requestContext?.authorizer?.jwt?.claims);
      if (!spec.public && !caller) throw new Unauthorized();
      const contentType = (
        event.headers?.['content-type'] ??
        event.headers?.['Content-Type'] ??
        ''
      ).toLowerCase();
      const rawBytes = readBytes(event);
      const rawBody = event.body && !event.isBase64Encoded ? event.body : rawBytes.toString('utf8');
      const params = parsePart(spec.params as P, event.pathParameters ?? {}, 'path');
      const query = parsePart(spec.query as Q, event.queryStringParameters ?? {}, 'query');
      if (!spec.rawBody && !isUtf8(rawBytes))
        throw new BadRequest(
          'The body is not valid UTF-8',
          [{ path: 'body', message: 'not valid UTF-8 text' }],
          'invalid_encoding',
        );
      const body = spec.rawBody
        ? (undefined as Out<B>)
        : parsePart(spec.body as B, parseJson(rawBody) ?? {}, 'body');
      const result = await run({
        params,
        body,
        query,
        caller: caller as Pub extends true ? Caller | undefined : Caller,
        rawBody,
        rawBytes,
        contentType,
        requestId,
        // A request happens at one instant: when API Gateway received it (requestContext.timeEpoch).
        deps: depsAt(requestInstant(event), { fixed: true }),
      });
      return toResponse(result);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      // Another request held the same items (a TransactionConflict alone): nothing was written,
      // so the caller may simply try again. A 409 saying so, never a 500, whatever the use case.
      if (isRetryableConflict(error)) return errorResponse(tryAgain());
      log.error('unhandled error', { requestId, route: event.routeKey, error });
      return toResponse(
        new HttpResult(
          500,
          errorBody('internal', `Something went wrong on our side (request ${requestId}).`),
        ),
      );
    } finally {
      endInvocation();
    }
  };
