import * as z from 'zod';
import { defineEntity } from './entity.js';
import { coursePk, keys, prefixes } from './keys.js';
import { queryCourse, type Db } from './table-ops.js';
import type { TransactItem } from './transactions.js';

/** The graders of each group for one component (shared/marking), written over the version read. */
export const assignmentsEntity = defineEntity({
  type: 'marking-assignments',
  schema: z.object({
    courseId: z.string(),
    componentId: z.string(),
    /** groupId → the graders' emails. A group without an entry has no graders for this component. */
    groups: z.record(z.string(), z.array(z.string())),
    version: z.number(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  }),
  key: (a) => keys.markingAssignments(a.courseId, a.componentId),
});
export type AssignmentsRecord = z.output<typeof assignmentsEntity.schema>;

const MarkRecord = z.object({
  grader: z.string(),
  score: z.number().optional(),
  aspects: z.record(z.string(), z.number()).optional(),
  comment: z.string().optional(),
  at: z.string(),
});
export type MarkRecord = z.output<typeof MarkRecord>;

/** The independent marks of a second-marked component of one group: at most two, one per grader. */
export const secondMarksEntity = defineEntity({
  type: 'second-marks',
  schema: z.object({
    courseId: z.string(),
    groupId: z.string(),
    componentId: z.string(),
    marks: z.array(MarkRecord).max(2),
    version: z.number(),
  }),
  key: (m) => keys.secondMarks(m.courseId, m.groupId, m.componentId),
});
export type SecondMarksRecord = z.output<typeof secondMarksEntity.schema>;

const atVersion = (readVersion: number) =>
  readVersion === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': readVersion } };

export const putAssignmentsAtVersion = (d: Db, a: AssignmentsRecord, readVersion: number): TransactItem => ({
  Put: { TableName: d.tableName, Item: assignmentsEntity.toItem(a), ...atVersion(readVersion) },
});

export const putSecondMarksAtVersion = (d: Db, m: SecondMarksRecord, readVersion: number): TransactItem => ({
  Put: { TableName: d.tableName, Item: secondMarksEntity.toItem(m), ...atVersion(readVersion) },
});

/** The marks are still those the writer read (the lead agrees on exactly the marks shown). */
export const secondMarksUnchanged = (
  d: Db,
  courseId: string,
  groupId: string,
  componentId: string,
  readVersion: number,
): TransactItem => ({
  ConditionCheck: {
    TableName: d.tableName,
    Key: keys.secondMarks(courseId, groupId, componentId),
    ...atVersion(readVersion),
  },
});

/** No grade was agreed for the component yet (a mark after the agreement would change nothing). */
export const noGradeYet = (d: Db, courseId: string, groupId: string, componentId: string): TransactItem => ({
  ConditionCheck: {
    TableName: d.tableName,
    Key: keys.grade(courseId, groupId, componentId),
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** Every group's second marks in the course, one Query (the lead's queue). */
export const listSecondMarks = async (d: Db, courseId: string): Promise<SecondMarksRecord[]> =>
  secondMarksEntity.parseAll(await queryCourse(d, coursePk(courseId), prefixes.secondMarks));

/** Every component's assignments in the course, one Query (the marking queue). */
export const listAssignments = async (d: Db, courseId: string): Promise<AssignmentsRecord[]> =>
  assignmentsEntity.parseAll(await queryCourse(d, coursePk(courseId), prefixes.markingAssignments));
