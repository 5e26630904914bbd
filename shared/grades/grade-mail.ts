import { intentsFor, outboxPut, type MailIntent } from '../mail/outbox.js';
import type { Mail } from '../mail/send-mail.js';
import type { Deps } from '../runtime/deps.js';
import type { CourseRecord } from '../store/course-repo.js';
import type { TransactItem } from '../store/transactions.js';
import { gradeRows, visibleGrades, type GradeBookInput, type MemberResult } from './grade-book.js';

export interface GradeMail {
  email: string;
  name?: string;
  result: MemberResult;
}

const gradeText = (course: CourseRecord, m: GradeMail, headline: string): string => {
  const { grading } = course.config;
  const v = visibleGrades(grading, m.result);
  const line = (value: number | null, reason?: string) =>
    value === null ? `not available${reason ? ` (${reason})` : ''}` : `${value} / ${grading.scale}`;
  return [
    m.name ? `Dear ${m.name},` : 'Hello,',
    '',
    headline,
    '',
    `Course: ${course.config.title}`,
    ...grading.components.map((c) => {
      const r = m.result.components[c.id];
      return `${c.title} (weight ${c.weight}): ${line(v.components[c.id] ?? null, r && !r.ok ? r.reason : undefined)}`;
    }),
    `Final grade: ${v.finalText === null ? line(null, v.finalReason) : `${v.finalText} / ${grading.scale}`}`,
    '',
    `The final is Σ weight × component, computed exactly and rounded once (step ${grading.rounding.step}, ${grading.rounding.mode}).`,
    `Your grades are also in the course page (GET /courses/${course.courseId}/me).`,
  ].join('\n');
};

/** One student's grade mail, built and ready to send. */
export interface BuiltGradeMail {
  email: string;
  mail: Mail;
}

/** What the publication mails each roster student: their row of the grade book as it is now. */
export const publicationMails = (course: CourseRecord, book: Omit<GradeBookInput, 'grading'>): GradeMail[] =>
  gradeRows({ grading: course.config.grading, ...book }).map((r) => ({
    email: r.student.email,
    name: r.student.name,
    result: r.result,
  }));

/**
 * Builds each student's mail with their own grades (and nobody else's). Pure: call it before the
 * write that makes the grades visible, so a mail that cannot be built fails the request with nothing
 * written (the sender builds the publication's mails again when it expands its fan-out).
 */
export const buildGradeMails = (
  course: CourseRecord,
  mails: readonly GradeMail[],
  kind: 'published' | 'updated',
): BuiltGradeMail[] => {
  const headline =
    kind === 'published' ? 'Your grades have been published.' : 'Your grades were updated after publication.';
  const subject = `[${course.config.title}] ${kind === 'published' ? 'Your grades' : 'Your grades were updated'}`;
  return mails.map((m) => ({
    email: m.email,
    mail: { to: [m.email], subject, text: gradeText(course, m, headline) },
  }));
};

/** The key base of the mails of a publication: one mail per student, `grades#<publishedAt>#<email>`. */
export const publishedKeyBase = (publishedAt: string) => `grades#${publishedAt}`;

/**
 * The outbox intents of built grade mails (one recipient each, keyed `<keyBase>#<email>`), for the
 * transaction of the change that makes the grades visible.
 */
export const gradeIntents = (
  courseId: string,
  keyBase: string,
  built: readonly BuiltGradeMail[],
): MailIntent[] =>
  intentsFor(
    courseId,
    'grades',
    keyBase,
    built.map((b) => b.mail),
  );

/** The outbox Puts of grade mails built before the write, for the write's own transaction. */
export const gradeOutboxPuts = (
  d: Pick<Deps, 'tableName'>,
  courseId: string,
  keyBase: string,
  built: readonly BuiltGradeMail[],
  now: Date,
): TransactItem[] => gradeIntents(courseId, keyBase, built).map((intent) => outboxPut(d, intent, now));
