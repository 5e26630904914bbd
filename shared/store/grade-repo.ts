import * as z from 'zod';
import { queryAll, queryCourse, type Db, type Item } from './table-ops.js';
import { defineEntity } from './entity.js';
import { coursePk, keys, prefixes } from './keys.js';
import type { TransactItem } from './transactions.js';
import { toCourse, type CourseRecord } from './course-repo.js';
import { toGroup, type GroupRecord } from './group-repo.js';

/** What an instructor entered for one component of one group. */
export const gradeEntity = defineEntity({
  type: 'grade',
  schema: z.object({
    courseId: z.string(),
    groupId: z.string(),
    componentId: z.string(),
    score: z.number().optional(),
    aspects: z.record(z.string(), z.number()).optional(),
    comment: z.string().optional(),
    /** 1 on the first write, +1 on each write; writes carry the version they read. */
    version: z.number(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  }),
  key: (g) => keys.grade(g.courseId, g.groupId, g.componentId),
});
export type GradeRecord = z.output<typeof gradeEntity.schema>;

/** One member's adjustment or override of one component, with its own version. */
const MemberChange = z.object({
  componentId: z.string(),
  kind: z.enum(['adjustment', 'override']),
  value: z.number(),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
  version: z.number(),
});
export type MemberChangeRecord = z.output<typeof MemberChange>;

/** Member changes live in top-level attributes (a nested SET needs its map to exist already). */
const CHANGE_ATTR = 'adj_';
export const changeAttribute = (componentId: string) => `${CHANGE_ATTR}${componentId}`;

/** A member's changes within a group: one item per (group, member), one attribute per component. */
export const memberGradesEntity = defineEntity({
  type: 'member-grade',
  schema: z.object({
    courseId: z.string(),
    groupId: z.string(),
    email: z.string(),
    changes: z.record(z.string(), MemberChange),
  }),
  key: (m) => keys.memberGrade(m.courseId, m.groupId, m.email),
  decode: (item) => ({
    ...item,
    changes: Object.fromEntries(
      Object.entries(item).flatMap(([name, value]) =>
        name.startsWith(CHANGE_ATTR) && value && typeof value === 'object'
          ? [[name.slice(CHANGE_ATTR.length), { ...value, componentId: name.slice(CHANGE_ATTR.length) }]]
          : [],
      ),
    ),
  }),
  encode: ({ changes, ...rest }) => ({
    ...rest,
    ...Object.fromEntries(
      Object.values(changes).map(({ componentId, ...entry }) => [changeAttribute(componentId), entry]),
    ),
  }),
});
export type MemberGradesRecord = z.output<typeof memberGradesEntity.schema>;

/**
 * The grades are published. `scope` 'all': every roster student sees their own grades; 'complete':
 * only `students`, those whose grade was complete when they were published (a later publication
 * adds the newly complete ones). A withdrawn publication (`withdrawnAt`) shows nothing; the next
 * publication replaces it, with a new `publishedAt` (which keys its mails).
 */
export const publicationEntity = defineEntity({
  type: 'grades-publication',
  schema: z.object({
    courseId: z.string(),
    publishedAt: z.string(),
    publishedBy: z.string(),
    /** Absent on publications written before scopes existed: 'all'. */
    scope: z.enum(['all', 'complete']).optional(),
    students: z.array(z.string()).optional(),
    /**
     * When a later round (more complete grades, or widening to all) first showed a student their
     * grades; students shown by the first round are absent (theirs is `publishedAt`).
     */
    shownSince: z.record(z.string(), z.string()).optional(),
    /** The last publication that changed the scope or added students. */
    updatedAt: z.string().optional(),
    withdrawnAt: z.string().optional(),
    withdrawnBy: z.string().optional(),
    withdrawnReason: z.string().optional(),
  }),
  key: (p) => keys.gradesPublication(p.courseId),
});
export type PublicationRecord = z.output<typeof publicationEntity.schema>;

export const toGrade = (item: Item | undefined): GradeRecord | undefined => gradeEntity.parse(item);
export const toMemberGrades = (item: Item | undefined): MemberGradesRecord | undefined =>
  memberGradesEntity.parse(item);
export const toPublication = (item: Item | undefined): PublicationRecord | undefined =>
  publicationEntity.parse(item);

const versionCondition = (readVersion: number) =>
  readVersion === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': readVersion } };

export const gradeItem = (grade: GradeRecord) => gradeEntity.toItem(grade);

/** The whole member item (bulk seeding); live writes change one component at a time. */
export const memberGradesItem = (m: MemberGradesRecord) => memberGradesEntity.toItem(m);

/** Writes a group's component grade only over the version the writer read (0: only if none yet). */
export const putGradeAtVersion = (d: Db, grade: GradeRecord, readVersion: number): TransactItem => ({
  Put: { TableName: d.tableName, Item: gradeItem(grade), ...versionCondition(readVersion) },
});

/** The group still exists (a grade of a deleted group would be an orphan). */
export const groupExistsCheck = (d: Db, courseId: string, groupId: string): TransactItem => ({
  ConditionCheck: {
    TableName: d.tableName,
    Key: keys.group(courseId, groupId),
    ConditionExpression: 'attribute_exists(pk)',
  },
});

/** The student is (still) a member of that group: their roster entry names it. */
export const memberOfGroupCheck = (
  d: Db,
  courseId: string,
  email: string,
  groupId: string,
): TransactItem => ({
  ConditionCheck: {
    TableName: d.tableName,
    Key: keys.student(courseId, email),
    ConditionExpression: 'groupId = :g',
    ExpressionAttributeValues: { ':g': groupId },
  },
});

/**
 * Sets (or, with `change` undefined, removes) one member's change of one component, only over the
 * version of that change the writer read (0: only if there is none).
 */
export const memberChangeUpdate = (
  d: Db,
  courseId: string,
  groupId: string,
  email: string,
  componentId: string,
  change: MemberChangeRecord | undefined,
  readVersion: number,
): TransactItem => {
  const names = { '#e': changeAttribute(componentId) };
  const condition =
    readVersion === 0
      ? { ConditionExpression: 'attribute_not_exists(#e)', ExpressionAttributeValues: {} }
      : { ConditionExpression: '#e.version = :v', ExpressionAttributeValues: { ':v': readVersion } };
  if (!change)
    return {
      Update: {
        TableName: d.tableName,
        Key: keys.memberGrade(courseId, groupId, email),
        UpdateExpression: 'REMOVE #e',
        ExpressionAttributeNames: names,
        ConditionExpression: condition.ConditionExpression,
        ...(readVersion === 0 ? {} : { ExpressionAttributeValues: condition.ExpressionAttributeValues }),
      },
    };
  const { componentId: _id, ...entry } = change;
  return {
    Update: {
      TableName: d.tableName,
      Key: keys.memberGrade(courseId, groupId, email),
      UpdateExpression: 'SET #e = :entry, #t = :type, courseId = :c, groupId = :g, email = :m',
      ExpressionAttributeNames: { ...names, '#t': 'type' },
      ConditionExpression: condition.ConditionExpression,
      ExpressionAttributeValues: {
        ...condition.ExpressionAttributeValues,
        ':entry': entry,
        ':type': 'member-grade',
        ':c': courseId,
        ':g': groupId,
        ':m': email,
      },
    },
  };
};

/** Whether a publication (not withdrawn) shows this student their grades. */
export const publishedTo = (p: PublicationRecord | undefined, email: string): boolean =>
  !!p && !p.withdrawnAt && ((p.scope ?? 'all') === 'all' || (p.students ?? []).includes(email));

/** When `email` was first shown the grades of this publication (for the regrade window and /me). */
export const shownSinceOf = (p: PublicationRecord, email: string): string =>
  p.shownSince?.[email] ?? p.publishedAt;

/** The live publication, if any (a withdrawn one counts as none). */
export const livePublication = (p: PublicationRecord | undefined): PublicationRecord | undefined =>
  p && !p.withdrawnAt ? p : undefined;

/**
 * Writes the publication marker over the state it was read in: none (or a withdrawn one, replaced
 * by a new publication), or the live one of `readPublishedAt` (widened by a later publication).
 */
export const putPublication = (
  d: Db,
  publication: PublicationRecord,
  read?: PublicationRecord,
): TransactItem => ({
  Put: {
    TableName: d.tableName,
    Item: publicationEntity.toItem(publication),
    ...(read
      ? read.withdrawnAt
        ? {
            ConditionExpression: 'withdrawnAt = :w',
            ExpressionAttributeValues: { ':w': read.withdrawnAt },
          }
        : {
            ConditionExpression: `publishedAt = :p AND attribute_not_exists(withdrawnAt) AND ${
              read.updatedAt ? '#u = :u' : 'attribute_not_exists(#u)'
            }`,
            ExpressionAttributeNames: { '#u': 'updatedAt' },
            ExpressionAttributeValues: {
              ':p': read.publishedAt,
              ...(read.updatedAt ? { ':u': read.updatedAt } : {}),
            },
          }
      : { ConditionExpression: 'attribute_not_exists(pk)' }),
  },
});

/**
 * Everything of a course that sorts from CONFIG through GROUP#…: the config, extensions, every
 * group's component grades, the publication marker and the groups, in one Query (usually one page).
 * Notices, submissions, uploads and job runs sort outside this range and are never read here.
 */
export interface GradeBookHead {
  course?: CourseRecord;
  grades: GradeRecord[];
  groups: GroupRecord[];
  publication?: PublicationRecord;
}

export const readGradeBookHead = async (d: Db, courseId: string): Promise<GradeBookHead> => {
  const items = await queryAll(d, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': coursePk(courseId),
      ':from': keys.course(courseId).sk,
      // '$' follows '#': the range ends after the last GROUP#… key.
      ':to': `${prefixes.group.slice(0, -1)}$`,
    },
  });
  const head: GradeBookHead = { grades: [], groups: [] };
  for (const item of items) {
    const course = toCourse(item);
    if (course) head.course = course;
    head.publication ??= toPublication(item);
    const grade = toGrade(item);
    if (grade) head.grades.push(grade);
    const group = toGroup(item);
    if (group) head.groups.push(group);
  }
  return head;
};

/** Every member change of the course, or of one group. */
export const listMemberGrades = async (
  d: Db,
  courseId: string,
  groupId?: string,
): Promise<MemberGradesRecord[]> =>
  (
    await queryCourse(
      d,
      coursePk(courseId),
      groupId ? `${prefixes.memberGrade}${groupId}#` : prefixes.memberGrade,
    )
  ).flatMap((i) => memberGradesEntity.parse(i) ?? []);

/** Grade writes retry a pure TransactionConflict (their conditions are then evaluated against the winner). */
export const GRADE_WRITE_ATTEMPTS = 3;
