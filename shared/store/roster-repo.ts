import { Conflict } from '../errors.js';
import { coursePk, gsi1, keys, prefixes } from './keys.js';
import { studentEntity, type StudentRecord } from './course-repo.js';
import { queryCourse, type Db } from './table-ops.js';
import { TransactionFailed, transactNamed, type TransactItem } from './transactions.js';

export const listStudents = async (d: Db, courseId: string): Promise<StudentRecord[]> =>
  studentEntity.parseAll(await queryCourse(d, coursePk(courseId), prefixes.student));

export interface RosterChange {
  upsert: { email: string; name: string; studentId?: string }[];
  remove: string[];
}

const TRANSACTION_LIMIT = 100;

/**
 * Applies a roster diff. Upserts only touch name and student id, so a student's group survives;
 * removals require that the student is in no group, a condition checked by the write itself.
 * Each chunk of 100 changes is one transaction.
 */
export const applyRosterChange = async (d: Db, courseId: string, change: RosterChange): Promise<void> => {
  const ops: [string, TransactItem][] = [
    ...change.upsert.map((s): [string, TransactItem] => [
      `upsert:${s.email}`,
      {
        Update: {
          TableName: d.tableName,
          Key: keys.student(courseId, s.email),
          UpdateExpression: s.studentId
            ? 'SET #n = :n, email = :e, courseId = :c, gsi1pk = :g, gsi1sk = :gs, #t = :t, studentId = :sid'
            : 'SET #n = :n, email = :e, courseId = :c, gsi1pk = :g, gsi1sk = :gs, #t = :t REMOVE studentId',
          ExpressionAttributeNames: { '#n': 'name', '#t': 'type' },
          ExpressionAttributeValues: {
            ':n': s.name,
            ':e': s.email,
            ':c': courseId,
            ':g': gsi1.userCourses(s.email),
            ':gs': `COURSE#${courseId}`,
            ':t': 'student',
            ...(s.studentId ? { ':sid': s.studentId } : {}),
          },
        },
      },
    ]),
    ...change.remove.map((email): [string, TransactItem] => [
      `remove:${email}`,
      {
        Delete: {
          TableName: d.tableName,
          Key: keys.student(courseId, email),
          ConditionExpression: 'attribute_not_exists(groupId)',
        },
      },
    ]),
  ];
  for (let i = 0; i < ops.length; i += TRANSACTION_LIMIT) {
    try {
      await transactNamed(d, ops.slice(i, i + TRANSACTION_LIMIT));
    } catch (error) {
      const failed = error instanceof TransactionFailed ? error.withPrefix('remove:') : [];
      if (failed.length)
        throw new Conflict(
          `Cannot remove students who are in a group: ${failed.join(', ')}`,
          'student_in_group',
        );
      throw error;
    }
  }
};
