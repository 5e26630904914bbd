import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Loose } from '../support/api.js';
import { createCourse } from '../support/course-fixture.js';
import { aspects, formGroups, gradePath, waived } from '../support/grade-fixture.js';

describe('GET /courses/{courseId}/grades.csv', () => {
  it('exports every roster student as UTF-8 CSV with a BOM that reads back to the JSON listing', async () => {
    const c = await createCourse({ students: 5 });
    const names = ['García, Inès', 'Lefèbvre, Raphaël', 'Zoé "Zo" Moreau', 'Ben Ali, Yanis', 'Chloé Bernard'];
    const csvRoster = [
      'email,name,studentId',
      ...c.students.map((e, i) => `${e},"${(names[i] as string).replace(/"/g, '""')}",${23001 + i}`),
    ].join('\n');
    const roster = await c.teacher.put(`/courses/${c.courseId}/roster`, csvRoster, {
      'content-type': 'text/csv',
    });
    expect(roster.status).toBe(200);
    const [g] = await formGroups(c, [{ members: [0, 1, 2], paperId: 'schrodinger-bridge-likelihood' }]);
    if (!g) throw new Error('group');
    await c.teacher.put(gradePath(c, g, 'report'), { ...waived, ...aspects(13, 14, 16) });
    await c.teacher.put(gradePath(c, g, 'presentation'), { ...waived, score: 15 });

    const res = await fetch(`${c.api.baseUrl}/courses/${c.courseId}/grades.csv`, {
      headers: { authorization: `Bearer ${await c.api.token(c.instructor)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`${c.courseId}-grades.csv`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');

    const parsed = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    const json = (await c.teacher.get(`/courses/${c.courseId}/grades`)).body as Loose[];
    expect(parsed).toHaveLength(5);
    expect(parsed).toEqual(
      // The detail columns that follow finalNote are checked in exports.test.ts.
      json.map((r) =>
        expect.objectContaining({
          email: r.email,
          name: r.name,
          studentId: r.studentId ?? '',
          groupId: r.groupId ?? '',
          paperId: r.paperId ?? '',
          report: r.components.report === null ? '' : r.components.report.toFixed(2),
          presentation: r.components.presentation === null ? '' : r.components.presentation.toFixed(2),
          final: r.finalText ?? '',
          finalNote: r.finalReason ?? '',
        }),
      ),
    );
    const ines = parsed.find((r) => r.name === 'García, Inès');
    // G1 = (13 + 14 + 16) / 3 = 43/3 shown as 14.33; final 2/3 · 43/3 + 1/3 · 15 = 131/9 → 14.56.
    expect(ines).toMatchObject({
      studentId: '23001',
      report: '14.33',
      presentation: '15.00',
      final: '14.56',
    });
    expect(parsed.map((r) => r.name).sort()).toEqual([...names].sort());
    expect(parsed.find((r) => r.name === 'Ben Ali, Yanis')).toMatchObject({
      final: '',
      finalNote: 'not in a group',
    });
  });
});
