import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Line = Record<string, unknown>;

/** Every JSON line written to stdout or stderr while `run` runs. */
const captured = async (run: () => Promise<void>): Promise<Line[]> => {
  const chunks: string[] = [];
  const keep = (chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(keep);
  try {
    await run();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return chunks
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
};

const context = (awsRequestId: string) =>
  ({
    awsRequestId,
    functionName: 'ExamdeskStateless-HttpCreateGroup-abc',
    functionVersion: '$LATEST',
    invokedFunctionArn:
      'arn:aws:lambda:eu-west-3:123456789012:function:ExamdeskStateless-HttpCreateGroup-abc',
    memoryLimitInMB: '512',
  }) as Context;

const httpEvent = (requestId: string) =>
  ({
    version: '2.0',
    routeKey: 'POST /courses/{courseId}/groups',
    rawPath: '/courses/c1/groups',
    headers: {},
    isBase64Encoded: false,
    requestContext: { requestId, timeEpoch: Date.now() },
  }) as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

/** Fresh modules per test: the logger and the metrics read the environment when first used. */
const load = async () => {
  vi.resetModules();
  return {
    ...(await import('../../shared/runtime/log.js')),
    ...(await import('../../shared/runtime/metrics.js')),
    ...(await import('../../shared/http/http-handler.js')),
    ...(await import('../../shared/notices/scheduled-handler.js')),
  };
};

beforeEach(() => {
  vi.stubEnv('LOG_LEVEL', 'info');
  vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'create-group');
  // What Lambda sets in an on-demand execution environment: Powertools reports its cold start.
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  vi.stubEnv('TABLE_NAME', 'unit-table');
  vi.stubEnv('BUCKET_NAME', 'unit-bucket');
  vi.stubEnv('MAIL_FROM', 'exams@uni.example');
  vi.stubEnv('AWS_REGION', 'eu-west-3');
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('structured logs', () => {
  it('carry the request id, the correlation id (API Gateway request id) and the cold start', async () => {
    const { httpHandler, log } = await load();
    const handler = httpHandler({ public: true }, async () => {
      log.info('group formed', { courseId: 'c1' });
      return { ok: true };
    });
    const lines = await captured(async () => {
      await handler(httpEvent('apigw-1'), context('lambda-1'));
      await handler(httpEvent('apigw-2'), context('lambda-2'));
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'INFO',
        message: 'group formed',
        service: 'create-group',
        courseId: 'c1',
        function_request_id: 'lambda-1',
        correlation_id: 'apigw-1',
        cold_start: true,
        function_name: 'ExamdeskStateless-HttpCreateGroup-abc',
        timestamp: expect.any(String),
      }),
      expect.objectContaining({
        message: 'group formed',
        function_request_id: 'lambda-2',
        correlation_id: 'apigw-2',
        cold_start: false,
      }),
    ]);
  });

  it('log an unexpected error with its stack, on stderr like before', async () => {
    const { httpHandler } = await load();
    const handler = httpHandler({ public: true }, async () => {
      throw new Error('boom');
    });
    const lines = await captured(async () => {
      expect((await handler(httpEvent('apigw-3'), context('lambda-3'))).statusCode).toBe(500);
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        message: 'unhandled error',
        correlation_id: 'apigw-3',
        requestId: 'lambda-3',
        error: expect.objectContaining({ name: 'Error', message: 'boom', stack: expect.any(String) }),
      }),
    ]);
  });

  it('take the EventBridge event id as correlation id in scheduled jobs', async () => {
    const { scheduledHandler } = await load();
    const handler = scheduledHandler('reminders', async () => ({
      job: 'reminders',
      runId: 'r1',
      now: '2023-04-01T10:00:00.000Z',
      due: 0,
      courses: 0,
      sent: 0,
      failed: 0,
      entries: [],
    }));
    const lines = await captured(async () => {
      await handler(
        { id: 'event-1', 'detail-type': 'Scheduled Event', time: '2023-04-01T10:00:00Z' },
        context('lambda-4'),
      );
    });
    expect(lines).toEqual([
      expect.objectContaining({
        message: 'scheduled job finished',
        job: 'reminders',
        correlation_id: 'event-1',
        function_request_id: 'lambda-4',
      }),
    ]);
  });

  it('print nothing, metrics included, with LOG_LEVEL=silent', async () => {
    vi.stubEnv('LOG_LEVEL', 'silent');
    const { httpHandler, log, count } = await load();
    const handler = httpHandler({ public: true }, async () => {
      log.error('not printed');
      count('GroupFormed');
      return {};
    });
    expect(await captured(async () => void (await handler(httpEvent('a'), context('b'))))).toEqual([]);
  });
});

describe('business metrics', () => {
  it('count() writes one EMF blob at the end of the invocation', async () => {
    const { httpHandler, count } = await load();
    const handler = httpHandler({ public: true }, async () => {
      count('GroupFormed');
      count('BookingMade', 2);
      return {};
    });
    const lines = await captured(async () => void (await handler(httpEvent('a'), context('b'))));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      _aws: {
        Timestamp: expect.any(Number),
        CloudWatchMetrics: [
          {
            Namespace: 'Examdesk',
            Dimensions: [['service']],
            Metrics: [
              { Name: 'GroupFormed', Unit: 'Count' },
              { Name: 'BookingMade', Unit: 'Count' },
            ],
          },
        ],
      },
      service: 'create-group',
      GroupFormed: 1,
      BookingMade: 2,
    });
  });

  it('writes a count with extra dimensions at once, as a metric of its own', async () => {
    const { count } = await load();
    const lines = await captured(async () => count('UploadRefused', 1, { deliverable: 'report' }));
    expect(lines).toEqual([
      expect.objectContaining({
        _aws: expect.objectContaining({
          CloudWatchMetrics: [
            expect.objectContaining({
              Namespace: 'Examdesk',
              Dimensions: [['service', 'deliverable']],
              Metrics: [{ Name: 'UploadRefused', Unit: 'Count' }],
            }),
          ],
        }),
        service: 'create-group',
        deliverable: 'report',
        UploadRefused: 1,
      }),
    ]);
  });

  it('writes nothing when nothing was counted', async () => {
    const { httpHandler } = await load();
    const handler = httpHandler({ public: true }, async () => ({}));
    expect(await captured(async () => void (await handler(httpEvent('a'), context('b'))))).toEqual([]);
  });
});
