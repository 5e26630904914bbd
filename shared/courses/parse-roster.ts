import { parse } from 'csv-parse/sync';
import { BadRequest, type Issue } from '../errors.js';
import { toIssues } from '../http/zod-issues.js';
import { MAX_ROSTER, RosterBody, RosterStudent } from './schemas.js';

const isCsv = (contentType: string) => contentType.startsWith('text/csv');

const EXPORT_HINT = 'save it from the spreadsheet as "CSV UTF-8 (comma delimited)" and upload that file';

/** Lines (from 1) that are not valid UTF-8, at most a few: enough for the instructor to find them. */
const badUtf8Lines = (bytes: Uint8Array): number[] => {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const lines: number[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length && lines.length < 5; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      strict.decode(bytes.subarray(start, i));
    } catch {
      lines.push(line);
    }
    start = i + 1;
    line++;
  }
  return lines;
};

const notUtf8 = (lines: number[], csv: boolean): BadRequest =>
  new BadRequest(
    csv
      ? `The CSV file is not UTF-8 text (it looks like Latin-1/Windows-1252): ${EXPORT_HINT}`
      : 'The body is not valid UTF-8',
    (lines.length ? lines : [0]).map((line) => ({
      path: csv && line ? `line ${line}` : 'body',
      message: csv ? `not UTF-8 text: ${EXPORT_HINT}` : 'not valid UTF-8',
    })),
    csv ? 'invalid_csv' : 'invalid_encoding',
  );

/**
 * The body as text, refusing bytes that are not UTF-8 rather than storing U+FFFD in their place.
 * A body that already went through a lenient decoder carries U+FFFD where the bad bytes were:
 * refused the same way (a roster has no use for the replacement character).
 */
const decodeBody = (body: string | Uint8Array, csv: boolean): string => {
  let text: string;
  if (typeof body === 'string') text = body;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      throw notUtf8(badUtf8Lines(body), csv);
    }
  }
  if (text.includes('\uFFFD'))
    throw notUtf8(
      text
        .split('\n')
        .flatMap((l, i) => (l.includes('\uFFFD') ? [i + 1] : []))
        .slice(0, 5),
      csv,
    );
  return text;
};

interface CsvRow {
  line: number;
  row: unknown;
}

const parseCsv = (text: string): CsvRow[] => {
  let header: string[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (names: string[]) => {
        header = names.map((h) => h.trim().toLowerCase());
        return header;
      },
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    throw new BadRequest(
      'The CSV cannot be read',
      [{ path: 'body', message: (error as Error).message }],
      'invalid_csv',
    );
  }
  if (!header.length)
    throw new BadRequest(
      'The CSV is empty: it needs the header email,name[,studentId] and one line per student. To empty the roster, send the JSON body {"students": []}',
      [{ path: 'body', message: 'empty CSV' }],
      'empty_roster',
    );
  const missing = ['email', 'name'].filter((h) => !header.includes(h));
  const unknown = header.filter((h) => !['email', 'name', 'studentid'].includes(h));
  if (missing.length || unknown.length)
    throw new BadRequest(
      'The CSV header must be email,name[,studentId]',
      [
        ...missing.map((h) => ({ path: 'header', message: `missing column "${h}"` })),
        ...unknown.map((h) => ({ path: 'header', message: `unknown column "${h}"` })),
      ],
      'invalid_csv',
    );
  if (!records.length)
    throw new BadRequest(
      'The CSV has a header but no students; replacing the roster with it would remove every student. To empty the roster on purpose, send the JSON body {"students": []}',
      [{ path: 'body', message: 'no student rows after the header' }],
      'empty_roster',
    );
  return records.map(({ record: r, info }) => ({
    line: info.lines,
    row: {
      email: r.email,
      name: r.name,
      ...(r.studentid ? { studentId: r.studentid } : {}),
    },
  }));
};

/**
 * A roster from CSV (header email,name[,studentId], UTF-8) or JSON; every bad row is reported, by
 * line for CSV. An empty CSV is refused: emptying the roster takes an explicit `{"students": []}`.
 */
export const parseRoster = (body: string | Uint8Array, contentType: string): RosterStudent[] => {
  const csv = isCsv(contentType);
  const rawBody = decodeBody(body, csv);
  if (!csv) {
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new BadRequest(
        'The body is neither valid JSON nor text/csv',
        [{ path: 'body', message: 'not valid JSON' }],
        'invalid_json',
      );
    }
    const parsed = RosterBody.safeParse(json);
    if (!parsed.success)
      throw new BadRequest('Invalid roster', toIssues(parsed.error, 'body'), 'invalid_input');
    return checkDuplicates(parsed.data.students, (i) => `body.students[${i}].email`);
  }
  const rows = parseCsv(rawBody);
  if (rows.length > MAX_ROSTER)
    throw new BadRequest(`A roster has at most ${MAX_ROSTER} students`, [
      { path: 'body', message: 'too many rows' },
    ]);
  const issues: Issue[] = [];
  const students: RosterStudent[] = [];
  const lines: number[] = [];
  for (const { line, row } of rows) {
    const parsed = RosterStudent.safeParse(row);
    if (parsed.success) {
      students.push(parsed.data);
      lines.push(line);
    } else issues.push(...toIssues(parsed.error, `line ${line}`));
  }
  if (issues.length) throw new BadRequest('Invalid roster rows', issues, 'invalid_input');
  return checkDuplicates(students, (i) => `line ${lines[i] ?? i + 2}`);
};

const checkDuplicates = (students: RosterStudent[], where: (index: number) => string): RosterStudent[] => {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  students.forEach((s, i) => {
    if (seen.has(s.email)) issues.push({ path: where(i), message: `${s.email} appears more than once` });
    seen.add(s.email);
  });
  if (issues.length) throw new BadRequest('Duplicate students in the roster', issues, 'invalid_input');
  return students;
};
