import { beforeAll, describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import type { CourseConfigInput } from '../../shared/domain/course-config.js';
import { Api, type Loose } from '../support/api.js';
import { createCourse, liveDates, type CourseFixture } from '../support/course-fixture.js';
import { mailFor, waitForMail } from '../support/mailbox.js';

/**
 * A ranked-preferences course in 2047 (jobs act on every course due in their window, so this file
 * keeps a year of its own): groups close on 13 March 2047 at 23:59 Paris time (22:59Z).
 */
const YEAR = 2047;
const BEFORE = `${YEAR}-03-05T10:00:00+01:00`;
const AFTER = `${YEAR}-03-14T09:00:00+01:00`;
const JOB_AT = `${YEAR}-03-13T23:15:00Z`;

const inYear = (): Omit<CourseConfigInput, 'instructors'> => {
  const { instructors: _shared, ...config } = demoCourse;
  return JSON.parse(JSON.stringify(config).replaceAll('"2023-', `"${YEAR}-`)) as Omit<
    CourseConfigInput,
    'instructors'
  >;
};

describe('ranked paper preferences', () => {
  let c: CourseFixture;
  /** K keeps the paper it has (ddim); A, B, C, D have none. */
  const g: Record<'K' | 'A' | 'B' | 'C' | 'D', string> = { K: '', A: '', B: '', C: '', D: '' };
  const prefs = (groupId: string) => `/courses/${c.courseId}/groups/${groupId}/preferences`;

  beforeAll(async () => {
    const config = inYear();
    c = await createCourse({
      students: 16,
      prefix: 'ranked',
      overrides: { ...config, groups: { ...config.groups, paperChoice: 'ranked', maxGroupsPerPaper: 1 } },
    });
    const teacher = c.teacher.at(BEFORE);
    const names = ['K', 'A', 'B', 'C', 'D'] as const;
    for (const [i, name] of names.entries()) {
      const made = await teacher.post(`/courses/${c.courseId}/groups`, {
        members: c.students.slice(3 * i, 3 * i + 3),
        ...(name === 'K' ? { paperId: 'ddim' } : {}),
      });
      expect(made.status, made.text).toBe(201);
      g[name] = made.body.groupId;
    }
  });

  it('refuses bad rankings, strangers and first-come courses, naming the field or the rule', async () => {
    const a = c.student(3).at(BEFORE);
    const unknown = await a.put(prefs(g.A), { ranking: ['ddim', 'no-such-paper'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues).toEqual([
      { path: 'body.ranking[1]', message: 'no paper "no-such-paper" in this course' },
    ]);
    const twice = await a.put(prefs(g.A), { ranking: ['ddim', 'ddrm', 'ddim'] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.issues[0].path).toBe('body.ranking[2]');
    const shape = await a.put(prefs(g.A), { ranking: 'ddim' });
    expect(shape.status).toBe(400);
    expect(shape.body.error.issues[0].path).toBe('body.ranking');
    // A student of another group may neither rank nor read this group's ranking.
    const stranger = c.student(6).at(BEFORE);
    expect((await stranger.put(prefs(g.A), { ranking: ['ddim'] })).body.error.code).toBe('not_a_member');
    expect((await stranger.get(prefs(g.A))).status).toBe(403);
    // Nothing was stored by the refused requests.
    expect((await a.get(prefs(g.A))).body).toMatchObject({ ranking: [], updatedAt: null, used: true });

    const firstCome = await createCourse({ students: 3, prefix: 'fcfs', overrides: liveDates() });
    const made = await firstCome.teacher.post(`/courses/${firstCome.courseId}/groups`, {
      members: firstCome.students,
    });
    expect(made.status, made.text).toBe(201);
    const refused = await firstCome
      .student(0)
      .put(`/courses/${firstCome.courseId}/groups/${made.body.groupId}/preferences`, { ranking: ['ddim'] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('not_ranked');
  });

  it('allocates at the deadline by the rankings, reports it, and lets instructors adjust afterwards', async () => {
    const rank = async (student: number, groupId: string, ranking: string[]) => {
      const res = await c.student(student).at(BEFORE).put(prefs(groupId), { ranking });
      expect(res.status, res.text).toBe(200);
      expect(res.headers.get('x-examdesk-ddb-calls')).toBe('2');
      return res.body;
    };
    // A wants ddim, which K keeps: it gets its 2nd choice. B and C both want flow-matching first.
    await rank(3, g.A, ['ddim', 'ddrm']);
    await rank(6, g.B, ['flow-matching', 'analog-bits']);
    await rank(9, g.C, ['analog-bits', 'ddrm']);
    // Any member may rewrite the whole ranking; the last one counts.
    const last = await rank(10, g.C, ['flow-matching', 'analog-bits']);
    expect(last).toMatchObject({
      groupId: g.C,
      ranking: [
        { rank: 1, paperId: 'flow-matching', title: expect.any(String) },
        { rank: 2, paperId: 'analog-bits', title: expect.any(String) },
      ],
      updatedBy: c.students[10],
      paperId: null,
      used: true,
    });
    const read = await c.student(11).at(BEFORE).get(prefs(g.C));
    expect(read.body.ranking).toHaveLength(2);
    expect(read.headers.get('x-examdesk-ddb-calls')).toBe('1');
    expect((await c.teacher.at(BEFORE).get(prefs(g.K))).body).toMatchObject({ paperId: 'ddim', used: false });

    // Students may not see the allocation; instructors preview it.
    expect((await c.student(3).at(BEFORE).get(`/courses/${c.courseId}/allocation`)).status).toBe(403);
    const preview = await c.teacher.at(BEFORE).get(`/courses/${c.courseId}/allocation`);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.headers.get('x-examdesk-ddb-calls')).toBe('3');
    const expectedReport = {
      waiting: 4,
      kept: 1,
      ranked: 3,
      byRank: [
        { rank: 1, groups: 1 },
        { rank: 2, groups: 2 },
      ],
      onUnranked: 1,
      unplaced: 0,
    };
    expect(preview.body).toMatchObject({
      state: 'preview',
      mode: 'ranked',
      seed: c.courseId,
      report: expectedReport,
    });
    const byGroup = (body: { groups: Loose[] }) => Object.fromEntries(body.groups.map((x) => [x.groupId, x]));
    const planned = byGroup(preview.body);
    expect(planned[g.A]).toMatchObject({ paperId: 'ddrm', rank: 2, placedBy: 'ranked' });
    // The tie on flow-matching goes to the group first in the published order.
    const [first, second] = [planned[g.B]!, planned[g.C]!].sort((x, y) => x.priority - y.priority);
    expect(first).toMatchObject({ paperId: 'flow-matching', rank: 1 });
    expect(second).toMatchObject({ paperId: 'analog-bits', rank: 2 });
    // D ranked nothing: the first paper with seats left, in course order.
    expect(planned[g.D]).toMatchObject({
      paperId: 'variational-score-matching',
      rank: null,
      placedBy: 'seats-left',
    });
    expect(planned[g.D]!.members).toEqual(c.students.slice(12, 15));

    const run = await new Api().request('POST', '/_local/run/enforce-deadlines', undefined, {
      'x-examdesk-now': JOB_AT,
    });
    expect(run.status, run.text).toBe(200);
    const done = await c.teacher.at(AFTER).get(`/courses/${c.courseId}/allocation`);
    expect(done.body).toMatchObject({ state: 'done', report: expectedReport });
    expect(done.headers.get('x-examdesk-ddb-calls')).toBe('2');
    expect(byGroup(done.body)).toEqual(planned);
    for (const [name, paperId] of [
      ['A', 'ddrm'],
      ['D', 'variational-score-matching'],
      ['K', 'ddim'],
    ] as const)
      expect((await c.teacher.at(AFTER).get(`/courses/${c.courseId}/groups/${g[name]}`)).body.paperId).toBe(
        paperId,
      );
    expect(
      (
        await c
          .student(3)
          .at(AFTER)
          .put(prefs(g.A), { ranking: ['ddrm'] })
      ).body.error.code,
    ).toBe('deadline_passed');

    const summary = await waitForMail(c.instructor, (m) => m.subject.includes('Groups closed'));
    expect(summary[0]?.body.text).toContain('1st choice: 1');
    expect(summary[0]?.body.text).toContain('2nd choice: 2');
    expect(summary[0]?.body.text).toContain('on a paper with seats left they did not rank: 1');
    const told = await waitForMail(c.students[3]!, (m) => m.subject.includes('given a paper'));
    expect(told[0]?.body.text).toContain('its 2nd choice');

    // Instructors adjust afterwards with the group PATCH: a reason is required, and it is audited.
    const patch = `/courses/${c.courseId}/groups/${g.D}`;
    const noReason = await c.teacher.at(AFTER).patch(patch, { paperId: 'schrodinger-bridge-likelihood' });
    expect(noReason.body.error.code).toBe('reason_required');
    const moved = await c.teacher
      .at(AFTER)
      .patch(patch, { paperId: 'schrodinger-bridge-likelihood', reason: 'Asked to swap by the group' });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.paperId).toBe('schrodinger-bridge-likelihood');
    const audit = await c.teacher.at(AFTER).get(`/courses/${c.courseId}/audit`);
    const entries = audit.body.items as { action: string; actor: string; target: string }[];
    expect(
      entries.filter((e) => e.action === 'group.allocate' && e.actor === 'scheduler@examdesk'),
    ).toHaveLength(4);
    expect(entries.find((e) => e.action === 'group.update' && e.target === g.D)).toMatchObject({
      actor: c.instructor,
    });
    // The stored allocation is what the job did, not what the instructor changed since.
    expect(
      byGroup((await c.teacher.at(AFTER).get(`/courses/${c.courseId}/allocation`)).body)[g.D],
    ).toMatchObject({ paperId: 'variational-score-matching' });
    expect((await mailFor(c.instructor)).filter((m) => m.subject.includes('Groups closed'))).toHaveLength(1);
  });
});
