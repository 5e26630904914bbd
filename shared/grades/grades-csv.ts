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

/** Control and format characters (NUL, tab, CR, bidi controls, BOM…) a cell must not start with. */
const LEADING_CONTROLS = /^[\p{Cc}\p{Cf}]+/u;
/** Everything a spreadsheet may skip or not show before a cell's first visible character. */
const LEADING_INVISIBLE = /^[\p{Cc}\p{Cf}\p{Z}\s]+/u;
/** = + - @ and their full-width forms, which some spreadsheets read the same way. */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

/**
 * A spreadsheet would run a cell that starts with = + - @ (or a tab/CR) as a formula (OWASP "CSV
 * injection"). Leading control and format characters are dropped first, and the check looks past
 * any leading invisible characters and whitespace, so "\0=cmd" or " =cmd" cannot slip through;
 * a risky cell gets a leading apostrophe, which spreadsheets hide. Numbers are never touched.
 */
export const neutralizeFormula = (text: string): string => {
  const cell = text.replace(LEADING_CONTROLS, '');
  const risky =
    /^[\t\r]/.test(text) ||
    FORMULA_START.test(cell) ||
    FORMULA_START.test(cell.replace(LEADING_INVISIBLE, ''));
  return risky ? `'${cell}` : cell;
};

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
