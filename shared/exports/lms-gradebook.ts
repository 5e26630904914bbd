import { stringify } from 'csv-stringify/sync';
import { stepDecimals, stepOf } from '../domain/grade-math.js';
import type { Grading } from '../grades/grade-book.js';
import { neutralizeFormula, type CsvRow } from '../grades/grades-csv.js';

export const LMS_FORMATS = ['moodle', 'canvas'] as const;
export type LmsFormat = (typeof LMS_FORMATS)[number];

/** The title of the column that carries the course's final grade in both formats. */
export const FINAL_ITEM = 'Final grade';

/** One grade item (column) of the LMS: each component, then the final, all out of the course scale. */
interface Item {
  title: string;
  value: (r: CsvRow) => string;
}

const itemsOf = (grading: Grading): Item[] => {
  const digits = stepDecimals(stepOf(grading.rounding));
  const number = (v: number | null | undefined) => (v === null || v === undefined ? '' : v.toFixed(digits));
  return [
    ...grading.components.map((c) => ({ title: c.title, value: (r: CsvRow) => number(r.components[c.id]) })),
    // The final as the listing shows it: the exact sum rounded once (not a sum of rounded parts).
    { title: FINAL_ITEM, value: (r: CsvRow) => r.finalText ?? '' },
  ];
};

/**
 * Moodle, Grades → Import → "CSV file" (gradeimport_csv). The importer reads a header row, then asks
 * the teacher to pick "Identify user by": Map from <a column of the file> to one of user id,
 * username, ID number or email address (load_data.php map_user_data_with_value: userid, username,
 * useridnumber, useremail), and maps every other column to an existing grade item, to a "new grade
 * item" named after the header, or to nothing. Values go through unformat_float (a dot decimal is
 * accepted in every language); an empty cell or "-" means "no grade". A row whose user cannot be
 * found aborts the whole import, so every row carries the email (always known); the ID number is
 * the roster's student id, empty when the roster has none. Column names follow Moodle's own plain
 * text export ("Email address", "ID number") so the mapping form is obvious. No byte-order mark:
 * the file is for the importer (which trims one anyway), with UTF-8 as its default encoding.
 */
export const moodleCsv = (grading: Grading, rows: readonly CsvRow[]): string => {
  const items = itemsOf(grading);
  return stringify(
    [
      ['Email address', 'ID number', 'Full name', ...items.map((i) => i.title)],
      ...rows.map((r) => [
        r.email,
        r.studentId ?? '',
        neutralizeFormula(r.name),
        ...items.map((i) => i.value(r)),
      ]),
    ],
    { record_delimiter: 'windows' },
  );
};

/**
 * Canvas's importer drops every column whose header *contains* one of these (case-sensitive; its
 * GradebookImporter NON_ASSIGNMENT_COLUMN_HEADERS, matched unanchored) as a computed column.
 */
export const CANVAS_COMPUTED_HEADERS = [
  'Current Score',
  'Current Points',
  'Current Grade',
  'Final Score',
  'Final Points',
  'Final Grade',
  'Override Score',
  'Override Grade',
  'Override Status',
] as const;

/**
 * A component title as a Canvas header that names a new assignment: "(<digits>)" at the end would
 * read as the id of an existing one, and a computed column's name would drop the column, so the
 * digits go in brackets and such a name's second word in lower case ("Final grade", as our own
 * final's column is named for the same reason).
 */
const canvasTitle = (title: string) =>
  CANVAS_COMPUTED_HEADERS.reduce(
    (t, computed) =>
      t.replaceAll(
        computed,
        computed.replace(/ (\w)/, (_m, c: string) => ` ${c.toLowerCase()}`),
      ),
    title.replace(/\((\d+)\)\s*$/, '[$1]'),
  );

/**
 * Canvas, Grades → Import (the Gradebook's CSV import, the same layout as its export): the columns
 * `Student, ID, SIS User ID, SIS Login ID, Section`, then one column per assignment. A header
 * "Name (123)" updates the existing assignment 123; any other header creates a new assignment of
 * that name, whose points come from the "Points Possible" row, the second row, whose first cell is
 * "    Points Possible" as Canvas's export writes it (and its importer skips as a student). Students
 * are matched by ID (Canvas's own user id, unknown here, so empty), SIS User ID (the roster's
 * student id) or SIS Login ID (the email, the usual login of a university's SSO). An empty cell
 * leaves the grade as it is. No byte-order mark.
 */
export const canvasCsv = (grading: Grading, rows: readonly CsvRow[]): string => {
  const items = itemsOf(grading);
  return stringify(
    [
      ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', ...items.map((i) => canvasTitle(i.title))],
      ['    Points Possible', '', '', '', '', ...items.map(() => String(grading.scale))],
      ...rows.map((r) => [
        neutralizeFormula(r.name),
        '',
        r.studentId ?? '',
        r.email,
        '',
        ...items.map((i) => i.value(r)),
      ]),
    ],
    { record_delimiter: 'windows' },
  );
};

export const lmsCsv = (format: LmsFormat, grading: Grading, rows: readonly CsvRow[]): string =>
  format === 'moodle' ? moodleCsv(grading, rows) : canvasCsv(grading, rows);
