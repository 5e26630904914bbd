import { describe, expect, it } from 'vitest';
import { Api } from '../support/api.js';
import { createCourse } from '../support/course-fixture.js';
import { OPEN, ddbCalls, expectCheap, formGroup } from './groups-support.js';

describe('GET /courses/{courseId}/papers (any course member)', () => {
  it('gives students and instructors each paper’s load and seats left, never which groups took it', async () => {
    const c = await createCourse({ students: 9, overrides: { groups: { maxGroupsPerPaper: 2 } } });
    const a = await formGroup(c, [0, 1, 2], 'ddim');
    const b = await formGroup(c, [3, 4, 5], 'ddim');
    await formGroup(c, [6, 7, 8], 'ddrm');

    // A student in no group asks too: the papers are what they choose from.
    const student = await c.student(0).at(OPEN).get(`/courses/${c.courseId}/papers`);
    expect(student.status, student.text).toBe(200);
    expectCheap(student);
    // The access read and the Query of the groups.
    expect(ddbCalls(student)).toBe(2);
    const byId = new Map(student.body.papers.map((p: { id: string }) => [p.id, p]));
    expect(byId.get('ddim')).toEqual({
      id: 'ddim',
      title: 'Denoising Diffusion Implicit Models',
      groups: 2,
      cap: 2,
      seatsLeft: 0,
      full: true,
    });
    expect(byId.get('ddrm')).toMatchObject({ groups: 1, cap: 2, seatsLeft: 1, full: false });
    expect(byId.get('flow-matching')).toMatchObject({ groups: 0, seatsLeft: 2, full: false });
    // Course order, every paper.
    expect(student.body.papers.map((p: { id: string }) => p.id)).toEqual([
      'flow-matching',
      'analog-bits',
      'variational-score-matching',
      'ddrm',
      'ddim',
      'schrodinger-bridge-likelihood',
    ]);
    // Counts only: no group id, no member appears anywhere in the answer.
    for (const secret of [a.groupId, b.groupId, ...c.students]) expect(student.text).not.toContain(secret);

    const teacher = await c.teacher.get(`/courses/${c.courseId}/papers`);
    expect(teacher.status).toBe(200);
    expect(teacher.body).toEqual(student.body);
    expect((await c.admin.get(`/courses/${c.courseId}/papers`)).status).toBe(200);
  });

  it('says seats are unlimited (null) when the course sets no cap', async () => {
    const c = await createCourse({ students: 3 });
    await formGroup(c, [0, 1, 2], 'flow-matching');
    const res = await c.student(1).get(`/courses/${c.courseId}/papers`);
    expect(res.status).toBe(200);
    expect(res.body.papers[0]).toEqual({
      id: 'flow-matching',
      title: 'Flow Matching for Generative Modeling',
      groups: 1,
      cap: null,
      seatsLeft: null,
      full: false,
    });
  });

  it('refuses a stranger (403), an unknown course (404) and a caller without a token (401)', async () => {
    const c = await createCourse({ students: 3 });
    const api = new Api();
    const stranger = await api.as('stranger@elsewhere.example').get(`/courses/${c.courseId}/papers`);
    expect(stranger.status).toBe(403);
    expect(stranger.text).not.toContain('ddim');
    const unknown = await c.student(0).get('/courses/no-such-course-x9/papers');
    expect(unknown.status).toBe(404);
    expect((await api.as(undefined).get(`/courses/${c.courseId}/papers`)).status).toBe(401);
  });
});
