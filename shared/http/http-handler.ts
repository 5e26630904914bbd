import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { z } from 'zod';
import { callerFromClaims, type Caller } from '../auth/caller.js';
import { AppError, BadRequest, Unauthorized } from '../errors.js';
import { deps, type Deps } from '../runtime/deps.js';
import { errorBody, errorResponse, toResponse, HttpResult } from './responses.js';
import { toIssues } from './zod-issues.js';
import { log } from '../runtime/log.js';

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
  rawBody: string;
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

const readBody = (event: HttpEvent): string => {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
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
    try {
      const caller = callerFromClaims(event.requestContext?.authorizer?.jwt?.claims);
      if (!spec.public && !caller) throw new Unauthorized();
      const contentType = (
        event.headers?.['content-type'] ??
        event.headers?.['Content-Type'] ??
        ''
      ).toLowerCase();
      const rawBody = readBody(event);
      const params = parsePart(spec.params as P, event.pathParameters ?? {}, 'path');
      const query = parsePart(spec.query as Q, event.queryStringParameters ?? {}, 'query');
      const body = spec.rawBody
        ? (undefined as Out<B>)
        : parsePart(spec.body as B, parseJson(rawBody) ?? {}, 'body');
      const result = await run({
        params,
        body,
        query,
        caller: caller as Pub extends true ? Caller | undefined : Caller,
        rawBody,
        contentType,
        requestId,
        deps: deps(),
      });
      return toResponse(result);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      log.error('unhandled error', { requestId, route: event.routeKey, error });
      return toResponse(
        new HttpResult(
          500,
          errorBody('internal', `Something went wrong on our side (request ${requestId}).`),
        ),
      );
    }
  };
