import { intentsFor, outboxPut, type MailIntent } from '../mail/outbox.js';
import type { Mail } from '../mail/send-mail.js';
import type { Deps } from '../runtime/deps.js';
import type { CourseRecord } from '../store/course-repo.js';
import type { TransactItem } from '../store/transactions.js';
import { gradeRows, type GradeBookInput, type MemberResult } from './grade-book.js';
import { gradesText, studentGrades } from './student-grades.js';

export interface GradeMail {
  email: string;
  name?: string;
  result: MemberResult;
}

export type GradeMailKind = 'published' | 'updated' | 'withdrawn';

const HEADLINES: Record<GradeMailKind, (title: string) => string> = {
  published: (t) => `Your grades for ${t} have been published.`,
  updated: (t) => `Your grades for ${t} were updated after publication.`,
  withdrawn: (t) =>
    `The grades published for ${t} have been withdrawn: the instructors found a mistake and will publish them again once it is corrected. Please disregard the grades you received.`,
};

const gradeText = (course: CourseRecord, m: GradeMail, kind: GradeMailKind): string => {
  const { grading } = course.config;
  const greeting = m.name ? `Dear ${m.name},` : 'Hello,';
  const headline = HEADLINES[kind](course.config.title);
  if (kind === 'withdrawn') return [greeting, '', headline].join('\n');
  return [
    greeting,
    '',
    headline,
    '',
    ...gradesText(grading, studentGrades(grading, m.result)),
    '',
    `The final is the weighted sum of the components, computed exactly and rounded once (to ${grading.rounding.step}, ${grading.rounding.mode}).`,
    'You can read them at any time on the Grades page of the course in the web app.',
  ].join('\n');
};

const SUBJECTS: Record<GradeMailKind, string> = {
  published: 'Your grades',
  updated: 'Your grades were updated',
  withdrawn: 'Your grades were withdrawn',
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
  kind: GradeMailKind,
): BuiltGradeMail[] => {
  const subject = `[${course.config.title}] ${SUBJECTS[kind]}`;
  return mails.map((m) => ({
    email: m.email,
    mail: { to: [m.email], subject, text: gradeText(course, m, kind) },
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
