import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../runtime/deps.js';
import { jobRunEntity, type JobRunRecord } from '../store/job-run-repo.js';
import { coursePk, prefixes } from '../store/keys.js';
import { queryCourse, type Db } from '../store/table-ops.js';

export type { EntryOutcome, JobRunRecord } from '../store/job-run-repo.js';

export const recordJobRun = (d: Db, r: JobRunRecord) =>
  d.db.send(
    new PutCommand({
      TableName: d.tableName,
      Item: jobRunEntity.toItem(r),
    }),
  );

/** Newest first, across both jobs. */
export const listJobRuns = async (d: Deps, courseId: string, limit = 100): Promise<JobRunRecord[]> => {
  const items = await queryCourse(d, coursePk(courseId), prefixes.jobRun);
  return jobRunEntity
    .parseAll(items)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .slice(0, limit);
};
