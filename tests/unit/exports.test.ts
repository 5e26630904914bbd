import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { entryNames, safePart } from '../../shared/exports/archive-names.js';
import { CANVAS_COMPUTED_HEADERS, canvasCsv, moodleCsv } from '../../shared/exports/lms-gradebook.js';
import type { CsvRow } from '../../shared/grades/grades-csv.js';

const grading = CourseConfig.parse(demoCourse).grading;

const rows: CsvRow[] = [
  {
    email: 'ines.garcia@students.example',
    name: 'García, Inès',
    studentId: '23001',
    groupId: 'g_1',
    paperId: 'ddim',
    components: { report: 14.333, presentation: 15 },
    finalText: '14.56',
  },
  {
    email: 'yanis@students.example',
    name: '=Ben Ali',
    studentId: null,
    groupId: null,
    paperId: null,
    components: { report: null, presentation: null },
    finalText: null,
    finalReason: 'not in a group',
  },
];

const read = (csv: string) => parse(csv, { columns: false, relax_column_count: true }) as string[][];

describe('gradebook CSV for Moodle', () => {
  it('has the identifier columns Moodle maps from, one column per grade item, dot decimals and empty for no grade', () => {
    const csv = moodleCsv(grading, rows);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(read(csv)).toEqual([
      ['Email address', 'ID number', 'Full name', 'Report (G1)', 'Presentation (G2)', 'Final grade'],
      ['ines.garcia@students.example', '23001', 'García, Inès', '14.33', '15.00', '14.56'],
      ['yanis@students.example', '', "'=Ben Ali", '', '', ''],
    ]);
  });
});

describe('gradebook CSV for Canvas', () => {
  it("passes Canvas's importer's header rules (canvas-lms lib/gradebook_importer.rb)", () => {
    // A title that contains a computed column's name would make Canvas drop that column.
    const config = CourseConfig.parse({
      ...demoCourse,
      grading: {
        ...demoCourse.grading,
        components: [
          { ...demoCourse.grading.components[0], title: 'Final Grade of the report' },
          demoCourse.grading.components[1],
        ],
      },
    });
    const [header = [], points = []] = read(canvasCsv(config.grading, rows));
    // row_has_student_headers?: "Student" then "ID"; update_column_count: SIS User ID then SIS
    // Login ID take 2 more columns, so the fifth (last student column) must be "Section".
    expect(header[0]).toContain('Student');
    expect(header[1]).toContain('ID');
    expect(header.slice(2, 5)).toEqual(['SIS User ID', 'SIS Login ID', 'Section']);
    // strip_non_assignment_columns: any header containing a computed name is not an assignment.
    const computed = new RegExp(CANVAS_COMPUTED_HEADERS.join('|'));
    expect(header.slice(5).filter((h) => computed.test(h))).toEqual([]);
    expect(header.slice(5)).toEqual(['Final grade of the report', 'Presentation (G2)', 'Final grade']);
    // check_for_non_student_row: a first cell containing "Points Possible" sets each assignment's points.
    expect(points[0]).toContain('Points Possible');
    expect(points.slice(5)).toEqual(['20', '20', '20']);
  });

  it('has the five leading columns, a Points Possible row at the scale, SIS ids and no id-like titles', () => {
    const config = CourseConfig.parse({
      ...demoCourse,
      grading: {
        ...demoCourse.grading,
        components: [
          { ...demoCourse.grading.components[0], title: 'Report (2023)' },
          demoCourse.grading.components[1],
        ],
      },
    });
    const lines = read(canvasCsv(config.grading, rows));
    expect(lines[0]).toEqual([
      'Student',
      'ID',
      'SIS User ID',
      'SIS Login ID',
      'Section',
      // "(2023)" would read as the id of an existing Canvas assignment.
      'Report [2023]',
      'Presentation (G2)',
      'Final grade',
    ]);
    expect(lines[1]).toEqual(['    Points Possible', '', '', '', '', '20', '20', '20']);
    expect(lines[2]).toEqual([
      'García, Inès',
      '',
      '23001',
      'ines.garcia@students.example',
      '',
      '14.33',
      '15.00',
      '14.56',
    ]);
    expect(lines[3]?.slice(0, 4)).toEqual(["'=Ben Ali", '', '', 'yanis@students.example']);
  });
});

describe('ZIP entry names', () => {
  it('are <owner>_<paper>_<file>, safe on every system and unique even ignoring case', () => {
    expect(
      entryNames([
        { owner: 'g_abc', paperId: 'ddim', fileName: 'Report final.pdf' },
        { owner: 'g_abc', paperId: 'ddim', fileName: 'report FINAL.pdf' },
        { owner: 'g_abc', paperId: 'ddim', fileName: 'report_final.pdf' },
        { owner: 'ines.garcia@students.example', fileName: '../../etc/passwd' },
        { owner: 'g_x', paperId: 'p', fileName: 'Résumé\u0000:*?<>|.pdf' },
        { owner: 'g_y', paperId: 'p', fileName: '...' },
      ]),
    ).toEqual([
      'g_abc_ddim_Report_final.pdf',
      'g_abc_ddim_report_FINAL-2.pdf',
      'g_abc_ddim_report_final-3.pdf',
      'ines.garcia@students.example_no-paper_etc_passwd',
      'g_x_p_Résumé_.pdf',
      'g_y_p_file',
    ]);
    expect(safePart('e\u0301te\u0301.pdf')).toBe('été.pdf');
    expect([...safePart('x'.repeat(300))]).toHaveLength(80);
  });
});
