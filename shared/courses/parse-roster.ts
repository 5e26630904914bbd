import { parse } from 'csv-parse/sync';
import { BadRequest, type Issue } from '../errors.js';
import { toIssues } from '../http/zod-issues.js';
import { MAX_ROSTER, RosterBody, RosterStudent } from './schemas.js';

const isCsv = (contentType: string) => contentType.startsWith('text/csv');

const parseCsv = (text: string): unknown[] => {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new BadRequest(
      'The CSV cannot be read',
      [{ path: 'body', message: (error as Error).message }],
      'invalid_csv',
    );
  }
  const header = records[0] ? Object.keys(records[0]) : [];
  const missing = ['email', 'name'].filter((h) => records.length && !header.includes(h));
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
  return records.map((r) => ({
    email: r.email,
    name: r.name,
    ...(r.studentid ? { studentId: r.studentid } : {}),
  }));
};

/** A roster from CSV (header email,name[,studentId]) or JSON; every bad row is reported, by line for CSV. */
export const parseRoster = (rawBody: string, contentType: string): RosterStudent[] => {
  if (!isCsv(contentType)) {
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
  rows.forEach((row, i) => {
    const parsed = RosterStudent.safeParse(row);
    // Line 1 is the header, so data row i is on line i + 2.
    if (parsed.success) students.push(parsed.data);
    else issues.push(...toIssues(parsed.error, `line ${i + 2}`));
  });
  if (issues.length) throw new BadRequest('Invalid roster rows', issues, 'invalid_input');
  return checkDuplicates(students, (i) => `line ${i + 2}`);
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
