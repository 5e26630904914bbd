import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { batchGetAll, queryAll, type Db, type Item } from './table-ops.js';
import { CourseConfig } from '../domain/course-config.js';
import { defineEntity } from './entity.js';
import { GSI1_NAME, gsi1, keys, type Key } from './keys.js';
import { isConditionFailure, transactNamed, type TransactItem } from './transactions.js';
import { Conflict } from '../errors.js';
import { dueEntries } from '../domain/notice-schedule.js';
import { deleteDue, upsertDue } from './due-repo.js';

export const courseEntity = defineEntity({
  type: 'course',
  schema: z.object({
    courseId: z.string(),
    title: z.string(),
    config: CourseConfig,
    version: z.number(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  }),
  key: (c) => keys.course(c.courseId),
  index: (c) => ({ gsi1pk: gsi1.allCourses, gsi1sk: c.courseId }),
});
export type CourseRecord = z.output<typeof courseEntity.schema>;

/**
 * A roster entry; its groupId is the guard against being in two groups. `invitedTo` are the groups
 * whose invitation is open (a string set, see store/invitation-writes.ts); it is never written with
 * the entry, only by those updates.
 */
export const studentEntity = defineEntity({
  type: 'student',
  schema: z.object({
    courseId: z.string(),
    email: z.string(),
    name: z.string(),
    studentId: z.string().optional(),
    groupId: z.string().optional(),
    invitedTo: z
      .preprocess((v) => (v instanceof Set ? [...(v as Set<unknown>)].sort() : v), z.array(z.string()))
      .optional(),
  }),
  key: (s) => keys.student(s.courseId, s.email),
  index: (s) => ({ gsi1pk: gsi1.userCourses(s.email), gsi1sk: `COURSE#${s.courseId}` }),
});
export type StudentRecord = z.output<typeof studentEntity.schema>;

/** The marker that lists a course among an instructor's courses (GSI1). */
export const instructorEntity = defineEntity({
  type: 'instructor',
  schema: z.object({ courseId: z.string(), email: z.string() }),
  key: (i) => keys.instructor(i.courseId, i.email),
  index: (i) => ({ gsi1pk: gsi1.userCourses(i.email), gsi1sk: `COURSE#${i.courseId}` }),
});

export const toCourse = (item: Item | undefined): CourseRecord | undefined => courseEntity.parse(item);
export const toStudent = (item: Item | undefined): StudentRecord | undefined => studentEntity.parse(item);

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
  const items: [string, TransactItem][] = [
    ['course', { Put: { TableName: d.tableName, Item: courseEntity.toItem(next), ...condition } }],
    ...[...after]
      .filter((e) => !before.has(e))
      .map((e): [string, TransactItem] => [
        `instructor:${e}`,
        {
          Put: {
            TableName: d.tableName,
            Item: instructorEntity.toItem({ courseId: next.courseId, email: e }),
          },
        },
      ]),
    ...[...before]
      .filter((e) => !after.has(e))
      .map((e): [string, TransactItem] => [
        `instructor:${e}`,
        { Delete: { TableName: d.tableName, Key: keys.instructor(next.courseId, e) } },
      ]),
    // The scheduled jobs' agenda follows the config: new instants in, vanished ones out.
    ...due.map((e): [string, TransactItem] => [`due:${e.job}#${e.key}`, upsertDue(d, next.courseId, e)]),
    ...(previous ? dueEntries(previous.config) : [])
      .filter((e) => !dueKeys.has(`${e.job}#${e.key}`))
      .map((e): [string, TransactItem] => [`due:${e.job}#${e.key}`, deleteDue(d, next.courseId, e)]),
  ];
  try {
    // The first transaction holds the versioned config; agenda items beyond 100 follow (idempotent).
    for (let i = 0; i < items.length; i += 100) await transactNamed(d, items.slice(i, i + 100));
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
  return items.flatMap((item): Membership[] => {
    const instructor = instructorEntity.parse(item);
    if (instructor) return [{ courseId: instructor.courseId, role: 'instructor' }];
    const student = studentEntity.parse(item);
    return student ? [{ courseId: student.courseId, role: 'student' }] : [];
  });
};

/** Every course (for admins), projected to id and title. */
export const listAllCourses = async (d: Db): Promise<{ courseId: string; title: string }[]> => {
  const items = await queryAll(d, {
    IndexName: GSI1_NAME,
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': gsi1.allCourses },
  });
  return courseEntity.parseAll(items).map((c) => ({ courseId: c.courseId, title: c.title }));
};

export const getCourseTitles = async (d: Db, courseIds: string[]): Promise<Map<string, string>> => {
  const items = await batchGetAll(
    d,
    courseIds.map((c) => keys.course(c)),
  );
  return new Map(courseEntity.parseAll(items).map((c) => [c.courseId, c.title]));
};
