import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import type { Loose } from '../support/api.js';
import { createCourse } from '../support/course-fixture.js';
import { anonymousLabel } from '../../shared/domain/marking-rules.js';
import { aspects, formGroups, gradePath, waived } from '../support/grade-fixture.js';

const calls = (r: { headers: Headers }) => Number(r.headers.get('x-examdesk-ddb-calls'));

describe('markers: assignment, queue, second marking, anonymity', () => {
  it('enforces each rule with its refusal, and agrees exact finals', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const [lead, g1, g2, g3] = ['lead', 'g1', 'g2', 'g3'].map((n) => `${n}-${tag}@uni.example`) as [
      string,
      string,
      string,
      string,
    ];
    const c = await createCourse({
      students: 6,
      overrides: {
        instructors: [lead, g1, g2, g3],
        grading: {
          ...demoCourse.grading,
          markers: { lead, secondMarking: { components: ['report'], threshold: 2 }, anonymous: ['report'] },
        },
      },
    });
    const [A, B] = await formGroups(c, [
      { members: [0, 1, 2], paperId: 'ddim' },
      { members: [3, 4, 5], paperId: 'ddrm' },
    ]);
    if (!A || !B) throw new Error('groups');
    const as = (email: string) => c.api.as(email);
    const base = `/courses/${c.courseId}/marking`;
    const marks = (g: string) => `${base}/groups/${g}/marks/report`;
    // Graders kept anonymous address the anonymous report by label (anonymous-marking.test.ts).
    const byLabel = (g: string) => marks(anonymousLabel(c.courseId, g));

    // Assignment: the lead only; graders must be instructors; two graders for a second-marked component.
    const assignments = [
      { groupId: A, componentId: 'report', graders: [g1, g2] },
      { groupId: B, componentId: 'report', graders: [g1, g2] },
      { groupId: A, componentId: 'presentation', graders: [g3] },
    ];
    // Before any assignment, every instructor but the lead may mark the anonymous report: each is
    // kept anonymous and refused by the routes that do not hide groups (anonymous-marking.test.ts).
    const notLead = await as(g1).put(`${base}/assignments`, { assignments });
    expect([notLead.status, notLead.body.error?.code]).toEqual([403, 'anonymous_marking']);
    const bad = await as(lead).put(`${base}/assignments`, {
      assignments: [
        { groupId: A, componentId: 'presentation', graders: [c.students[0]] },
        { groupId: B, componentId: 'report', graders: [g1] },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: Loose) => i.path)).toEqual([
      'body.assignments.0.graders.0',
      'body.assignments.1.graders',
    ]);
    const assigned = await as(lead).put(`${base}/assignments`, { assignments });
    expect(assigned.status).toBe(200);
    expect(calls(assigned)).toBe(2);

    // Grade entry: only the assigned grader (or the lead); a second-marked grade only by agreement.
    const stranger = await as(g1).put(gradePath(c, A, 'presentation'), { ...waived, score: 15 });
    expect([stranger.status, stranger.body.error?.code]).toEqual([403, 'not_assigned']);
    expect((await as(g3).put(gradePath(c, A, 'presentation'), { ...waived, score: 15 })).status).toBe(200);
    const direct = await as(lead).put(gradePath(c, A, 'report'), { ...waived, ...aspects(14, 14, 14) });
    expect([direct.status, direct.body.error?.code]).toEqual([403, 'second_marking']);

    // Queue of a grader: anonymous report items, a label, no names or emails.
    const q1 = await as(g1).get(`${base}/queue`);
    expect(q1.status).toBe(200);
    // One BatchGet, one more for the anonymity rule (the anonymous report's assignments: a non-lead
    // instructor of a course with anonymous components), then four Queries in parallel.
    expect(calls(q1)).toBe(6);
    expect(q1.body).toMatchObject({ role: 'grader', progress: { assigned: 2, done: 0 }, graders: null });
    expect(q1.body.items.map((i: Loose) => [i.groupId, i.anonymous, i.members])).toEqual([
      [null, true, null],
      [null, true, null],
    ]);
    expect(q1.body.items.map((i: Loose) => i.label).sort()).toEqual(
      [A, B].map((g) => anonymousLabel(c.courseId, g)).sort(),
    );
    expect(q1.body.items[0].label).toMatch(/^S-[0-9A-F]{8}$/);
    for (const s of c.students) expect(q1.text).not.toContain(s);
    expect(q1.text).not.toContain('Student 1');

    // Independent marks: assigned graders only; the other's mark only once yours is in; no third mark.
    const g3Mark = await as(g3).put(marks(A), { ...waived, ...aspects(10, 10, 10) });
    expect([g3Mark.status, g3Mark.body.error?.code]).toEqual([403, 'not_assigned']);
    const early = await as(g1).get(byLabel(A));
    expect([early.status, early.body.error?.code]).toEqual([403, 'mark_first']);
    const m1 = await as(g1).put(byLabel(A), { ...waived, ...aspects(14, 15, 14), comment: 'clear' });
    expect(m1.status).toBe(200);
    expect(m1.body).toMatchObject({ flagged: null, members: null, anonymous: true, groupId: null });
    expect(m1.body.marks.map((m: Loose) => [m.grader, m.exact])).toEqual([[g1, '43/3']]);
    const peek = await as(g2).get(byLabel(A));
    expect([peek.status, peek.body.error?.code]).toEqual([403, 'mark_first']);
    const m2 = await as(g2).put(byLabel(A), { ...waived, ...aspects(12.5, 13, 12) });
    expect(m2.body).toMatchObject({ difference: '11/6', flagged: false });
    expect(m2.body.marks.map((m: Loose) => m.grader)).toEqual([g1, g2]);
    const sealed = await as(g1).put(byLabel(A), { ...waived, ...aspects(13, 13, 13) });
    expect([sealed.status, sealed.body.error?.code]).toEqual([409, 'marks_sealed']);
    // The audit log, which every instructor not kept anonymous reads, does not carry a mark's value
    // before agreement (g3 marks only the presentation, which is not anonymous).
    const log = await as(g3).get(`/courses/${c.courseId}/audit`);
    const markEntries = log.body.items.filter((i: Loose) => i.action === 'marking.mark');
    expect(markEntries).toHaveLength(2);
    expect(markEntries.map((e: Loose) => Object.keys(e.after).sort())).toEqual([
      ['grader', 'marksIn', 'value'],
      ['grader', 'marksIn', 'value'],
    ]);
    expect(JSON.stringify(markEntries)).not.toContain('aspects');

    // Agreement: the lead only; the mean within the threshold is exact: (43/3 + 25/2) / 2 = 161/12.
    const notLeadAgree = await as(g1).post(`${byLabel(A)}/agree`, { accept: 'mean' });
    expect([notLeadAgree.status, notLeadAgree.body.error?.code]).toEqual([403, 'not_lead']);
    const agreed = await as(lead).post(`${marks(A)}/agree`, { accept: 'mean' });
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ exact: '161/12', value: 13.42, version: 1 });
    expect(agreed.body.aspects).toEqual({ theoretical: 13.25, methodological: 14, experimental: 13 });
    const lateMark = await as(g2).put(byLabel(A), { ...waived, ...aspects(1, 1, 1) });
    expect([lateMark.status, lateMark.body.error?.code]).toEqual([409, 'already_agreed']);

    // Group B disagrees (18 against 10): flagged; the mean is refused, a mark needs a reason.
    await as(g1).put(byLabel(B), { ...waived, ...aspects(18, 18, 18) });
    expect((await as(g2).put(byLabel(B), { ...waived, ...aspects(10, 10, 10) })).body.flagged).toBe(true);
    // After a reassignment, a third grader's mark is refused.
    await as(lead).put(`${base}/assignments`, {
      assignments: [{ groupId: B, componentId: 'report', graders: [g1, g3] }],
    });
    const third = await as(g3).put(byLabel(B), { ...waived, ...aspects(14, 14, 14) });
    expect([third.status, third.body.error?.code]).toEqual([409, 'third_mark']);
    const leadView = await as(lead).get(marks(B));
    expect(leadView.body).toMatchObject({ difference: '8', flagged: true, anonymous: false });
    expect(leadView.body.members.map((m: Loose) => m.name)).toEqual(['Student 4', 'Student 5', 'Student 6']);
    const mean = await as(lead).post(`${marks(B)}/agree`, { accept: 'mean' });
    expect([mean.status, mean.body.error?.code]).toEqual([409, 'mean_over_threshold']);
    const noReason = await as(lead).post(`${marks(B)}/agree`, { accept: g2 });
    expect([noReason.status, noReason.body.error?.issues?.[0]?.path]).toEqual([400, 'body.reason']);
    const chosen = await as(lead).post(`${marks(B)}/agree`, {
      accept: g2,
      reason: 'Second reading is right',
    });
    expect(chosen.body).toMatchObject({ exact: '10', version: 1 });
    const audit = (await as(lead).get(`/courses/${c.courseId}/audit`)).body.items.find(
      (i: Loose) => i.action === 'marking.agree' && i.target === `${B}/report`,
    );
    expect(audit).toMatchObject({
      actor: lead,
      reason: 'Second reading is right',
      after: { rule: `mark of ${g2}`, difference: '8', flagged: true, threshold: 2 },
    });
    expect(audit.after.marks.map((m: Loose) => [m.grader, m.value])).toEqual([
      [g1, '18'],
      [g2, '10'],
    ]);

    // The lead's queue: every grader's progress, names shown; grades keep their exact fractions.
    const lq = await as(lead).get(`${base}/queue`);
    expect(lq.body).toMatchObject({ role: 'lead', toAgree: 0, progress: { assigned: 3, done: 3 } });
    expect(lq.body.graders).toEqual([
      { email: g1, assigned: 2, done: 2 },
      { email: g2, assigned: 1, done: 1 },
      { email: g3, assigned: 2, done: 2 },
    ]);
    expect(lq.body.items.every((i: Loose) => i.members !== null)).toBe(true);
    const rows = (await as(lead).get(`/courses/${c.courseId}/grades`)).body as Loose[];
    const s0 = rows.find((r) => r.email === c.students[0]);
    // 2/3 · 161/12 + 1/3 · 15 = 161/18 + 5 = 251/18 ≈ 13.94.
    expect(s0.exact).toMatchObject({ components: { report: '161/12', presentation: '15' } });
    expect(s0.final).toBe(13.94);

    // After publication the grader sees names.
    expect((await as(lead).post(`/courses/${c.courseId}/grades/publish`, {})).status).toBe(200);
    const after = await as(g1).get(`${base}/queue`);
    const shown = after.body.items.find((i: Loose) => i.groupId === A);
    expect(shown).toMatchObject({ anonymous: false });
    expect(shown.members.map((m: Loose) => m.email)).toEqual(c.students.slice(0, 3));
  });
});
