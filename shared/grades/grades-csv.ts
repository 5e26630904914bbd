import { stringify } from 'csv-stringify/sync';
import { stepDecimals, stepOf } from '../domain/grade-math.js';
import type { Grading } from './grade-book.js';

export interface CsvRow {
  email: string;
  name: string;
  studentId: string | null;
  groupId: string | null;
  paperId: string | null;
  components: Record<string, number | null>;
  finalText: string | null;
  finalReason?: string;
}

/**
 * A spreadsheet would run a cell that starts with = + - @ (or a tab/CR) as a formula; text cells
 * that start so get a leading apostrophe, which spreadsheets hide. Numbers are never touched.
 */
export const neutralizeFormula = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** The header the export writes: fixed columns, one per component id, then the final and its note. */
export const csvHeader = (grading: Grading): string[] => [
  'email',
  'name',
  'studentId',
  'groupId',
  'paperId',
  ...grading.components.map((c) => c.id),
  'final',
  'finalNote',
];

/**
 * The grade listing as CSV: UTF-8 with a byte-order mark (so spreadsheets read accents), CRLF line
 * ends, every field that needs it quoted (names with commas survive). Components show the value
 * rounded for display with the step's decimals; the final is the exact sum rounded once.
 */
export const gradesCsv = (grading: Grading, rows: readonly CsvRow[]): string => {
  const digits = stepDecimals(stepOf(grading.rounding));
  const number = (v: number | null | undefined) => (v === null || v === undefined ? '' : v.toFixed(digits));
  return stringify(
    [
      csvHeader(grading),
      ...rows.map((r) => [
        neutralizeFormula(r.email),
        neutralizeFormula(r.name),
        neutralizeFormula(r.studentId ?? ''),
        r.groupId ?? '',
        r.paperId ?? '',
        ...grading.components.map((c) => number(r.components[c.id])),
        r.finalText ?? '',
        r.finalReason ? neutralizeFormula(r.finalReason) : '',
      ]),
    ],
    { bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$/ },
  );
};
