import * as z from 'zod';
import { defineEntity } from '../store/entity.js';
import { coursePk, keys, prefixes } from '../store/keys.js';
import { queryCourse, type Db } from '../store/table-ops.js';
import type { TransactItem } from '../store/transactions.js';

/** What the student saw (as displayed) of the component and of the final at a moment. */
export const SeenGrade = z.object({ value: z.number().nullable(), final: z.number().nullable() });
export type SeenGrade = z.output<typeof SeenGrade>;

export const RegradeDecision = z.enum(['upheld', 'changed']);
export type RegradeDecision = z.output<typeof RegradeDecision>;

const RegradeAnswer = z.object({
  decision: RegradeDecision,
  response: z.string(),
  by: z.string(),
  at: z.string(),
  /** What the student sees once answered ('changed': differs from `seen` of the request). */
  now: SeenGrade,
});

const RegradeRound = z.object({
  /** 1, 2, …: a student may ask again once the previous request of the component is answered. */
  round: z.number().int().min(1),
  reason: z.string(),
  at: z.string(),
  seen: SeenGrade,
  answer: RegradeAnswer.optional(),
});
export type RegradeRound = z.output<typeof RegradeRound>;

/**
 * One student's regrade requests of one component, all rounds in one item: /me reads it by key,
 * and "one open request per (student, component)" is the item's own version condition.
 */
export const regradeEntity = defineEntity({
  type: 'regrade',
  schema: z.object({
    courseId: z.string(),
    email: z.string(),
    /** The student's name when they first asked (listings read no roster). */
    name: z.string(),
    componentId: z.string(),
    /** +1 on every write (a request or an answer); each write carries the version it read. */
    version: z.number().int().min(1),
    rounds: z.array(RegradeRound).min(1),
  }),
  key: (r) => keys.regrade(r.courseId, r.email, r.componentId),
});
export type RegradeRecord = z.output<typeof regradeEntity.schema>;

/** The round waiting for an answer, if any (only the last can be). */
export const openRound = (r: RegradeRecord | undefined): RegradeRound | undefined => {
  const last = r?.rounds.at(-1);
  return last && !last.answer ? last : undefined;
};

/** Writes the whole item over the version the writer read (0: only if there is none yet). */
export const putRegradeAtVersion = (d: Db, record: RegradeRecord, readVersion: number): TransactItem => ({
  Put: {
    TableName: d.tableName,
    Item: regradeEntity.toItem(record),
    ...(readVersion === 0
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': readVersion } }),
  },
});

/** Every regrade item of a course (one Query under REGRADE#). */
export const listRegradeRecords = async (d: Db, courseId: string): Promise<RegradeRecord[]> =>
  regradeEntity.parseAll(await queryCourse(d, coursePk(courseId), prefixes.regrade));

/**
 * The id a route names one round by: its item's key parts and the round, base64url (emails hold
 * '@' and '+'), so an answer finds the item by key without a lookup.
 */
const IdParts = z.tuple([z.string().min(1), z.string().min(1), z.number().int().min(1)]);
export const regradeIdOf = (email: string, componentId: string, round: number): string =>
  Buffer.from(JSON.stringify([email, componentId, round]), 'utf8').toString('base64url');

export const partsOfRegradeId = (
  regradeId: string,
): { email: string; componentId: string; round: number } | undefined => {
  try {
    const parsed = IdParts.safeParse(JSON.parse(Buffer.from(regradeId, 'base64url').toString('utf8')));
    return parsed.success
      ? { email: parsed.data[0], componentId: parsed.data[1], round: parsed.data[2] }
      : undefined;
  } catch {
    return undefined;
  }
};
