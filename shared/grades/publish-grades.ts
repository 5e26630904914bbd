import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { isoInZone } from '../domain/local-time.js';
import { Conflict } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { listMemberGrades, putPublication, transactRetryingConflicts } from '../store/grade-repo.js';
import { listStudents } from '../store/roster-repo.js';
import { isConditionFailure } from '../store/transactions.js';
import { gradeRows } from './grade-book.js';
import { loadGradeBookAsStaff } from './grade-access.js';
import { mailGrades } from './grade-mail.js';

/**
 * Publishes the grades once: the marker that /me checks and its audit record, in one transaction;
 * then every roster student is mailed their own grades. Publishing again changes nothing and mails
 * nobody (a double click must not mail the course twice); later grade changes mail the students they
 * affect. DynamoDB: the CONFIG…GROUP# Query, then the write, the roster and the member changes in
 * parallel.
 */
export const publishGrades = async (d: Deps, courseId: string, caller: Caller) => {
  const head = await loadGradeBookAsStaff(d, courseId, caller, 'publish the grades');
  const { course } = head;
  const zone = course.config.timeZone;
  if (head.publication)
    return {
      publishedAt: isoInZone(new Date(head.publication.publishedAt), zone),
      alreadyPublished: true,
      emailed: 0,
      failed: [],
    };
  const now = d.clock.now();
  const [written, students, memberGrades] = await Promise.allSettled([
    transactRetryingConflicts(d, [
      putPublication(d, { courseId, publishedAt: now.toISOString(), publishedBy: caller.email }),
      auditPut(d.tableName, {
        courseId,
        actor: caller.email,
        action: 'grades.publish',
        target: courseId,
        after: { publishedAt: now.toISOString() },
        at: now,
      }),
    ]),
    listStudents(d, courseId),
    listMemberGrades(d, courseId),
  ]);
  if (written.status === 'rejected') {
    if (isConditionFailure(written.reason))
      throw new Conflict('The grades were published by someone else meanwhile', 'already_published');
    throw written.reason;
  }
  if (students.status === 'rejected') throw students.reason;
  if (memberGrades.status === 'rejected') throw memberGrades.reason;
  const rows = gradeRows({
    grading: course.config.grading,
    students: students.value,
    groups: head.groups,
    grades: head.grades,
    memberGrades: memberGrades.value,
  });
  const { sent, failed } = await mailGrades(
    d,
    course,
    rows.map((r) => ({ email: r.student.email, name: r.student.name, result: r.result })),
    'published',
  );
  return { publishedAt: isoInZone(now, zone), alreadyPublished: false, emailed: sent, failed };
};
