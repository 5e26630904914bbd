import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { CourseConfig } from '../../shared/domain/course-config.js';
import { keys } from '../../shared/store/keys.js';

/** An HTTP API (payload 2.0) event as API Gateway hands it to a handler, with the JWT's email. */
export const apiEvent = (input: {
  routeKey: string;
  email: string;
  pathParameters: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
}) =>
  ({
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: '/',
    headers: { 'content-type': 'application/json' },
    pathParameters: input.pathParameters,
    ...(input.query ? { queryStringParameters: input.query } : {}),
    ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
    isBase64Encoded: false,
    requestContext: {
      requestId: 'req-1',
      authorizer: { jwt: { claims: { email: input.email }, scopes: [] } },
    },
  }) as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

/** A course item as stored. */
export const courseItem = (courseId: string, config: CourseConfig) => ({
  ...keys.course(courseId),
  type: 'course',
  courseId,
  title: config.title,
  config,
  version: 1,
  updatedAt: '2023-01-01T00:00:00Z',
  updatedBy: 'admin@examdesk.example',
});

/** A BatchGet answered from `items` by sort key, as a table holding exactly them would. */
export const batchGetFrom =
  (items: readonly { sk: string }[], table = 'unit-table') =>
  (input: { RequestItems: Record<string, { Keys: { sk: string }[] }> }) => {
    const wanted = new Set(Object.values(input.RequestItems)[0]?.Keys.map((k) => k.sk));
    return { Responses: { [table]: items.filter((i) => wanted.has(i.sk)) } };
  };
