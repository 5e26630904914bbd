import * as z from 'zod';
import { courseIdOfPk, defineEntity } from './entity.js';
import { coursePk, keys, prefixes } from './keys.js';
import { queryCourse, type Db, type Item } from './table-ops.js';
import type { TransactItem } from './transactions.js';

/** A DynamoDB string set as read (a Set), as an array sorted for stable output; absent = empty. */
const StringSet = z.preprocess(
  (v) => (v instanceof Set ? [...(v as Set<unknown>)].sort() : v),
  z.array(z.string()).default([]),
);

/**
 * A group. Groups own members, paperId, invited, version and the times; other capabilities keep
 * their data in their own items (the booking under keys.booking), so existing groups are only ever
 * changed by UpdateItem, never replaced.
 * - `paperId` is absent until the group has a paper (chosen, or allocated at the group deadline).
 * - `invited` are the classmates invited and not yet answered, a string SET: inviting (ADD),
 *   declining and accepting (DELETE) touch one element without reading the rest, so they never
 *   race with each other or need the version. Only accepted members are in `members`.
 */
export const groupEntity = defineEntity({
  type: 'group',
  schema: z.object({
    courseId: z.string(),
    groupId: z.string(),
    members: z.array(z.string()).default([]),
    paperId: z.string().optional(),
    invited: StringSet,
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  key: (g) => keys.group(g.courseId, g.groupId),
  // DynamoDB has no empty set: an empty `invited` is no attribute at all.
  encode: ({ invited, ...rest }) => (invited.length ? { ...rest, invited: new Set(invited) } : rest),
});
export type GroupRecord = z.output<typeof groupEntity.schema>;

/** How many groups chose a paper (written by UpdateItem only; the course id is read from the key). */
export const paperSeatsEntity = defineEntity({
  type: 'paper-seats',
  schema: z.object({ courseId: z.string(), paperId: z.string(), taken: z.number().default(0) }),
  key: (p) => keys.paperSeats(p.courseId, p.paperId),
  decode: (item) => ({ ...item, courseId: courseIdOfPk(item.pk) }),
  encode: ({ courseId: _courseId, ...rest }) => rest,
});
export type PaperSeatsRecord = z.output<typeof paperSeatsEntity.schema>;

export const toGroup = (item: Item | undefined): GroupRecord | undefined => groupEntity.parse(item);

/** The whole item of a NEW group. */
export const groupItem = (g: GroupRecord) => groupEntity.toItem(g);

export const listGroups = async (d: Db, courseId: string): Promise<GroupRecord[]> =>
  groupEntity.parseAll(await queryCourse(d, coursePk(courseId), prefixes.group));

export const paperSeatsTaken = (item: Item | undefined): number => paperSeatsEntity.parse(item)?.taken ?? 0;

export const listPaperSeats = async (d: Db, courseId: string): Promise<Map<string, number>> =>
  new Map(
    paperSeatsEntity
      .parseAll(await queryCourse(d, coursePk(courseId), prefixes.paperSeats))
      .map((p) => [p.paperId, p.taken]),
  );

/** A roster entry joins a group only if it exists and is in no group: the guard against two groups. */
export const joinGroupUpdate = (d: Db, courseId: string, email: string, groupId: string): TransactItem => ({
  Update: {
    TableName: d.tableName,
    Key: keys.student(courseId, email),
    UpdateExpression: 'SET groupId = :g',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(groupId)',
    ExpressionAttributeValues: { ':g': groupId },
  },
});

/** A roster entry leaves only the group it is in. */
export const leaveGroupUpdate = (d: Db, courseId: string, email: string, groupId: string): TransactItem => ({
  Update: {
    TableName: d.tableName,
    Key: keys.student(courseId, email),
    UpdateExpression: 'REMOVE groupId',
    ConditionExpression: 'groupId = :g',
    ExpressionAttributeValues: { ':g': groupId },
  },
});

/** Takes a seat on a paper; with a cap, only while seats remain. */
export const takeSeatUpdate = (
  d: Db,
  courseId: string,
  paperId: string,
  cap: number | undefined,
): TransactItem => ({
  Update: {
    TableName: d.tableName,
    Key: keys.paperSeats(courseId, paperId),
    UpdateExpression: 'SET taken = if_not_exists(taken, :zero) + :one, paperId = :p, #t = :type',
    ExpressionAttributeNames: { '#t': 'type' },
    ExpressionAttributeValues: {
      ':zero': 0,
      ':one': 1,
      ':p': paperId,
      ':type': 'paper-seats',
      ...(cap === undefined ? {} : { ':cap': cap }),
    },
    ...(cap === undefined ? {} : { ConditionExpression: 'attribute_not_exists(taken) OR taken < :cap' }),
  },
});

export const releaseSeatUpdate = (d: Db, courseId: string, paperId: string): TransactItem => ({
  Update: {
    TableName: d.tableName,
    Key: keys.paperSeats(courseId, paperId),
    UpdateExpression: 'SET taken = taken - :one',
    ConditionExpression: 'taken > :zero',
    ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
  },
});

/** The group item, only if no group with that id exists (ids are random; this guards the impossible). */
export const putNewGroup = (d: Db, group: GroupRecord): TransactItem => ({
  Put: { TableName: d.tableName, Item: groupItem(group), ConditionExpression: 'attribute_not_exists(pk)' },
});

/**
 * Changes the attributes groups own (members, paper) only at the version the writer read. An
 * UpdateItem, not a Put: attributes other capabilities may keep on the group item survive.
 */
export const updateGroupAtVersion = (
  d: Db,
  courseId: string,
  groupId: string,
  readVersion: number,
  change: { members: string[]; paperId?: string | undefined; updatedAt: string },
  /** Classmates invited in the same change (one item may appear once in a transaction). */
  invite: string[] = [],
): TransactItem => ({
  Update: {
    TableName: d.tableName,
    Key: keys.group(courseId, groupId),
    UpdateExpression: [
      change.paperId === undefined
        ? 'SET members = :m, version = :nv, updatedAt = :u REMOVE paperId'
        : 'SET members = :m, paperId = :p, version = :nv, updatedAt = :u',
      ...(invite.length ? ['ADD invited :inv'] : []),
    ].join(' '),
    ConditionExpression: 'version = :v',
    ExpressionAttributeValues: {
      ':m': change.members,
      ...(change.paperId === undefined ? {} : { ':p': change.paperId }),
      ...(invite.length ? { ':inv': new Set(invite) } : {}),
      ':nv': readVersion + 1,
      ':u': change.updatedAt,
      ':v': readVersion,
    },
  },
});

export const deleteGroupAtVersion = (
  d: Db,
  courseId: string,
  groupId: string,
  readVersion: number,
): TransactItem => ({
  Delete: {
    TableName: d.tableName,
    Key: keys.group(courseId, groupId),
    ConditionExpression: 'version = :v',
    ExpressionAttributeValues: { ':v': readVersion },
  },
});
