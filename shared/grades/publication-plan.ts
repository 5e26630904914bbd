import type { PublicationRecord } from '../store/grade-repo.js';
import { publishedTo } from '../store/grade-repo.js';
import { isComplete, type GradeRow, type Grading } from './grade-book.js';
import { studentGrades } from './student-grades.js';

export type PublishScope = 'all' | 'complete';

/**
 * What a publication does, decided from the grade book alone (pure, so the dry run and the real
 * publication cannot disagree): who is mailed (newly shown and complete: a student is never mailed
 * a grade that is not complete), who is incomplete, the scope and student list to store, and who
 * is shown for the first time by a later round.
 * Publishing never narrows: asking for 'complete' after 'all' changes nothing (withdraw first).
 */
export const publicationPlan = (
  grading: Grading,
  rows: readonly GradeRow[],
  live: PublicationRecord | undefined,
  asked: PublishScope,
) => {
  const liveScope = live ? (live.scope ?? 'all') : undefined;
  const scope: PublishScope = liveScope === 'all' ? 'all' : asked;
  const shownAfter = (email: string, complete: boolean) =>
    scope === 'all' || complete || publishedTo(live, email);
  const students: string[] = [];
  /** Shown now and not before (by a live publication): their regrade window starts with this round. */
  const newlyShown: string[] = [];
  const recipients = [];
  const incomplete = [];
  for (const r of rows) {
    const { email, name } = r.student;
    const ref = { email, name, groupId: r.student.groupId ?? null };
    const complete = isComplete(r.result);
    const shown = shownAfter(email, complete);
    if (shown) students.push(email);
    if (shown && live && !publishedTo(live, email)) newlyShown.push(email);
    if (!complete) incomplete.push({ ...ref, reason: r.result.final.reason ?? 'incomplete', shown });
    else if (shown && !publishedTo(live, email))
      recipients.push({ ...ref, grades: studentGrades(grading, r.result), row: r });
  }
  // Nothing new to show: the same publication (a double click must not mail the course twice).
  const unchanged =
    !!live && liveScope === scope && (scope === 'all' || students.length === (live.students ?? []).length);
  return { scope, students, newlyShown, recipients, incomplete, unchanged };
};
export type PublicationPlan = ReturnType<typeof publicationPlan>;
