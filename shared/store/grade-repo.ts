import { queryAll, queryCourse, transact, type Db, type Item, type TransactItem } from './table-ops.js';
import { coursePk, keys, prefixes } from './keys.js';
import { isTransactionConflict } from './transactions.js';
import { toCourse, type CourseRecord } from './course-repo.js';
import { toGroup, type GroupRecord } from './group-repo.js';

/** What an instructor entered for one component of one group. */
export interface GradeRecord {
  courseId: string;
  groupId: string;
  componentId: string;
  score?: number;
  aspects?: Record<string, number>;
  comment?: string;
  /** 1 on the first write, +1 on each write; writes carry the version they read. */
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** One member's adjustment or override of one component, with its own version. */
export interface MemberChangeRecord {
  componentId: string;
  kind: 'adjustment' | 'override';
  value: number;
  reason: string;
  by: string;
  at: string;
  version: number;
}

/** A member's changes within a group: one item per (group, member), one attribute per component. */
export interface MemberGradesRecord {
  courseId: string;
  groupId: string;
  email: string;
  changes: Record<string, MemberChangeRecord>;
}

export interface PublicationRecord {
  courseId: string;
  publishedAt: string;
  publishedBy: string;
}

/** Member changes live in top-level attributes (a nested SET needs its map to exist already). */
const CHANGE_ATTR = 'adj_';
export const changeAttribute = (componentId: string) => `${CHANGE_ATTR}${componentId}`;

export const toGrade = (item: Item | undefined): GradeRecord | undefined =>
  item && item.type === 'grade'
    ? {
        courseId: item.courseId as string,
        groupId: item.groupId as string,
        componentId: item.componentId as string,
        ...(typeof item.score === 'number' ? { score: item.score } : {}),
        ...(item.aspects ? { aspects: item.aspects as Record<string, number> } : {}),
        ...(typeof item.comment === 'string' ? { comment: item.comment } : {}),
        version: item.version as number,
        updatedAt: item.updatedAt as string,
        updatedBy: item.updatedBy as string,
      }
    : undefined;

export const toMemberGrades = (item: Item | undefined): MemberGradesRecord | undefined => {
  if (!item || item.type !== 'member-grade') return undefined;
  const changes: Record<string, MemberChangeRecord> = {};
  for (const [name, value] of Object.entries(item))
    if (name.startsWith(CHANGE_ATTR) && value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      const componentId = name.slice(CHANGE_ATTR.length);
      changes[componentId] = {
        componentId,
        kind: v.kind === 'override' ? 'override' : 'adjustment',
        value: v.value as number,
        reason: v.reason as string,
        by: v.by as string,
        at: v.at as string,
        version: v.version as number,
      };
    }
  return {
    courseId: item.courseId as string,
    groupId: item.groupId as string,
    email: item.email as string,
    changes,
  };
};

export const toPublication = (item: Item | undefined): PublicationRecord | undefined =>
  item && item.type === 'grades-publication'
    ? {
        courseId: item.courseId as string,
        publishedAt: item.publishedAt as string,
        publishedBy: item.publishedBy as string,
      }
    : undefined;

const versionCondition = (readVersion: number) =>
  readVersion === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': readVersion } };

export const gradeItem = (grade: GradeRecord) => ({
  ...keys.grade(grade.courseId, grade.groupId, grade.componentId),
  type: 'grade',
  ...grade,
});

/** The whole member item (bulk seeding); live writes change one component at a time. */
export const memberGradesItem = (m: MemberGradesRecord) => ({
  ...keys.memberGrade(m.courseId, m.groupId, m.email),
  type: 'member-grade',
  courseId: m.courseId,
  groupId: m.groupId,
  email: m.email,
  ...Object.fromEntries(
    Object.values(m.changes).map(({ componentId, ...entry }) => [changeAttribute(componentId), entry]),
  ),
});

/** Writes a group's component grade only over the version the writer read (0: only if none yet). */
export const putGradeAtVersion = (d: Db, grade: GradeRecord, readVersion: number) => ({
  Put: { TableName: d.tableName, Item: gradeItem(grade), ...versionCondition(readVersion) },
});

/** The group still exists (a grade of a deleted group would be an orphan). */
export const groupExistsCheck = (d: Db, courseId: string, groupId: string) => ({
  ConditionCheck: {
    TableName: d.tableName,
    Key: keys.group(courseId, groupId),
    ConditionExpression: 'attribute_exists(pk)',
  },
});

/** The student is (still) a member of that group: their roster entry names it. */
export const memberOfGroupCheck = (d: Db, courseId: string, email: string, groupId: string) => ({
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
) => {
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

/** The publication marker, written once. */
export const putPublication = (d: Db, publication: PublicationRecord) => ({
  Put: {
    TableName: d.tableName,
    Item: { ...keys.gradesPublication(publication.courseId), type: 'grades-publication', ...publication },
    ConditionExpression: 'attribute_not_exists(pk)',
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
    const sk = item.sk as string;
    if (sk === keys.course(courseId).sk) head.course = toCourse(item);
    else if (sk === keys.gradesPublication(courseId).sk) head.publication = toPublication(item);
    else if (sk.startsWith(prefixes.grade)) {
      const g = toGrade(item);
      if (g) head.grades.push(g);
    } else if (sk.startsWith(prefixes.group)) {
      const g = toGroup(item);
      if (g) head.groups.push(g);
    }
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
  ).flatMap((i) => toMemberGrades(i) ?? []);

/**
 * A transaction that another one touching the same items cancelled (TransactionConflict, not a
 * failed condition) is run again: its conditions are then evaluated against the winner's result.
 */
export const transactRetryingConflicts = async (
  d: Db,
  items: TransactItem[],
  attempts = 3,
): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await transact(d, items);
      return;
    } catch (error) {
      if (attempt >= attempts || !isTransactionConflict(error)) throw error;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.floor(Math.random() * 30)));
    }
  }
};
