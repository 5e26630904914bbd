import { describe, expect, it } from 'vitest';
import type { Loose } from '../support/api.js';
import { createCourse } from '../support/course-fixture.js';
import { OPEN, emailsOf, expectCheap, formGroup } from './groups-support.js';

describe('GET /courses/{courseId}/groups (instructors)', () => {
  it('lists every group with members, paper and status, the students in no group and each paper’s load', async () => {
    const c = await createCourse({ students: 9, overrides: { groups: { maxGroupsPerPaper: 2 } } });
    const a = await formGroup(c, [0, 1, 2], 'ddim');
    const b = await formGroup(c, [3, 4, 5, 6], 'ddim');
    await c
      .student(6)
      .at(OPEN)
      .delete(
        `/courses/${c.courseId}/groups/${b.groupId}/members/${encodeURIComponent(c.students[6] ?? '')}`,
      );
    await c
      .student(5)
      .at(OPEN)
      .delete(
        `/courses/${c.courseId}/groups/${b.groupId}/members/${encodeURIComponent(c.students[5] ?? '')}`,
      );
    const res = await c.teacher.get(`/courses/${c.courseId}/groups`);
    expect(res.status).toBe(200);
    expectCheap(res);
    // Oldest first; both were formed at the same instant here, so compare as a set.
    const byId = new Map<string, Loose>(res.body.groups.map((g: Loose) => [g.groupId, g]));
    expect([...byId.keys()].sort()).toEqual([a.groupId, b.groupId].sort());
    const ga = byId.get(a.groupId);
    const gb = byId.get(b.groupId);
    expect(ga).toMatchObject({
      status: 'complete',
      paperId: 'ddim',
      paper: { id: 'ddim', title: 'Denoising Diffusion Implicit Models' },
      size: { members: 3, min: 3, max: 4 },
    });
    expect(ga.members[0]).toEqual({ email: c.students[0], name: 'Student 1' });
    expect(gb).toMatchObject({ status: 'incomplete', size: { members: 2 } });
    expect(res.body.unassigned).toEqual(
      [5, 6, 7, 8]
        .map((i) => ({ email: c.students[i], name: `Student ${i + 1}` }))
        .sort((x, y) => (x.email ?? '').localeCompare(y.email ?? '')),
    );
    const ddim = res.body.papers.find((p: { id: string }) => p.id === 'ddim');
    expect(ddim).toEqual({
      id: 'ddim',
      title: 'Denoising Diffusion Implicit Models',
      groups: 2,
      cap: 2,
      full: true,
    });
    expect(res.body.papers).toHaveLength(6);
    expect(res.body.counts).toEqual({ groups: 2, complete: 1, incomplete: 1, students: 9, unassigned: 4 });
    expect(res.body.deadline).toEqual({
      at: '2023-03-13T23:59:00+01:00',
      local: '2023-03-13T23:59',
      timeZone: 'Europe/Paris',
    });
    // Admins too; students never.
    expect((await c.admin.get(`/courses/${c.courseId}/groups`)).status).toBe(200);
    const student = await c.student(0).get(`/courses/${c.courseId}/groups`);
    expect(student.status).toBe(403);
  });

  it('answers an empty course with no groups and everyone unassigned', async () => {
    const c = await createCourse({ students: 3 });
    const res = await c.teacher.get(`/courses/${c.courseId}/groups`);
    expect(res.body.groups).toEqual([]);
    expect(res.body.unassigned).toHaveLength(3);
    expect(
      res.body.papers.every((p: { groups: number; cap: null }) => p.groups === 0 && p.cap === null),
    ).toBe(true);
  });
});

describe('GET /courses/{courseId}/groups/{groupId} and /me', () => {
  it('shows the group to its members and instructors with names, and 403 to other students', async () => {
    const c = await createCourse({ students: 4 });
    const g = await formGroup(c, [0, 1, 2], 'flow-matching');
    const path = `/courses/${c.courseId}/groups/${g.groupId}`;
    for (const who of [c.student(2), c.teacher, c.admin]) {
      const res = await who.get(path);
      expect(res.status).toBe(200);
      expectCheap(res);
      expect(res.body).toMatchObject({
        groupId: g.groupId,
        courseId: c.courseId,
        paperId: 'flow-matching',
        status: 'complete',
        version: g.version,
        invitations: [],
      });
      expect(res.body.members).toEqual(
        [0, 1, 2].map((i) => ({ email: c.students[i], name: `Student ${i + 1}` })),
      );
    }
    const outsider = await c.student(3).get(path);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toContain(c.students[3]);
  });

  it('shows the student’s group in /me (null when in none)', async () => {
    const c = await createCourse({ students: 4 });
    const none = await c.student(0).get(`/courses/${c.courseId}/me`);
    expect(none.body.group).toBeNull();
    const g = await formGroup(c, [0, 1, 2], 'ddrm');
    const me = await c.student(1).get(`/courses/${c.courseId}/me`);
    expect(me.status).toBe(200);
    expectCheap(me);
    expect(me.body.group).toMatchObject({
      groupId: g.groupId,
      paperId: 'ddrm',
      paper: { title: 'Denoising Diffusion Restoration Models' },
      status: 'complete',
    });
    expect(emailsOf(me.body.group)).toEqual(emailsOf(g));
    expect((await c.student(3).get(`/courses/${c.courseId}/me`)).body.group).toBeNull();
  });
});

describe('DynamoDB calls per group route', () => {
  it('keeps every group route at 3 calls or fewer, without Scan', async () => {
    const c = await createCourse({ students: 5 });
    const created = await c
      .student(0)
      .at(OPEN)
      .post(`/courses/${c.courseId}/groups`, { members: c.students.slice(0, 3), paperId: 'ddim' });
    expect(created.status).toBe(201);
    const path = `/courses/${c.courseId}/groups/${created.body.groupId}`;
    const accepted = await c.student(1).at(OPEN).post(`${path}/accept`);
    const answers = [
      created,
      accepted,
      await c.student(2).at(OPEN).get(`/courses/${c.courseId}/me`),
      await c
        .student(2)
        .at(OPEN)
        .delete(`${path}/invitations/${encodeURIComponent(c.students[2] ?? '')}`),
      await c.teacher.get(`/courses/${c.courseId}/groups`),
      await c.student(1).get(path),
      await c
        .student(1)
        .at(OPEN)
        .patch(path, { paperId: 'ddrm', addMembers: [c.students[3]] }),
      await c.student(3).at(OPEN).post(`${path}/accept`),
      await c.teacher.at(OPEN).patch(path, { paperId: 'ddim', reason: 'fixing' }),
      await c
        .student(3)
        .at(OPEN)
        .delete(`${path}/members/${encodeURIComponent(c.students[3] ?? '')}`),
    ];
    for (const res of answers) {
      expect(res.status, res.text).toBeLessThan(300);
      expectCheap(res);
    }
  });
});
