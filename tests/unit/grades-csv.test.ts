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
});
