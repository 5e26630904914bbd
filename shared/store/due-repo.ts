import type { DueEntry, JobKind } from '../domain/notice-schedule.js';
import { coursePk } from './keys.js';
import { queryAll, type Db, type Item, type TransactItem } from './table-ops.js';
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

export interface DueRecord extends DueEntry {
  courseId: string;
}

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

const toDue = (i: Item): DueRecord => ({
  courseId: i.courseId as string,
  job: i.job as JobKind,
  key: i.dueKey as string,
  deadlineKey: i.deadlineKey as string,
  at: new Date(i.at as string),
  ...(i.offset ? { offset: i.offset as string } : {}),
});

/** Pending entries of a job with from < instant ≤ to: one Query (more pages only if much is due). */
export const queryDue = async (d: Db, job: JobKind, from: Date, to: Date): Promise<DueRecord[]> =>
  (
    await queryAll(d, {
      IndexName: GSI1_NAME,
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':p': pendingPk(job),
        ':from': from.toISOString(),
        ':to': `${to.toISOString()}#~`,
      },
    })
  ).map(toDue);

export const markDueDone = (d: Db, e: DueRecord, doneAt: Date) =>
  d.db.send(
    new UpdateCommand({
      TableName: d.tableName,
      Key: { pk: coursePk(e.courseId), sk: dueSk(e.job, e.key) },
      UpdateExpression: 'SET gsi1pk = :done, doneAt = :now',
      ExpressionAttributeValues: { ':done': donePk(e.job), ':now': doneAt.toISOString() },
    }),
  );
