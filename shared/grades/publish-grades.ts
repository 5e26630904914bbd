import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { isoInZone } from '../domain/local-time.js';
import { Conflict } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { GRADE_WRITE_ATTEMPTS, listMemberGrades, putPublication } from '../store/grade-repo.js';
import { listStudents } from '../store/roster-repo.js';
import { TransactionFailed, transactNamed } from '../store/transactions.js';
import { loadGradeBookAsStaff } from './grade-access.js';
import { buildGradeMails, publicationMails, publishedKeyBase } from './grade-mail.js';
import { GRADES_FANOUT } from './grade-fanout.js';
import { fanoutPut } from '../mail/outbox.js';
import { count } from '../runtime/metrics.js';

/**
 * Publishes the grades once: the marker that /me checks, its audit record and ONE outbox fan-out
 * item, in one transaction; the outbox sender then expands the fan-out into one mail per roster
 * student with their own grades (`grades#<publishedAt>#<email>`, written once each) and sends them
 * at the account's SES rate. A course of 2,000 cannot fit its mails in one transaction (100 items);
 * the fan-out can. Publishing again changes nothing and mails nobody (a double click must not mail
 * the course twice); later grade changes mail the students they affect. DynamoDB: the
 * CONFIG…GROUP# Query, the roster and the member changes in parallel, then the write (every mail is
 * built before it, so a mail that cannot be built fails the request with nothing published;
 * `emailed` is the number of mails queued).
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
  const mails = buildGradeMails(
    course,
    publicationMails(course, { students, groups: head.groups, grades: head.grades, memberGrades }),
    'published',
  );
  const publishedAt = now.toISOString();
  try {
    await transactNamed(
      d,
      {
        publication: putPublication(d, { courseId, publishedAt, publishedBy: caller.email }),
        audit: auditPut(d.tableName, {
          courseId,
          actor: caller.email,
          action: 'grades.publish',
          target: courseId,
          after: { publishedAt },
          at: now,
        }),
        mail: fanoutPut(
          d,
          {
            key: `grades-fanout#${publishedAt}`,
            courseId,
            template: 'grades-fanout',
            subject: `[${course.config.title}] Your grades: one mail per student (${mails.length})`,
            fanout: { kind: GRADES_FANOUT, keyBase: publishedKeyBase(publishedAt) },
          },
          now,
        ),
      },
      { attempts: GRADE_WRITE_ATTEMPTS },
    );
  } catch (error) {
    if (error instanceof TransactionFailed && error.has('publication'))
      throw new Conflict('The grades were published by someone else meanwhile', 'already_published');
    throw error;
  }
  count('GradesPublished');
  return { publishedAt: isoInZone(now, zone), alreadyPublished: false, emailed: mails.length, failed: [] };
};
