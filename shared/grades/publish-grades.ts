import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { isoInZone } from '../domain/local-time.js';
import { Conflict } from '../errors.js';
import { fanoutPut } from '../mail/outbox.js';
import type { Deps } from '../runtime/deps.js';
import { count } from '../runtime/metrics.js';
import {
  GRADE_WRITE_ATTEMPTS,
  livePublication,
  putPublication,
  type PublicationRecord,
} from '../store/grade-repo.js';
import { TransactionFailed, transactNamed } from '../store/transactions.js';
import { loadGradeBook } from './get-grades.js';
import { GRADES_FANOUT } from './grade-fanout.js';
import { buildGradeMails, publishedKeyBase } from './grade-mail.js';
import { publicationPlan } from './publication-plan.js';
import type { PublishBody } from './schemas.js';

/**
 * Publishes the grades, to all students or only to those whose grade is complete, or (dryRun) says
 * exactly who would be mailed what and who is incomplete, writing nothing. A real publication
 * writes the marker that /me checks, its audit record and ONE outbox fan-out item, in one
 * transaction; the outbox sender expands the fan-out into one mail per newly shown student whose
 * grade is complete (`grades#<publishedAt>#<email>`, written once each, so a later publication that
 * adds students mails only them). A course of 2,000 cannot fit its mails in one transaction (100
 * items); the fan-out can. Publishing again with nothing new changes nothing and mails nobody.
 * DynamoDB: the CONFIG…GROUP# Query, the roster and the member changes in parallel, then the write
 * (every mail is built before it, so a mail that cannot be built fails the request with nothing
 * published).
 */
/** The first-shown instants to store: the live ones, and `at` for the students this round adds. */
const shownSince = (live: PublicationRecord | undefined, added: readonly string[], at: string) => {
  const since = { ...live?.shownSince, ...Object.fromEntries(added.map((email) => [email, at])) };
  return Object.keys(since).length ? { shownSince: since } : {};
};

export const publishGrades = async (d: Deps, courseId: string, caller: Caller, body: PublishBody) => {
  const book = await loadGradeBook(d, courseId, caller, 'publish the grades');
  const { course } = book;
  const { grading, timeZone } = course.config;
  const stored = book.publication;
  const live = livePublication(stored);
  const plan = publicationPlan(grading, book.rows, live, body.scope);
  // Built before anything is written: a mail that cannot be built fails the request here.
  const mails = buildGradeMails(
    course,
    plan.recipients.map((r) => ({ email: r.email, name: r.name, result: r.row.result })),
    'published',
  );
  const view = (publishedAt: string | undefined, alreadyPublished: boolean, dryRun: boolean) => ({
    dryRun,
    scope: plan.scope,
    publishedAt: publishedAt ? isoInZone(new Date(publishedAt), timeZone) : null,
    alreadyPublished,
    emailed: alreadyPublished ? 0 : mails.length,
    failed: [],
    recipients: alreadyPublished ? [] : plan.recipients.map(({ row: _row, ...r }) => r),
    incomplete: plan.incomplete,
  });
  if (plan.unchanged) return view(live?.publishedAt, true, body.dryRun);
  if (body.dryRun) return view(live?.publishedAt, false, true);

  const now = d.clock.now();
  const at = now.toISOString();
  const publishedAt = live?.publishedAt ?? at;
  try {
    await transactNamed(
      d,
      {
        publication: putPublication(
          d,
          {
            courseId,
            publishedAt,
            publishedBy: live?.publishedBy ?? caller.email,
            scope: plan.scope,
            ...(plan.scope === 'complete' ? { students: plan.students } : {}),
            ...shownSince(live, plan.newlyShown, at),
            updatedAt: at,
          },
          stored,
        ),
        audit: auditPut(d.tableName, {
          courseId,
          actor: caller.email,
          action: 'grades.publish',
          target: courseId,
          ...(live
            ? { before: { scope: live.scope ?? 'all', students: live.students?.length ?? null } }
            : {}),
          after: { publishedAt, scope: plan.scope, mailed: mails.length, incomplete: plan.incomplete.length },
          at: now,
        }),
        mail: fanoutPut(
          d,
          {
            // One fan-out per round: a round adds students (or widens to all), so this never repeats.
            key: `grades-fanout#${publishedAt}#${plan.scope === 'all' ? 'all' : plan.students.length}`,
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
      throw new Conflict(
        'The publication was changed by someone else meanwhile; look at it again and retry',
        'already_published',
      );
    throw error;
  }
  count('GradesPublished');
  return view(publishedAt, false, false);
};
