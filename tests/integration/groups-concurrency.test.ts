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
  for (const g of groups) if (g.paperId) perPaper.set(g.paperId, (perPaper.get(g.paperId) ?? 0) + 1);
  // Invitations are recorded on both sides; a student in a group has none left open.
  for (const s of students) {
    if (s.groupId) expect(s.invitedTo ?? [], `${s.email} is grouped`).toEqual([]);
    for (const g of s.invitedTo ?? [])
      expect(
        groups.find((x) => x.groupId === g)?.invited ?? [s.email],
        `${s.email} invited to ${g}`,
      ).toContain(s.email);
  }
  for (const g of groups)
    for (const e of g.invited) expect(memberOf.has(e), `${e} invited and grouped`).toBe(false);
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
  it('a student invited by 20 groups accepts all 20 at once: exactly one wins, the other 19 are withdrawn', async () => {
    const c = await createCourse({ students: 41 });
    const contested = c.students[0] ?? '';
    // 20 groups of two invite the same classmate (one after the other: the race under test is the accepting).
    const made: string[] = [];
    for (let i = 0; i < 20; i++) {
      const caller = c.students[1 + 2 * i] ?? '';
      const partner = c.students[2 + 2 * i] ?? '';
      const res = await c.api
        .as(caller)
        .at(OPEN)
        .post(`/courses/${c.courseId}/groups`, { members: [caller, partner, contested] });
      expect(res.status, res.text).toBe(201);
      made.push(res.body.groupId as string);
    }
    const me = await c.student(0).at(OPEN).get(`/courses/${c.courseId}/me`);
    expect(me.body.invitations).toHaveLength(20);
    const results = await Promise.all(
      made.map((groupId) =>
        withTryAgain(() => c.student(0).at(OPEN).post(`/courses/${c.courseId}/groups/${groupId}/accept`)),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // The losers see the student in a group already, or their invitation gone with the winner's accept.
    for (const r of results.filter((x) => x.status !== 200)) {
      expect([404, 409]).toContain(r.status);
      if (r.status === 409) expect(r.body.error.code).toMatch(/^(already_in_group|group_full|try_again)$/);
    }
    const { groups, students } = await expectConsistent(c);
    const joined = groups.filter((g) => g.members.includes(contested));
    expect(joined).toHaveLength(1);
    // Accepting one withdrew the other 19: no group still waits for them.
    expect(groups.filter((g) => g.invited.includes(contested))).toHaveLength(0);
    expect(students.find((s) => s.email === contested)?.invitedTo ?? []).toEqual([]);
    const after = await c.student(0).at(OPEN).get(`/courses/${c.courseId}/me`);
    expect(after.body.invitations).toEqual([]);
    expect(after.body.group.groupId).toBe(joined[0]?.groupId);
  });

  it('10 invitees accept a group with 3 places at once: exactly 3 join, the others get 409 group_full', async () => {
    const c = await createCourse({ students: 12 });
    const [creator = '', ...rest] = c.students;
    const invitees = rest.slice(0, 10);
    const made = await c
      .student(0)
      .at(OPEN)
      .post(`/courses/${c.courseId}/groups`, { members: [creator] });
    expect(made.status, made.text).toBe(201);
    const groupId = made.body.groupId as string;
    const invited = await c
      .student(0)
      .at(OPEN)
      .patch(`/courses/${c.courseId}/groups/${groupId}`, { addMembers: invitees });
    expect(invited.status, invited.text).toBe(200);
    expect(invited.body.invitations).toHaveLength(10);
    const results = await Promise.all(
      invitees.map((e) =>
        withTryAgain(() => c.api.as(e).at(OPEN).post(`/courses/${c.courseId}/groups/${groupId}/accept`)),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    for (const r of results.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('group_full');
    }
    const { groups } = await expectConsistent(c);
    expect(groups[0]?.members).toHaveLength(4);
    // The seven who did not get in are still invited (the group could free a place) but cannot join while full.
    expect(groups[0]?.invited).toHaveLength(7);
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
