import { stringify } from 'csv-stringify/sync';
import { stepDecimals, stepOf } from '../domain/grade-math.js';
import type { GradeRecord } from '../store/grade-repo.js';
import { gradeRowView, type GradeRow, type Grading } from './grade-book.js';

/** What the grader entered for a component and what changed it for one member. */
export interface CsvDetails {
  /** componentId -> aspectId -> the group's aspect score as entered. */
  aspects: Record<string, Record<string, number>>;
  /** componentId -> the grader's comment on the group's grade. */
  comments: Record<string, string>;
  /** componentId -> the member's own adjustment or override, with its reason. */
  changes: Record<string, { kind: 'adjustment' | 'override'; value: number; reason: string }>;
  /** The final as an exact fraction ("131/9"), before the one rounding; null without a final. */
  finalExact: string | null;
}

export interface CsvRow {
  email: string;
  name: string;
  studentId: string | null;
  groupId: string | null;
  paperId: string | null;
  components: Record<string, number | null>;
  finalText: string | null;
  finalReason?: string;
  details?: CsvDetails;
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

/**
 * The detail columns, after the original ones so that a sheet or script reading the first columns
 * by position keeps working: per component its aspects (`report.theoretical`), the grader's comment
 * and the member's own change (kind, value, reason); then the exact final.
 */
const detailHeader = (grading: Grading): string[] => [
  ...grading.components.flatMap((c) => [
    ...(c.aspects ?? []).map((a) => `${c.id}.${a.id}`),
    `${c.id}.comment`,
    `${c.id}.changeKind`,
    `${c.id}.changeValue`,
    `${c.id}.changeReason`,
  ]),
  'finalExact',
];

/**
 * The header the export writes: fixed columns, one per component id, the final and its note (the
 * columns of the first release, unchanged in name and order), then the detail columns.
 */
export const csvHeader = (grading: Grading): string[] => [
  'email',
  'name',
  'studentId',
  'groupId',
  'paperId',
  ...grading.components.map((c) => c.id),
  'final',
  'finalNote',
  ...detailHeader(grading),
];

const text = (v: string | undefined) => (v ? neutralizeFormula(v) : '');

const detailCells = (grading: Grading, d: CsvDetails | undefined): string[] => [
  ...grading.components.flatMap((c) => {
    const change = d?.changes[c.id];
    return [
      // Aspect scores and change values as entered (no rounding: they are inputs, not results).
      ...(c.aspects ?? []).map((a) => {
        const v = d?.aspects[c.id]?.[a.id];
        return v === undefined ? '' : String(v);
      }),
      text(d?.comments[c.id]),
      change?.kind ?? '',
      change ? String(change.value) : '',
      text(change?.reason),
    ];
  }),
  d?.finalExact ?? '',
];

/**
 * One student's CSV row from the grade book: the listing's row (visible values, final text) and the
 * details from the group's grade records and the member's changes.
 */
export const csvRowOf = (
  grading: Grading,
  zone: string,
  row: GradeRow,
  groupGrades: ReadonlyMap<string, GradeRecord> | undefined,
): CsvRow => {
  const view = gradeRowView(grading, zone, row);
  const aspects: CsvDetails['aspects'] = {};
  const comments: CsvDetails['comments'] = {};
  for (const [componentId, g] of groupGrades ?? []) {
    if (g.aspects) aspects[componentId] = g.aspects;
    if (g.comment) comments[componentId] = g.comment;
  }
  const changes: CsvDetails['changes'] = {};
  for (const [componentId, c] of Object.entries(row.changes))
    changes[componentId] = { kind: c.kind, value: c.value, reason: c.reason };
  return { ...view, details: { aspects, comments, changes, finalExact: view.exact.final } };
};

/**
 * The grade listing as CSV: UTF-8 with a byte-order mark (so spreadsheets read accents), CRLF line
 * ends, every field that needs it quoted (names with commas survive). Components show the value
 * rounded for display with the step's decimals; the final is the exact sum rounded once, and
 * `finalExact` is that sum as a fraction. Free text (names, comments, reasons) is kept inert.
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
        ...detailCells(grading, r.details),
      ]),
    ],
    { bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$/ },
  );
};
