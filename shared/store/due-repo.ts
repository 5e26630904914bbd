import type { DueEntry, JobKind } from '../domain/notice-schedule.js';
import { coursePk } from './keys.js';
import * as z from 'zod';
import { defineEntity } from './entity.js';
import { queryAll, type Db, type TransactItem } from './table-ops.js';
import { GSI1_NAME } from './keys.js';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';

/**
 * Due entries live in the course partition (DUE#job#key) and, while pending, in GSI1 under
 * DUE#job sorted by instant, so a job reads only what is due now. Done entries move to DONE#job.
 */
const dueSk = (job: JobKind, key: string) => `DUE#${job}#${key}`;
const pendingPk = (job: JobKind) => `DUE#${job}`;
const donePk = (job: JobKind) => `DONE#${job}`;
const indexSk = (at: Date, courseId: string, key: string) => `${at.toISOString()}#${courseId}#${key}`;

/**
 * An agenda entry (written by UpdateItem only, see upsertDue). Stored as `dueKey` and an ISO `at`;
 * the record carries the entry's `key` and `at` as a Date.
 */
export const dueEntity = defineEntity({
  type: 'due',
  schema: z.object({
    courseId: z.string(),
    job: z.enum(['reminders', 'enforcement']),
    key: z.string(),
    deadlineKey: z.string(),
    /** ISO 8601 duration before the deadline, for reminders. */
    offset: z.string().optional(),
    at: z.date(),
  }),
  key: (e) => ({ pk: coursePk(e.courseId), sk: dueSk(e.job, e.key) }),
  decode: ({ dueKey, at, offset, ...rest }) => ({
    ...rest,
    key: dueKey,
    at: typeof at === 'string' ? new Date(at) : at,
    // Entries without an offset were stored without it (or with an empty one).
    ...(offset ? { offset } : {}),
  }),
  encode: ({ key, at, ...rest }) => ({ ...rest, dueKey: key, at: at.toISOString() }),
});
export type DueRecord = z.output<typeof dueEntity.schema> & DueEntry;

/** Upsert that never revives an entry already done (its index key stays DONE#…). */
export const upsertDue = (d: Db, courseId: string, e: DueEntry): TransactItem => ({
  Update: {
    TableName: d.tableName,
    Key: { pk: coursePk(courseId), sk: dueSk(e.job, e.key) },
    UpdateExpression:
      'SET gsi1pk = if_not_exists(gsi1pk, :pk), gsi1sk = :sk, courseId = :c, job = :j, dueKey = :k, deadlineKey = :dk, #at = :at, #t = :t' +
      (e.offset ? ', #o = :o' : ''),
    ExpressionAttributeNames: { '#at': 'at', '#t': 'type', ...(e.offset ? { '#o': 'offset' } : {}) },
    ExpressionAttributeValues: {
      ':pk': pendingPk(e.job),
      ':sk': indexSk(e.at, courseId, e.key),
      ':c': courseId,
      ':j': e.job,
      ':k': e.key,
      ':dk': e.deadlineKey,
      ':at': e.at.toISOString(),
      ':t': 'due',
      ...(e.offset ? { ':o': e.offset } : {}),
    },
  },
});

export const deleteDue = (d: Db, courseId: string, e: Pick<DueEntry, 'job' | 'key'>): TransactItem => ({
  Delete: { TableName: d.tableName, Key: { pk: coursePk(courseId), sk: dueSk(e.job, e.key) } },
});

/** Pending entries of a job with from < instant ≤ to: one Query (more pages only if much is due). */
export const queryDue = async (d: Db, job: JobKind, from: Date, to: Date): Promise<DueRecord[]> =>
  dueEntity.parseAll(
    await queryAll(d, {
      IndexName: GSI1_NAME,
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':p': pendingPk(job),
        ':from': from.toISOString(),
        ':to': `${to.toISOString()}#~`,
      },
    }),
  );

export const markDueDone = (d: Db, e: DueRecord, doneAt: Date) =>
  d.db.send(
    new UpdateCommand({
      TableName: d.tableName,
      Key: { pk: coursePk(e.courseId), sk: dueSk(e.job, e.key) },
      UpdateExpression: 'SET gsi1pk = :done, doneAt = :now',
      ExpressionAttributeValues: { ':done': donePk(e.job), ':now': doneAt.toISOString() },
    }),
  );
