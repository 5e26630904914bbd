import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { AppError } from '../errors.js';
import { type Issue } from '../errors.js';

/** What a use case may return when plain JSON with 200 is not what it means. */
export class HttpResult {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

export const created = (body: unknown) => new HttpResult(201, body);
export const noContent = () => new HttpResult(204, undefined);
export const withStatus = (status: number, body: unknown) => new HttpResult(status, body);
export const textResult = (body: string, contentType: string, headers: Record<string, string> = {}) =>
  new HttpResult(200, body, { 'content-type': contentType, ...headers });

export const toResponse = (result: unknown): APIGatewayProxyStructuredResultV2 => {
  const r = result instanceof HttpResult ? result : new HttpResult(200, result);
  if (r.body === undefined) return { statusCode: r.status, headers: r.headers };
  if (typeof r.body === 'string' && r.headers['content-type'])
    return { statusCode: r.status, headers: r.headers, body: r.body };
  return {
    statusCode: r.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...r.headers },
    body: JSON.stringify(r.body),
  };
};

export const errorBody = (code: string, message: string, issues: Issue[] = []) => ({
  error: { code, message, ...(issues.length ? { issues } : {}) },
});

export const errorResponse = (error: AppError): APIGatewayProxyStructuredResultV2 =>
  toResponse(new HttpResult(error.status, errorBody(error.code, error.message, error.issues)));
