import type { Caller } from '../auth/caller.js';
import { gradesByGroup } from '../grades/grade-book.js';
import { csvRowOf, gradesCsv, type CsvRow } from '../grades/grades-csv.js';
import { loadGradeBook } from '../grades/get-grades.js';
import { textResult } from '../http/responses.js';
import type { Deps } from '../runtime/deps.js';
import { attachmentDisposition } from '../uploads/presign.js';
import { lmsCsv, type LmsFormat } from './lms-gradebook.js';

/**
 * The grade book's rows as the CSV exports see them. DynamoDB: the grade book's three Queries
 * (config, grades, groups and publication in one range; the roster; the member changes).
 */
const loadCsvRows = async (d: Deps, courseId: string, caller: Caller) => {
  const book = await loadGradeBook(d, courseId, caller, 'export the grades');
  const { grading, timeZone } = book.course.config;
  const byGroup = gradesByGroup(book.grades);
  const rows: CsvRow[] = book.rows.map((r) =>
    csvRowOf(
      grading,
      timeZone,
      r,
      r.student.groupId ? (byGroup.get(r.student.groupId) ?? new Map()) : undefined,
    ),
  );
  return { grading, rows };
};

const csv = (body: string, fileName: string) =>
  textResult(body, 'text/csv; charset=utf-8', { 'content-disposition': attachmentDisposition(fileName) });

/** GET /courses/{courseId}/grades.csv: every roster student with components, details and final. */
export const getGradesCsv = async (d: Deps, courseId: string, caller: Caller) => {
  const { grading, rows } = await loadCsvRows(d, courseId, caller);
  return csv(gradesCsv(grading, rows), `${courseId}-grades.csv`);
};

/** GET /courses/{courseId}/gradebook.csv?format=moodle|canvas: the same grades for an LMS import. */
export const getGradebookCsv = async (d: Deps, courseId: string, caller: Caller, format: LmsFormat) => {
  const { grading, rows } = await loadCsvRows(d, courseId, caller);
  return csv(lmsCsv(format, grading, rows), `${courseId}-${format}-grades.csv`);
};
