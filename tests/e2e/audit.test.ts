import { describe, expect, it } from 'vitest';
import type { Loose } from '../support/api.js';
import { createCourse } from '../support/course-fixture.js';
import {
  aspects,
  BEFORE_GROUP_DEADLINE,
  formGroups,
  gradePath,
  memberPath,
  waived,
} from '../support/grade-fixture.js';

describe('GET /courses/{courseId}/audit', () => {
  it('lists every grade write, change, publication and instructor override, newest first, with paging and a filter', async () => {
    const c = await createCourse({ students: 7 });
    const [g] = await formGroups(c, [{ members: [0, 1, 2], paperId: 'ddim' }]);
    if (!g) throw new Error('group');
    // An instructor override from another capability: forming a group for students (group.create).
    const formed = await c.teacher.at(BEFORE_GROUP_DEADLINE).post(`/courses/${c.courseId}/groups`, {
      members: [c.students[3], c.students[4], c.students[5]],
      paperId: 'ddrm',
    });
    expect(formed.status).toBe(201);
    const s0 = c.students[0] as string;
    await c.teacher.put(gradePath(c, g, 'report'), {
      ...waived,
      ...aspects(12, 13, 14),
      comment: 'first',
    });
    await c.teacher.put(gradePath(c, g, 'report'), { ...waived, ...aspects(12, 13, 17), version: 1 });
    await c.teacher.put(gradePath(c, g, 'presentation'), { ...waived, score: 15 });
    await c.teacher.put(memberPath(c, g, s0), {
      componentId: 'presentation',
      adjustment: -2,
      reason: 'Absent at rehearsal',
    });
    await c.teacher.put(memberPath(c, g, s0), {
      componentId: 'presentation',
      clear: true,
      reason: 'Was ill',
      version: 1,
    });
    await c.teacher.post(`/courses/${c.courseId}/grades/publish`);

    const all = await c.teacher.get(`/courses/${c.courseId}/audit`);
    expect(all.status).toBe(200);
    expect(Number(all.headers.get('x-examdesk-ddb-calls'))).toBeLessThanOrEqual(3);
    const actions = all.body.items.map((i: Loose) => i.action);
    expect(actions).toEqual([
      'grades.publish',
      'grade.clear',
      'grade.adjust',
      'grade.write',
      'grade.write',
      'grade.write',
      'group.create',
    ]);
    expect(all.body.nextCursor).toBeNull();
    const times = all.body.items.map((i: Loose) => Date.parse(i.at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(all.body.items[0].at).toMatch(/[+-]\d{2}:\d{2}$/);

    const rewrite = all.body.items[4];
    expect(rewrite).toMatchObject({
      actor: c.instructor,
      target: `${g}/report`,
      before: {
        aspects: { theoretical: 12, methodological: 13, experimental: 14 },
        comment: 'first',
        value: '13',
        version: 1,
      },
      after: { aspects: { theoretical: 12, methodological: 13, experimental: 17 }, value: '14', version: 2 },
    });
    expect(all.body.items[2]).toMatchObject({
      target: `${g}/${s0}`,
      reason: 'Absent at rehearsal',
      after: { componentId: 'presentation', kind: 'adjustment', value: -2, version: 1 },
    });
    expect(all.body.items[1]).toMatchObject({ reason: 'Was ill', before: { value: -2 } });
    expect(all.body.items[1].after).toBeUndefined();
    expect(all.body.items[6]).toMatchObject({ action: 'group.create', actor: c.instructor });

    // Pages of 3 with the opaque cursor give the same entries, each once.
    const paged: Loose[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Loose = await c.teacher.get(
        `/courses/${c.courseId}/audit?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      paged.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(paged.map((i) => i.auditId)).toEqual(all.body.items.map((i: Loose) => i.auditId));

    const writes = await c.teacher.get(`/courses/${c.courseId}/audit?action=grade.write`);
    expect(writes.body.items.map((i: Loose) => i.action)).toEqual([
      'grade.write',
      'grade.write',
      'grade.write',
    ]);
    const grades = await c.teacher.get(`/courses/${c.courseId}/audit?action=grade.*&limit=4`);
    expect(grades.body.items.map((i: Loose) => i.action)).toEqual([
      'grade.clear',
      'grade.adjust',
      'grade.write',
      'grade.write',
    ]);
    const rest = await c.teacher.get(
      `/courses/${c.courseId}/audit?action=grade.*&limit=4&cursor=${encodeURIComponent(grades.body.nextCursor)}`,
    );
    expect(rest.body.items.map((i: Loose) => i.action)).toEqual(['grade.write']);
    expect(rest.body.nextCursor).toBeNull();

    expect((await c.teacher.get(`/courses/${c.courseId}/audit?cursor=bm90LWEtY3Vyc29y`)).status).toBe(400);
    expect((await c.teacher.get(`/courses/${c.courseId}/audit?limit=0`)).status).toBe(400);
    expect((await c.teacher.get(`/courses/${c.courseId}/audit?action=DROP TABLE`)).status).toBe(400);
  });

  it('is closed to students, other courses’ instructors and callers without a token', async () => {
    const [c, other] = await Promise.all([createCourse({ students: 1 }), createCourse({ students: 1 })]);
    const path = `/courses/${c.courseId}/audit`;
    expect((await c.student(0).get(path)).status).toBe(403);
    expect((await other.teacher.get(path)).status).toBe(403);
    expect((await c.api.as(undefined).get(path)).status).toBe(401);
  });
});
