import type { MeGrades } from '../grades/me-grades.js';
import { gradesText } from '../grades/student-grades.js';
import { intentsFor, outboxPut } from '../mail/outbox.js';
import type { Deps } from '../runtime/deps.js';
import type { CourseRecord, StudentRecord } from '../store/course-repo.js';
import type { TransactItem } from '../store/transactions.js';
import type { RegradeRound } from './regrade-store.js';

const shown = (value: number | null, scale: number) => (value === null ? 'no value' : `${value} / ${scale}`);

/** Each instructor is told of a new request (one intent each), in the request's transaction. */
export const regradeRequestMails = (
  d: Pick<Deps, 'tableName'>,
  course: CourseRecord,
  student: StudentRecord,
  componentTitle: string,
  round: RegradeRound,
  componentId: string,
  now: Date,
): TransactItem[] => {
  const { title, grading, instructors } = course.config;
  const text = [
    `${student.name} (${student.email}) asks for a regrade of ${componentTitle} in ${title}.`,
    '',
    `They see: ${componentTitle} ${shown(round.seen.value, grading.scale)}, final ${shown(round.seen.final, grading.scale)}.`,
    '',
    'Their reason:',
    round.reason,
    '',
    "Answer it on the course's regrade requests (change the grade first if you change it).",
  ].join('\n');
  return intentsFor(course.courseId, 'regrade', `regrade#${student.email}#${componentId}#${round.round}`, [
    { to: instructors, subject: `[${title}] Regrade request: ${student.name}, ${componentTitle}`, text },
  ]).map((intent) => outboxPut(d, intent, now));
};

/** The student reads the answer and, when changed, the grades they now see, in the answer's transaction. */
export const regradeAnswerMail = (
  d: Pick<Deps, 'tableName'>,
  course: CourseRecord,
  student: StudentRecord,
  componentId: string,
  componentTitle: string,
  round: RegradeRound & { answer: NonNullable<RegradeRound['answer']> },
  grades: MeGrades | null,
  now: Date,
): TransactItem[] => {
  const { title, grading } = course.config;
  const { answer } = round;
  const headline =
    answer.decision === 'changed'
      ? `Your regrade request of ${componentTitle} was answered: your grade was changed from ${shown(round.seen.value, grading.scale)} to ${shown(answer.now.value, grading.scale)}.`
      : `Your regrade request of ${componentTitle} was answered: your grade stays ${shown(answer.now.value, grading.scale)}.`;
  const text = [
    `Dear ${student.name},`,
    '',
    headline,
    '',
    'The instructors wrote:',
    answer.response,
    ...(grades ? ['', 'Your grades now:', '', ...gradesText(grading, grades)] : []),
  ].join('\n');
  return intentsFor(
    course.courseId,
    'regrade',
    `regrade-answer#${student.email}#${componentId}#${round.round}`,
    [{ to: [student.email], subject: `[${title}] Your regrade request: ${componentTitle}`, text }],
  ).map((intent) => outboxPut(d, intent, now));
};
