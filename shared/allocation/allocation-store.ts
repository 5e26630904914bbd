import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { defineEntity } from '../store/entity.js';
import { coursePk, keys, prefixes } from '../store/keys.js';
import { queryCourse, type Db } from '../store/table-ops.js';
import { isConditionFailure } from '../store/transactions.js';

/** A group's ranked papers, best first (ranked courses). Its own item: the group item is never rewritten for it. */
export const preferencesEntity = defineEntity({
  type: 'preferences',
  schema: z.object({
    courseId: z.string(),
    groupId: z.string(),
    ranking: z.array(z.string()),
    updatedAt: z.string(),
    updatedBy: z.string(),
  }),
  key: (p) => keys.preferences(p.courseId, p.groupId),
});
export type PreferencesRecord = z.output<typeof preferencesEntity.schema>;

const PlannedGroup = z.object({
  groupId: z.string(),
  priority: z.number(),
  key: z.string(),
  ranking: z.array(z.string()),
  paperId: z.string().nullable(),
  rank: z.number().nullable(),
  placedBy: z.enum(['ranked', 'seats-left', 'unplaced']),
});

export const SatisfactionReport = z.object({
  waiting: z.number(),
  kept: z.number(),
  ranked: z.number(),
  byRank: z.array(z.object({ rank: z.number(), groups: z.number() })),
  onUnranked: z.number(),
  unplaced: z.number(),
});

/**
 * The allocation the group-deadline job computed, written once (a re-run applies the same plan, so
 * a run that stopped half-way finishes what it started instead of planning again from a mixed state).
 */
export const allocationEntity = defineEntity({
  type: 'allocation',
  schema: z.object({
    courseId: z.string(),
    mode: z.enum(['first-come', 'ranked']),
    seed: z.string(),
    computedAt: z.string(),
    groups: z.array(PlannedGroup),
    report: SatisfactionReport,
  }),
  key: (a) => keys.allocation(a.courseId),
});
export type AllocationRecord = z.output<typeof allocationEntity.schema>;

export const listPreferences = async (d: Db, courseId: string): Promise<Map<string, string[]>> =>
  new Map(
    preferencesEntity
      .parseAll(await queryCourse(d, coursePk(courseId), prefixes.preferences))
      .map((p) => [p.groupId, p.ranking]),
  );

export const putPreferences = (d: Db, record: PreferencesRecord) =>
  d.db.send(new PutCommand({ TableName: d.tableName, Item: preferencesEntity.toItem(record) }));

export const readAllocation = async (d: Db, courseId: string): Promise<AllocationRecord | undefined> => {
  const out = await d.db.send(
    new GetCommand({ TableName: d.tableName, Key: keys.allocation(courseId), ConsistentRead: true }),
  );
  return allocationEntity.parse(out.Item);
};

/** Stores the plan unless one is there; returns the stored one (this one, or the earlier run's). */
export const saveAllocationOnce = async (d: Db, record: AllocationRecord): Promise<AllocationRecord> => {
  try {
    await d.db.send(
      new PutCommand({
        TableName: d.tableName,
        Item: allocationEntity.toItem(record),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return record;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const stored = await readAllocation(d, record.courseId);
    if (!stored) throw error;
    return stored;
  }
};
