import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Clock } from '../shared/runtime/clock.js';
import { log } from '../shared/runtime/log.js';
import type { FunctionRunner } from './runtime/runners.js';
import { matchesPattern } from './template/event-pattern.js';
import { LOCAL_REGION, type LocalStreamMappingSpec } from './template/local-app.js';

const POLL_MS = 200;
const RETRY_DELAY_MS = 1_000;
/** Locally a batch that keeps failing is given up after this many retries (Lambda: until expiry). */
const LOCAL_MAX_RETRIES = 5;

/** A stream record as Lambda hands it to the function (JSON: dates as epoch seconds). */
export const lambdaStreamRecord = (record: StreamRecord, streamArn: string, now: Date) => ({
  eventID: record.eventID,
  eventName: record.eventName,
  eventVersion: record.eventVersion ?? '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: LOCAL_REGION,
  dynamodb: {
    ...record.dynamodb,
    // Stamped on the local clock, as the events S3 and schedules send: the functions reading the
    // stream then live on the same clock as the jobs (a course played in 2023 stays in 2023).
    ApproximateCreationDateTime: Math.floor(now.getTime() / 1000),
  },
  eventSourceARN: streamArn,
});

type LambdaRecord = ReturnType<typeof lambdaStreamRecord>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What Lambda's event source mappings do for the app's DynamoDB streams, read from the template:
 * poll each shard of the table's stream, keep the records a filter pattern matches, invoke the
 * function with batches of at most BatchSize in order, and retry a failed batch (or, with
 * ReportBatchItemFailures, from the first failed record on) before moving on.
 */
export const startStreamPollers = (
  mappings: readonly LocalStreamMappingSpec[],
  runner: FunctionRunner,
  endpoint: string,
  clock: Clock,
): { ready: Promise<void>; stop(): Promise<void> } => {
  // The local admin reads the stream, as Lambda's service does on AWS (not the function's role).
  const config = { endpoint, region: LOCAL_REGION };
  const tables = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  let stopped = false;

  const deliver = async (mapping: LocalStreamMappingSpec, batch: LambdaRecord[]) => {
    let pending = batch;
    for (let attempt = 0; pending.length > 0 && !stopped; attempt++) {
      const outcome = await runner.invoke(mapping.functionId, { Records: pending });
      let failedFrom = -1;
      if (!outcome.ok) failedFrom = 0;
      else if (mapping.reportBatchItemFailures) {
        const failures = (outcome.result as { batchItemFailures?: { itemIdentifier?: string }[] } | undefined)
          ?.batchItemFailures;
        const ids = new Set((failures ?? []).map((f) => f.itemIdentifier));
        failedFrom = pending.findIndex((r) => ids.has(r.dynamodb.SequenceNumber));
      }
      if (failedFrom < 0) return;
      const limit = mapping.maximumRetryAttempts < 0 ? LOCAL_MAX_RETRIES : mapping.maximumRetryAttempts;
      if (attempt >= limit) {
        log.error('stream batch dropped after its retries (on AWS: the on-failure destination)', {
          mapping: mapping.logicalId,
          records: pending.length - failedFrom,
          error: outcome.ok ? 'batchItemFailures' : outcome.error,
        });
        return;
      }
      pending = pending.slice(failedFrom);
      await sleep(RETRY_DELAY_MS);
    }
  };

  const iteratorOf = async (streamArn: string, shardId: string, type: string) =>
    (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ShardIteratorType: type as 'LATEST' | 'TRIM_HORIZON',
        }),
      )
    ).ShardIterator;

  const pollShard = async (mapping: LocalStreamMappingSpec, streamArn: string, start: string | undefined) => {
    let iterator = start;
    while (iterator && !stopped) {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      const matching = (out.Records ?? [])
        .map((r) => lambdaStreamRecord(r, streamArn, clock.now()))
        .filter((r) => mapping.filters.length === 0 || mapping.filters.some((f) => matchesPattern(f, r)));
      for (let i = 0; i < matching.length && !stopped; i += mapping.batchSize)
        await deliver(mapping, matching.slice(i, i + mapping.batchSize));
      iterator = out.NextShardIterator;
      if (!out.Records?.length) await sleep(POLL_MS);
    }
  };

  /** Starts reading the shards not read yet; resolves once each has its iterator. */
  const follow = async (
    mapping: LocalStreamMappingSpec,
    streamArn: string,
    seen: Set<string>,
    type: string,
  ) => {
    const described = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const fresh = (described.StreamDescription?.Shards ?? []).filter(
      (s) => s.ShardId && !seen.has(s.ShardId),
    );
    await Promise.all(
      fresh.map(async (shard) => {
        const shardId = shard.ShardId ?? '';
        seen.add(shardId);
        const start = await iteratorOf(streamArn, shardId, type);
        void pollShard(mapping, streamArn, start).catch((error: unknown) => {
          if (!stopped) log.error('stream shard polling failed', { mapping: mapping.logicalId, error });
          seen.delete(shardId);
        });
      }),
    );
  };

  const start = async (mapping: LocalStreamMappingSpec) => {
    const table = await tables.send(new DescribeTableCommand({ TableName: mapping.tableName }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn) throw new Error(`Table ${mapping.tableName} has no stream for ${mapping.logicalId}`);
    const seen = new Set<string>();
    // The shards open now, from the template's starting position; shards opened later (a split)
    // from their beginning.
    await follow(mapping, streamArn, seen, mapping.startingPosition);
    const watch = setInterval(() => {
      if (!stopped)
        follow(mapping, streamArn, seen, 'TRIM_HORIZON').catch((error: unknown) =>
          log.error('stream shards lookup failed', { mapping: mapping.logicalId, error }),
        );
    }, 5_000);
    watch.unref();
    watches.push(watch);
  };

  const watches: NodeJS.Timeout[] = [];
  const ready = Promise.all(mappings.map((m) => start(m))).then(() => undefined);
  return {
    ready,
    stop: async () => {
      stopped = true;
      watches.forEach(clearInterval);
      tables.destroy();
      streams.destroy();
    },
  };
};
