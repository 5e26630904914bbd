import { describe, expect, it } from 'vitest';
import { stackDeps } from '../support/stack-deps.js';
import { listGroups, listPaperSeats } from '../../shared/store/group-repo.js';
import { listStudents } from '../../shared/store/roster-repo.js';
import type { ApiResponse, Loose } from '../support/api.js';
import { createCourse, type CourseFixture } from '../support/course-fixture.js';

const deps = stackDeps();
const OPEN = '2023-03-01T10:00:00+01:00';
const PAPERS = ['flow-matching', 'analog-bits', 'variational-score-matching', 'ddrm', 'ddim'];

/**
 * A client that does what a 409 "try_again" says (a TransactionConflict: nothing was written), a
 * few times with jitter. Every other answer is final.
 */
const withTryAgain = async (send: () => Promise<ApiResponse<Loose>>): Promise<ApiResponse<Loose>> => {
  for (let attempt = 0; ; attempt++) {
    const res = await send();
    if (res.status !== 409 || res.body?.error?.code !== 'try_again' || attempt >= 8) return res;
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 100 * (attempt + 1)));
  }
};

/** The table agrees with itself: roster entries ↔ group members, seat counters ↔ groups per paper. */
const expectConsistent = async (c: CourseFixture) => {
  const [groups, students, seats] = await Promise.all([
    listGroups(deps, c.courseId),
    listStudents(deps, c.courseId),
    listPaperSeats(deps, c.courseId),
  ]);
  const memberOf = new Map(groups.flatMap((g) => g.members.map((m) => [m, g.groupId] as const)));
  expect(groups.flatMap((g) => g.members)).toHaveLength(memberOf.size); // no one in two groups
  for (const s of students) expect(s.groupId ?? null).toBe(memberOf.get(s.email) ?? null);
  const perPaper = new Map<string, number>();
  for (const g of groups) perPaper.set(g.paperId, (perPaper.get(g.paperId) ?? 0) + 1);
  for (const p of PAPERS) expect(seats.get(p) ?? 0, `seats of ${p}`).toBe(perPaper.get(p) ?? 0);
  // The instructor's view says the same.
  const view = await c.teacher.get(`/courses/${c.courseId}/groups`);
  expect(view.status).toBe(200);
  expect(view.body.groups).toHaveLength(groups.length);
  expect(view.body.unassigned).toHaveLength(students.filter((s) => !s.groupId).length);
  for (const p of view.body.papers as { id: string; groups: number }[])
    expect(p.groups).toBe(perPaper.get(p.id) ?? 0);
  return { groups, students, seats };
};

describe('groups under concurrency (through HTTP, checked in DynamoDB)', () => {
  it('20 concurrent groups claiming the same student: exactly one wins, the others get 409', async () => {
    const c = await createCourse({ students: 41 });
    const contested = c.students[0] ?? '';
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const caller = c.students[1 + 2 * i] ?? '';
        const partner = c.students[2 + 2 * i] ?? '';
        return withTryAgain(() =>
          c.api
            .as(caller)
            .at(OPEN)
            .post(`/courses/${c.courseId}/groups`, {
              members: [caller, partner, contested],
              paperId: PAPERS[i % PAPERS.length],
            }),
        );
      }),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.body.error.code).toMatch(/^(already_in_group|try_again)$/);
    expect(results.filter((r) => r.body?.error?.code === 'already_in_group').length).toBeGreaterThan(0);
    const { groups, students } = await expectConsistent(c);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.members).toContain(contested);
    expect(students.filter((s) => s.groupId)).toHaveLength(3);
  });

  it('20 concurrent groups for a paper capped at 2: exactly 2 get it, the others get 409 paper_full', async () => {
    const c = await createCourse({ students: 60, overrides: { groups: { maxGroupsPerPaper: 2 } } });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const trio = c.students.slice(3 * i, 3 * i + 3);
        return withTryAgain(() =>
          c.api
            .as(trio[0])
            .at(OPEN)
            .post(`/courses/${c.courseId}/groups`, { members: trio, paperId: 'ddim' }),
        );
      }),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(18);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.error.code).toBe('paper_full');
      expect(r.body.error.message).toContain('Denoising Diffusion Implicit Models');
    }
    const { groups, seats } = await expectConsistent(c);
    expect(groups).toHaveLength(2);
    expect(seats.get('ddim')).toBe(2);
  });

  it('concurrent paper moves to the last seat and adds of the same student keep every counter right', async () => {
    const c = await createCourse({ students: 40, overrides: { groups: { maxGroupsPerPaper: 1 } } });
    // Four groups on four papers; the fifth paper (ddim, cap 1) is free and all four race for it.
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      const trio = c.students.slice(3 * i, 3 * i + 3);
      const res = await c.api
        .as(trio[0])
        .at(OPEN)
        .post(`/courses/${c.courseId}/groups`, { members: trio, paperId: PAPERS[i] });
      expect(res.status).toBe(201);
      made.push(res.body.groupId);
    }
    const lone = c.students[39] ?? '';
    const results = await Promise.all([
      // Four groups race for the one free paper…
      ...made.map((groupId, i) =>
        withTryAgain(() =>
          c.api
            .as(c.students[3 * i])
            .at(OPEN)
            .patch(`/courses/${c.courseId}/groups/${groupId}`, { paperId: 'ddim' }),
        ),
      ),
      // …while four instructors' adds race for the same unassigned student.
      ...made.map((groupId) =>
        withTryAgain(() =>
          c.teacher.at(OPEN).patch(`/courses/${c.courseId}/groups/${groupId}`, { addMembers: [lone] }),
        ),
      ),
    ]);
    expect(results.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    const moves = results.slice(0, 4);
    const adds = results.slice(4);
    for (const r of results.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toMatch(/^(paper_full|already_in_group|stale_version)$/);
    }
    expect(moves.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    expect(adds.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    const { groups, seats } = await expectConsistent(c);
    expect(groups.filter((g) => g.paperId === 'ddim').length).toBe(seats.get('ddim') ?? 0);
    expect(seats.get('ddim') ?? 0).toBeLessThanOrEqual(1);
    expect(groups.filter((g) => g.members.includes(lone)).length).toBeLessThanOrEqual(1);
  });
});
