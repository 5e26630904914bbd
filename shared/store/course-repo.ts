import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll, queryAll, type Db, type Item, type TransactItem } from './table-ops.js';
import type { CourseConfig } from '../domain/course-config.js';
import { GSI1_NAME, gsi1, keys, type Key } from './keys.js';
import { isConditionFailure } from './transactions.js';
import { Conflict } from '../errors.js';
import { dueEntries } from '../domain/notice-schedule.js';
import { deleteDue, upsertDue } from './due-repo.js';

export interface CourseRecord {
  courseId: string;
  title: string;
  config: CourseConfig;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface StudentRecord {
  courseId: string;
  email: string;
  name: string;
  studentId?: string;
  groupId?: string;
}

const courseItem = (r: CourseRecord) => ({
  ...keys.course(r.courseId),
  gsi1pk: gsi1.allCourses,
  gsi1sk: r.courseId,
  type: 'course',
  ...r,
});

const instructorItem = (courseId: string, email: string) => ({
  ...keys.instructor(courseId, email),
  gsi1pk: gsi1.userCourses(email),
  gsi1sk: `COURSE#${courseId}`,
  type: 'instructor',
  courseId,
  email,
});

export const toCourse = (item: Record<string, unknown> | undefined): CourseRecord | undefined =>
  item
    ? {
        courseId: item.courseId as string,
        title: item.title as string,
        config: item.config as CourseConfig,
        version: item.version as number,
        updatedAt: item.updatedAt as string,
        updatedBy: item.updatedBy as string,
      }
    : undefined;

export const toStudent = (item: Record<string, unknown> | undefined): StudentRecord | undefined =>
  item
    ? {
        courseId: item.courseId as string,
        email: item.email as string,
        name: item.name as string,
        ...(item.studentId ? { studentId: item.studentId as string } : {}),
        ...(item.groupId ? { groupId: item.groupId as string } : {}),
      }
    : undefined;

export const getCourse = async (d: Db, courseId: string): Promise<CourseRecord | undefined> => {
  const out = await d.db.send(new GetCommand({ TableName: d.tableName, Key: keys.course(courseId) }));
  return toCourse(out.Item);
};

/**
 * The course and the caller's roster entry in one round trip: all that access checks need, plus
 * any other items of the course the use case will want (group, members, paper seats), by key.
 */
export const getCourseAndStudent = async (
  d: Db,
  courseId: string,
  email: string,
  extra: Key[] = [],
): Promise<{ course?: CourseRecord; student?: StudentRecord; extras: Item[] }> => {
  const own = keys.student(courseId, email);
  const wanted = [keys.course(courseId), own, ...extra.filter((k) => k.sk !== own.sk && k.sk !== 'CONFIG')];
  const items = await batchGetAll(d, wanted);
  return {
    course: toCourse(items.find((i) => i.sk === 'CONFIG')),
    student: toStudent(items.find((i) => i.sk === own.sk)),
    extras: items.filter((i) => i.sk !== 'CONFIG' && (i.sk !== own.sk || extra.some((k) => k.sk === own.sk))),
  };
};

/**
 * Creates or replaces a course config and its instructor markers in one transaction, guarded by
 * the version the caller read, so two concurrent PUTs cannot silently overwrite each other.
 */
export const saveCourse = async (
  d: Db,
  next: CourseRecord,
  previous: CourseRecord | undefined,
): Promise<void> => {
  const before = new Set(previous?.config.instructors ?? []);
  const after = new Set(next.config.instructors);
  const condition = previous
    ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } }
    : { ConditionExpression: 'attribute_not_exists(pk)' };
  const due = dueEntries(next.config);
  const dueKeys = new Set(due.map((e) => `${e.job}#${e.key}`));
  const items: TransactItem[] = [
    { Put: { TableName: d.tableName, Item: courseItem(next), ...condition } },
    ...[...after]
      .filter((e) => !before.has(e))
      .map((e) => ({ Put: { TableName: d.tableName, Item: instructorItem(next.courseId, e) } })),
    ...[...before]
      .filter((e) => !after.has(e))
      .map((e) => ({ Delete: { TableName: d.tableName, Key: keys.instructor(next.courseId, e) } })),
    // The scheduled jobs' agenda follows the config: new instants in, vanished ones out.
    ...due.map((e) => upsertDue(d, next.courseId, e)),
    ...(previous ? dueEntries(previous.config) : [])
      .filter((e) => !dueKeys.has(`${e.job}#${e.key}`))
      .map((e) => deleteDue(d, next.courseId, e)),
  ];
  try {
    // The first transaction holds the versioned config; agenda items beyond 100 follow (idempotent).
    for (let i = 0; i < items.length; i += 100)
      await d.db.send(new TransactWriteCommand({ TransactItems: items.slice(i, i + 100) }));
  } catch (error) {
    if (isConditionFailure(error))
      throw new Conflict(
        'The course was changed by someone else meanwhile; read it again and retry',
        'stale_version',
      );
    throw error;
  }
};

export interface Membership {
  courseId: string;
  role: 'instructor' | 'student';
}

/** The courses where a person is instructor or student: one Query on GSI1. */
export const listMemberships = async (d: Db, email: string): Promise<Membership[]> => {
  const items = await queryAll(d, {
    IndexName: GSI1_NAME,
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': gsi1.userCourses(email) },
  });
  return items.map((item) => ({
    courseId: item.courseId as string,
    role: item.type === 'instructor' ? ('instructor' as const) : ('student' as const),
  }));
};

/** Every course (for admins), projected to id and title. */
export const listAllCourses = async (d: Db): Promise<{ courseId: string; title: string }[]> => {
  const items = await queryAll(d, {
    IndexName: GSI1_NAME,
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': gsi1.allCourses },
  });
  return items.map((item) => ({ courseId: item.courseId as string, title: item.title as string }));
};

export const getCourseTitles = async (d: Db, courseIds: string[]): Promise<Map<string, string>> => {
  const items = await batchGetAll(
    d,
    courseIds.map((c) => keys.course(c)),
  );
  return new Map(items.map((i) => [i.courseId as string, i.title as string]));
};
