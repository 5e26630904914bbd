import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { isoInZone } from '../domain/local-time.js';
import { Conflict } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { GRADE_WRITE_ATTEMPTS, listMemberGrades, putPublication } from '../store/grade-repo.js';
import { listStudents } from '../store/roster-repo.js';
import { TransactionFailed, transactNamed } from '../store/transactions.js';
import { gradeRows } from './grade-book.js';
import { loadGradeBookAsStaff } from './grade-access.js';
import { buildGradeMails, sendGradeMails } from './grade-mail.js';
import { count } from '../runtime/metrics.js';

/**
 * Publishes the grades once: the marker that /me checks and its audit record, in one transaction;
 * then every roster student is mailed their own grades. Publishing again changes nothing and mails
 * nobody (a double click must not mail the course twice); later grade changes mail the students they
 * affect. DynamoDB: the CONFIG…GROUP# Query, the roster and the member changes in parallel, then the
 * write (the mails are built before it).
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
  // The roster and member changes first, so every mail is built before the publication is written:
  // a mail that cannot be built fails the request with nothing published.
  const [students, memberGrades] = await Promise.all([
    listStudents(d, courseId),
    listMemberGrades(d, courseId),
  ]);
  const rows = gradeRows({
    grading: course.config.grading,
    students,
    groups: head.groups,
    grades: head.grades,
    memberGrades,
  });
  const mails = buildGradeMails(
    course,
    rows.map((r) => ({ email: r.student.email, name: r.student.name, result: r.result })),
    'published',
  );
  try {
    await transactNamed(
      d,
      {
        publication: putPublication(d, {
          courseId,
          publishedAt: now.toISOString(),
          publishedBy: caller.email,
        }),
        audit: auditPut(d.tableName, {
          courseId,
          actor: caller.email,
          action: 'grades.publish',
          target: courseId,
          after: { publishedAt: now.toISOString() },
          at: now,
        }),
      },
      { attempts: GRADE_WRITE_ATTEMPTS },
    );
  } catch (error) {
    if (error instanceof TransactionFailed && error.has('publication'))
      throw new Conflict('The grades were published by someone else meanwhile', 'already_published');
    throw error;
  }
  count('GradesPublished');
  const { sent, failed } = await sendGradeMails(d, courseId, mails);
  return { publishedAt: isoInZone(now, zone), alreadyPublished: false, emailed: sent, failed };
};
