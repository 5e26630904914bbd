import { regexes } from 'zod/v4/core';

/**
 * The roster CSV read in the browser with the server's rules (shared/courses/parse-roster.ts:
 * csv-parse with a header row, trimmed fields, empty lines skipped; RosterStudent's email, name and
 * studentId rules; every repeated email refused), so the preview names each bad line before
 * anything is written. Line numbers are counted as csv-parse counts them: the line a record ends on
 * (a CR inside quotes aside: csv-parse counts it oddly, and such a name is refused anyway).
 * The server checks again on import and its answer is the one that counts.
 */

export type LineProblem =
  | { code: 'badEmail' | 'emailTooLong' | 'nameRequired' | 'nameTooLong' | 'idTooLong' | 'control' }
  | { code: 'duplicate'; first: number }
  | { code: 'fieldCount'; got: number; expected: number };

export type FileProblem =
  | { code: 'notUtf8' | 'empty' | 'noRows' | 'tooMany' }
  | { code: 'unclosedQuote'; line: number }
  | { code: 'missingColumn' | 'unknownColumn'; column: string };

export interface RosterLine {
  line: number;
  email: string;
  name: string;
  studentId: string;
  problems: LineProblem[];
}

export interface RosterCheck {
  lines: RosterLine[];
  fileProblems: FileProblem[];
}

const MAX_ROSTER = 5000;
/** safeText's single-line rule: C0/C1 controls, bidi overrides and isolates, a BOM inside text. */
const unsafe = (text: string) =>
  [...text].some((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return (
      cp <= 0x1f ||
      (cp >= 0x7f && cp <= 0x9f) ||
      (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2066 && cp <= 0x2069) ||
      cp === 0xfeff
    );
  });

interface CsvRecord {
  fields: string[];
  line: number;
}

/** RFC 4180 records: "" escapes a quote, quoted fields may hold commas and line breaks. */
const records = (text: string): { records: CsvRecord[] } | { unclosedAt: number } => {
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let startLine = 1;
  const endField = () => {
    fields.push(wasQuoted ? field : field.trim());
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    // csv-parse's skip_empty_lines: a line with nothing on it is no record.
    const empty = fields.length === 0 && field === '' && !wasQuoted;
    endField();
    if (!empty) out.push({ fields, line });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      wasQuoted = true;
      field = '';
      startLine = line;
    } else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
    } else if (!(wasQuoted && (c === ' ' || c === '\t'))) field += c;
  }
  if (quoted) return { unclosedAt: startLine };
  if (field !== '' || fields.length) endRecord();
  return { records: out };
};

const checkRow = (fields: string[], columns: string[]): Omit<RosterLine, 'line'> => {
  const at = (name: string) => fields[columns.indexOf(name)] ?? '';
  const email = at('email');
  const name = at('name');
  const studentId = at('studentid');
  const problems: LineProblem[] = [];
  if (fields.length !== columns.length)
    problems.push({ code: 'fieldCount', got: fields.length, expected: columns.length });
  if (!regexes.email.test(email)) problems.push({ code: 'badEmail' });
  else if (email.length > 254) problems.push({ code: 'emailTooLong' });
  if (!name) problems.push({ code: 'nameRequired' });
  else if (name.length > 200) problems.push({ code: 'nameTooLong' });
  if (studentId.length > 64) problems.push({ code: 'idTooLong' });
  if (unsafe(name) || unsafe(studentId)) problems.push({ code: 'control' });
  return { email: email.toLowerCase(), name, studentId, problems };
};

export const checkRosterCsv = (raw: string): RosterCheck => {
  const parsed = records(raw.replace(/^\uFEFF/, ''));
  if ('unclosedAt' in parsed)
    return { lines: [], fileProblems: [{ code: 'unclosedQuote', line: parsed.unclosedAt }] };
  const [header, ...rows] = parsed.records;
  if (!header) return { lines: [], fileProblems: [{ code: 'empty' }] };
  const columns = header.fields.map((h) => h.trim().toLowerCase());
  const fileProblems: FileProblem[] = [
    ...['email', 'name']
      .filter((c) => !columns.includes(c))
      .map((column) => ({ code: 'missingColumn' as const, column })),
    ...columns
      .filter((c) => !['email', 'name', 'studentid'].includes(c))
      .map((column) => ({ code: 'unknownColumn' as const, column })),
  ];
  if (!rows.length) fileProblems.push({ code: 'noRows' });
  if (rows.length > MAX_ROSTER) fileProblems.push({ code: 'tooMany' });
  const seen = new Map<string, number>();
  const lines = rows.map((r) => {
    const row = { line: r.line, ...checkRow(r.fields, columns) };
    const first = seen.get(row.email);
    if (row.email && first !== undefined) row.problems.push({ code: 'duplicate', first });
    else if (row.email) seen.set(row.email, r.line);
    return row;
  });
  return { lines, fileProblems };
};

/** The bytes as UTF-8 text, or undefined when they are not (the server refuses such a file). */
export const decodeUtf8 = (bytes: ArrayBuffer): string | undefined => {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
};
