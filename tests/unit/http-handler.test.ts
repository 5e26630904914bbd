import { GetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callerFromClaims } from '../../shared/auth/caller.js';
import { resetDeps } from '../../shared/runtime/deps.js';
import { handler as getCourse } from '../../functions/http/get-course.js';

const event = (claims: Record<string, unknown> | undefined, courseId = 'genmod-2023') =>
  ({
    version: '2.0',
    routeKey: 'GET /courses/{courseId}',
    rawPath: `/courses/${courseId}`,
    headers: {},
    pathParameters: { courseId },
    isBase64Encoded: false,
    requestContext: {
      requestId: 'req-1',
      authorizer: claims ? { jwt: { claims, scopes: [] } } : undefined,
    },
  }) as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

const ddb = mockClient(DynamoDBDocumentClient);

beforeAll(() => {
  process.env.TABLE_NAME = 'unit-table';
  resetDeps();
});
afterEach(() => ddb.reset());

describe('httpHandler', () => {
  it('answers 401 without claims, before touching DynamoDB', async () => {
    const res = await getCourse(event(undefined));
    expect(res.statusCode).toBe(401);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('answers 400 listing the bad path parameter', async () => {
    const res = await getCourse(event({ email: 'a@b.example' }, 'Bad Id!'));
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body ?? '{}').error.issues[0].path).toBe('path.courseId');
  });

  it('hides an unexpected failure (throttling) behind a 500 with the request id and no stack trace', async () => {
    ddb
      .onAnyCommand()
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    ddb.on(GetCommand).rejects(new Error('boom'));
    const res = await getCourse(event({ email: 'a@b.example' }));
    expect(res.statusCode).toBe(500);
    const body = res.body ?? '';
    expect(JSON.parse(body).error.message).toContain('req-1');
    expect(body).not.toMatch(/at .*\.ts|stack|slow down/);
  });
});

describe('caller claims', () => {
  it('reads cognito:groups as API Gateway flattens it and as an array', () => {
    expect(callerFromClaims({ email: 'A@B.example', 'cognito:groups': '[admins teachers]' })).toEqual({
      email: 'a@b.example',
      groups: ['admins', 'teachers'],
      isAdmin: true,
    });
    expect(callerFromClaims({ email: 'a@b.example', 'cognito:groups': ['x'] })?.isAdmin).toBe(false);
    expect(callerFromClaims({ sub: 'no-email' })).toBeUndefined();
  });
});
