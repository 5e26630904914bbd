import { describe, expect, it } from 'vitest';
import type { Loose } from '../support/api.js';
import { createCourse } from '../support/course-fixture.js';
import { aspects, formGroups, gradePath, memberPath, waived } from '../support/grade-fixture.js';

describe('who may touch grades', () => {
  it('refuses every grade route to a student (403), another course’s instructor (403) and no token (401)', async () => {
    const [c, other] = await Promise.all([createCourse({ students: 4 }), createCourse({ students: 1 })]);
    const [g] = await formGroups(c, [{ members: [0, 1, 2], paperId: 'ddim' }]);
    if (!g) throw new Error('group');
    const member = c.students[0] as string;
    const routes: { method: 'get' | 'put' | 'post'; path: string; body?: Record<string, unknown> }[] = [
      { method: 'get', path: `/courses/${c.courseId}/groups/${g}/grades` },
      { method: 'put', path: gradePath(c, g, 'presentation'), body: { score: 20 } },
      { method: 'put', path: gradePath(c, g, 'report'), body: aspects(20, 20, 20) },
      {
        method: 'put',
        path: memberPath(c, g, member),
        body: { componentId: 'presentation', override: 20, reason: 'I deserve it' },
      },
      { method: 'get', path: `/courses/${c.courseId}/grades` },
      { method: 'get', path: `/courses/${c.courseId}/grades.csv` },
      { method: 'post', path: `/courses/${c.courseId}/grades/publish` },
      { method: 'get', path: `/courses/${c.courseId}/audit` },
    ];
    const callers = [
      { who: 'a student of the group', as: c.student(0), status: 403 },
      { who: 'a student of the course', as: c.student(3), status: 403 },
      { who: 'another course’s instructor', as: other.teacher, status: 403 },
      { who: 'no token', as: c.api.as(undefined), status: 401 },
    ];
    const seen: string[] = [];
    for (const caller of callers)
      for (const r of routes) {
        const res =
          r.method === 'get' ? await caller.as.get(r.path) : await caller.as[r.method](r.path, r.body ?? {});
        seen.push(`${caller.who} ${r.method.toUpperCase()} ${r.path} → ${res.status}`);
        expect(res.status, seen.at(-1)).toBe(caller.status);
        expect(res.text).not.toContain('"final"');
      }
    // Nothing was written, nothing published.
    const sheet = await c.teacher.get(`/courses/${c.courseId}/groups/${g}/grades`);
    expect(sheet.body.components.map((x: Loose) => x.grade)).toEqual([null, null]);
    expect(sheet.body.members.every((m: Loose) => Object.keys(m.changes).length === 0)).toBe(true);
    expect(sheet.body.publishedAt).toBeNull();
    expect((await c.teacher.get(`/courses/${c.courseId}/audit`)).body.items).toEqual([]);
    // An admin has an instructor's rights.
    expect((await c.admin.get(`/courses/${c.courseId}/grades`)).status).toBe(200);
  });

  it('shows a student only their own grades, and none before publication', async () => {
    const c = await createCourse({ students: 6 });
    const [a, b] = await formGroups(c, [
      { members: [0, 1, 2], paperId: 'ddim' },
      { members: [3, 4, 5], paperId: 'ddrm' },
    ]);
    if (!a || !b) throw new Error('groups');
    await c.teacher.put(gradePath(c, a, 'report'), { ...waived, ...aspects(14, 14, 14) });
    await c.teacher.put(gradePath(c, a, 'presentation'), { ...waived, score: 15 });
    await c.teacher.put(gradePath(c, b, 'report'), { ...waived, ...aspects(12.5, 12.5, 12.5) });
    await c.teacher.put(gradePath(c, b, 'presentation'), { ...waived, score: 17 });
    await c.teacher.put(memberPath(c, a, c.students[1] as string), {
      componentId: 'report',
      override: 19.5,
      reason: 'Appeal',
    });
    for (let i = 0; i < 6; i++) {
      const me = await c.student(i).get(`/courses/${c.courseId}/me`);
      expect(me.status).toBe(200);
      expect(me.body.grades).toBeNull();
    }
    expect((await c.teacher.post(`/courses/${c.courseId}/grades/publish`)).status).toBe(200);
    const finals = await Promise.all(
      [0, 1, 3].map(async (i) => (await c.student(i).get(`/courses/${c.courseId}/me`)).body),
    );
    expect(finals.map((m) => m.grades.final)).toEqual([14.33, 18, 14]);
    // The grades part of /me holds the caller's own values only (a group mate's override is not there).
    expect(Object.keys(finals[0].grades).sort()).toEqual([
      'complete',
      'components',
      'feedback',
      'final',
      'finalText',
      'publishedAt',
      'scale',
    ]);
    expect(JSON.stringify(finals[0].grades)).not.toContain('19.5');
    expect(finals[1].grades.components.report).toBe(19.5);
    // A student still cannot read the listing after publication.
    expect((await c.student(0).get(`/courses/${c.courseId}/grades`)).status).toBe(403);
  });
});
