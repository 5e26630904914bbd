import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { csvHeader, gradesCsv, neutralizeFormula, type CsvRow } from '../../shared/grades/grades-csv.js';

const grading = CourseConfig.parse(demoCourse).grading;

const row = (over: Partial<CsvRow>): CsvRow => ({
  email: 'x@students.example',
  name: 'X',
  studentId: null,
  groupId: null,
  paperId: null,
  components: { report: null, presentation: null },
  finalText: null,
  ...over,
});

/** The detail columns of a row that carries none (rows built without `details`). */
const emptyDetails = Object.fromEntries(
  csvHeader(grading)
    .slice(9)
    .map((h) => [h, '']),
);

describe('grades CSV', () => {
  it('starts with a UTF-8 BOM, ends lines with CRLF and survives a round trip with accents, commas and quotes', () => {
    const rows = [
      row({
        email: 'ines.garcia@students.example',
        name: 'García, Inès',
        studentId: '23001',
        groupId: 'g_abcdefghij',
        paperId: 'ddim',
        components: { report: 14.33, presentation: 15 },
        finalText: '14.56',
      }),
      row({ email: 'zoe@students.example', name: 'Zoé "Zo" Moreau', finalReason: 'not in a group' }),
      row({ email: 'yanis@students.example', name: 'Ben Ali, Yanis', studentId: '0042' }),
    ];
    const csv = gradesCsv(grading, rows);
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toContain('\r\n');
    const parsed = parse(bytes, { bom: true, columns: true, skip_empty_lines: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(parsed[0] ?? {})).toEqual(csvHeader(grading));
    expect(parsed).toEqual([
      {
        email: 'ines.garcia@students.example',
        name: 'García, Inès',
        studentId: '23001',
        groupId: 'g_abcdefghij',
        paperId: 'ddim',
        report: '14.33',
        presentation: '15.00',
        final: '14.56',
        finalNote: '',
        ...emptyDetails,
      },
      {
        email: 'zoe@students.example',
        name: 'Zoé "Zo" Moreau',
        studentId: '',
        groupId: '',
        paperId: '',
        report: '',
        presentation: '',
        final: '',
        finalNote: 'not in a group',
        ...emptyDetails,
      },
      expect.objectContaining({ name: 'Ben Ali, Yanis', studentId: '0042' }),
    ]);
  });

  it('keeps spreadsheet formulas inert in text cells', () => {
    expect(neutralizeFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralizeFormula('+33')).toBe(`'+33`);
    expect(neutralizeFormula('Léa')).toBe('Léa');
    const parsed = parse(gradesCsv(grading, [row({ name: '@SUM(A1)' })]), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(parsed[0]?.name).toBe("'@SUM(A1)");
  });

  it('looks past leading control characters, invisible characters and whitespace (OWASP CSV injection)', () => {
    expect(neutralizeFormula('\u0000=cmd|" /C calc"!A0')).toBe(`'=cmd|" /C calc"!A0`);
    expect(neutralizeFormula('\u0000\u0001+1')).toBe("'+1");
    expect(neutralizeFormula(' =1+1')).toBe("' =1+1");
    expect(neutralizeFormula('\u00A0\u200B@SUM(A1)')).toBe("'\u00A0\u200B@SUM(A1)");
    expect(neutralizeFormula('\u202E-2+3')).toBe("'-2+3");
    expect(neutralizeFormula('\uFEFF=1')).toBe("'=1");
    expect(neutralizeFormula('\uFF1D1+1')).toBe("'\uFF1D1+1");
    expect(neutralizeFormula('\t=1')).toBe("'=1");
    expect(neutralizeFormula('\r@x')).toBe("'@x");
    expect(neutralizeFormula('\tplain')).toBe("'plain");
    // Leading controls never reach a cell; ordinary text is left alone.
    expect(neutralizeFormula('\u0000Léa')).toBe('Léa');
    expect(neutralizeFormula('Léa = 1')).toBe('Léa = 1');
    const parsed = parse(gradesCsv(grading, [row({ name: '\u0000=HYPERLINK("http://x")' })]), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(parsed[0]?.name).toBe(`'=HYPERLINK("http://x")`);
  });

  it('keeps the first columns of the first release in place and appends aspects, comments, changes and the exact final', () => {
    expect(csvHeader(grading)).toEqual([
      'email',
      'name',
      'studentId',
      'groupId',
      'paperId',
      'report',
      'presentation',
      'final',
      'finalNote',
      'report.theoretical',
      'report.methodological',
      'report.experimental',
      'report.comment',
      'report.changeKind',
      'report.changeValue',
      'report.changeReason',
      'presentation.comment',
      'presentation.changeKind',
      'presentation.changeValue',
      'presentation.changeReason',
      'finalExact',
    ]);
    const csv = gradesCsv(grading, [
      row({
        components: { report: 15.33, presentation: 15 },
        finalText: '15.22',
        details: {
          aspects: { report: { theoretical: 13, methodological: 14.5, experimental: 16 } },
          comments: { report: '=clear, "well argued"\nsecond line', presentation: 'On time' },
          changes: { report: { kind: 'adjustment', value: 1, reason: '-did more of the experiments' } },
          finalExact: '137/9',
        },
      }),
    ]);
    const [parsed] = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(parsed).toMatchObject({
      report: '15.33',
      final: '15.22',
      'report.theoretical': '13',
      'report.methodological': '14.5',
      'report.experimental': '16',
      // Free text is kept whole (quotes, newline) and inert.
      'report.comment': `'=clear, "well argued"\nsecond line`,
      'report.changeKind': 'adjustment',
      'report.changeValue': '1',
      'report.changeReason': "'-did more of the experiments",
      'presentation.comment': 'On time',
      'presentation.changeKind': '',
      finalExact: '137/9',
    });
  });
});
