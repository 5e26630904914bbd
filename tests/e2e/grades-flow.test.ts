import { describe, expect, it } from 'vitest';
import type { Loose } from '../support/api.js';
import { createCourse } from '../support/course-fixture.js';
import { aspects, formGroups, gradePath, memberPath, waived } from '../support/grade-fixture.js';
import { mailFor, waitForMail } from '../support/mailbox.js';

const byEmail = (rows: Loose[]) => new Map(rows.map((r: Loose) => [r.email as string, r]));

describe('grading a course end to end', () => {
  it('enters, adjusts, lists, publishes, shows in /me, mails, and re-mails after a change', async () => {
    const c = await createCourse({ students: 8 });
    const [a, b] = await formGroups(c, [
      { members: [0, 1, 2], paperId: 'ddim' },
      { members: [3, 4, 5], paperId: 'flow-matching' },
    ]);
    if (!a || !b) throw new Error('groups');
    const s = (i: number) => c.students[i] as string;

    const sheet = await c.teacher.get(`/courses/${c.courseId}/groups/${a}/grades`);
    expect(sheet.status).toBe(200);
    expect(Number(sheet.headers.get('x-examdesk-ddb-calls'))).toBeLessThanOrEqual(3);
    expect(sheet.body.components.map((x: Loose) => [x.componentId, x.grade])).toEqual([
      ['report', null],
      ['presentation', null],
    ]);

    // G1 = 14 (three aspects of 14), G2 = 15 → 14.33.
    const g1 = await c.teacher.put(gradePath(c, a, 'report'), {
      ...waived,
      ...aspects(14, 14, 14),
      comment: 'Solid',
    });
    expect(g1.status).toBe(200);
    expect(g1.body).toMatchObject({ value: 14, exact: '14', version: 1, comment: 'Solid' });
    expect(g1.headers.get('x-examdesk-ddb-calls')).toBe('2');
    expect(
      (await c.teacher.put(gradePath(c, a, 'presentation'), { ...waived, score: 15 })).body.version,
    ).toBe(1);
    // Group B: G1 = 12.5, no G2 yet → final empty with the reason.
    expect(
      (await c.teacher.put(gradePath(c, b, 'report'), { ...waived, ...aspects(12.5, 12.5, 12.5) })).status,
    ).toBe(200);

    let list = await c.teacher.get(`/courses/${c.courseId}/grades`);
    expect(list.status).toBe(200);
    expect(Number(list.headers.get('x-examdesk-ddb-calls'))).toBeLessThanOrEqual(3);
    expect(list.headers.get('x-examdesk-grades-published')).toBe('no');
    expect(list.body).toHaveLength(8);
    let rows = byEmail(list.body);
    expect(rows.get(s(0))).toMatchObject({
      name: 'Student 1',
      studentId: '1000',
      groupId: a,
      paperId: 'ddim',
      components: { report: 14, presentation: 15 },
      final: 14.33,
      finalText: '14.33',
      exact: { final: '43/3' },
    });
    expect(rows.get(s(3))).toMatchObject({ final: null, components: { report: 12.5, presentation: null } });
    expect(rows.get(s(3)).finalReason).toContain('Presentation (G2)');
    expect(rows.get(s(6))).toMatchObject({
      groupId: null,
      paperId: null,
      final: null,
      finalReason: 'not in a group',
    });

    // G2 = 17 for B → 14.00.
    expect((await c.teacher.put(gradePath(c, b, 'presentation'), { ...waived, score: 17 })).status).toBe(200);

    // Member changes: +3 on s1's presentation (clamped), override of s2's report.
    const adj = await c.teacher.put(memberPath(c, a, s(1)), {
      componentId: 'presentation',
      adjustment: 3,
      reason: 'Led the demo',
    });
    expect(adj.status).toBe(200);
    expect(adj.body).toMatchObject({
      change: { kind: 'adjustment', value: 3, reason: 'Led the demo', version: 1 },
      components: { presentation: 18 },
      final: 15.33,
    });
    const over = await c.teacher.put(memberPath(c, a, s(2)), {
      componentId: 'report',
      override: 20,
      reason: 'Regraded after appeal',
    });
    expect(over.body).toMatchObject({ components: { report: 20 }, final: 18.33 });

    list = await c.teacher.get(`/courses/${c.courseId}/grades`);
    rows = byEmail(list.body);
    expect(rows.get(s(3))).toMatchObject({ final: 14, finalText: '14.00' });
    expect(rows.get(s(1)).changes.presentation).toMatchObject({ kind: 'adjustment', value: 3 });

    // Nothing in /me, and no mail, before publication.
    expect((await c.student(0).get(`/courses/${c.courseId}/me`)).body.grades).toBeNull();
    expect(await mailFor(s(0))).toSatisfy((m: Loose[]) => m.every((x) => !x.subject.includes('grades')));

    const pub = await c.teacher.post(`/courses/${c.courseId}/grades/publish`);
    expect(pub.status).toBe(200);
    // Six complete grades are mailed; the two students without a group are listed as incomplete.
    expect(pub.body).toMatchObject({ alreadyPublished: false, emailed: 6, failed: [], scope: 'all' });
    expect(pub.body.incomplete.map((x: Loose) => [x.email, x.reason, x.shown])).toEqual([
      [s(6), 'not in a group', true],
      [s(7), 'not in a group', true],
    ]);
    // One Query (config … groups), then the write, the roster and the member changes in parallel.
    expect(pub.headers.get('x-examdesk-ddb-ops')?.split(',').sort()).toEqual([
      'Query',
      'Query',
      'Query',
      'TransactWriteItems',
    ]);

    const me0 = await c.student(0).get(`/courses/${c.courseId}/me`);
    expect(me0.body.grades).toMatchObject({
      components: { report: 14, presentation: 15 },
      final: 14.33,
      finalText: '14.33',
      complete: true,
      scale: 20,
      publishedAt: pub.body.publishedAt,
    });
    // The grader's aspect scores and comment reach the student.
    expect(me0.body.grades.feedback[0]).toMatchObject({
      componentId: 'report',
      value: 14,
      comment: 'Solid',
      aspects: [
        { aspectId: 'theoretical', title: 'Theoretical', score: 14 },
        { aspectId: 'methodological', score: 14 },
        { aspectId: 'experimental', score: 14 },
      ],
    });
    expect((await c.student(1).get(`/courses/${c.courseId}/me`)).body.grades.final).toBe(15.33);
    expect((await c.student(6).get(`/courses/${c.courseId}/me`)).body.grades).toMatchObject({
      final: null,
      finalReason: 'not in a group',
    });

    const mail0 = await waitForMail(s(0), (m) => m.subject.includes('Your grades'));
    expect(mail0).toHaveLength(1);
    expect(mail0[0]?.body.text).toContain('Final grade: 14.33 / 20');
    expect(mail0[0]?.body.text).toContain('  - Theoretical: 14 / 20');
    expect(mail0[0]?.body.text).toContain('  Comment: Solid');
    expect(mail0[0]?.body.text).not.toContain('15.33');
    expect(mail0[0]?.body.text).not.toContain('/courses/');
    // No group, no complete grade: shown in /me with the reason, never mailed "not available".
    expect((await mailFor(s(6))).filter((m) => m.subject.includes('Your grades'))).toEqual([]);

    // A change after publication: G2 of A 15 → 16 at version 1; A's members are mailed again.
    const change = await c.teacher.put(gradePath(c, a, 'presentation'), { ...waived, score: 16, version: 1 });
    expect(change.status).toBe(200);
    expect(change.body.version).toBe(2);
    expect(Number(change.headers.get('x-examdesk-ddb-calls'))).toBeLessThanOrEqual(3);
    const updated = await waitForMail(s(0), (m) => m.subject.includes('updated'));
    expect(updated[0]?.body.text).toContain('Final grade: 14.67 / 20');
    expect((await c.student(0).get(`/courses/${c.courseId}/me`)).body.grades.final).toBe(14.67);
    // B was not touched: no second mail.
    expect((await mailFor(s(3))).filter((m) => m.subject.includes('updated'))).toHaveLength(0);

    // Clearing s1's adjustment (at the version read) mails s1 only.
    const clear = await c.teacher.put(memberPath(c, a, s(1)), {
      componentId: 'presentation',
      clear: true,
      reason: 'Adjustment entered for the wrong student',
      version: 1,
    });
    expect(clear.status).toBe(200);
    expect(clear.body).toMatchObject({ change: null, components: { presentation: 16 }, final: 14.67 });
    const s1mails = await waitForMail(
      s(1),
      (m) => m.subject.includes('updated') && m.body.text?.includes('14.67') === true,
    );
    expect(s1mails).toHaveLength(1);

    // Publishing again changes nothing and mails nobody.
    const again = await c.teacher.post(`/courses/${c.courseId}/grades/publish`);
    expect(again.body).toMatchObject({
      alreadyPublished: true,
      emailed: 0,
      publishedAt: pub.body.publishedAt,
    });
    expect((await mailFor(s(0))).filter((m) => m.subject.includes('Your grades'))).toHaveLength(2);
  });
});

describe('concurrent and invalid grade writes', () => {
  it('lets only one of two instructors who read the same version write (409 for the other)', async () => {
    const second = 'second-teacher@uni.example';
    const c = await createCourse({
      students: 3,
      overrides: { instructors: ['first-teacher@uni.example', second] },
    });
    const [g] = await formGroups(c, [{ members: [0, 1, 2], paperId: 'ddim' }]);
    if (!g) throw new Error('group');
    const other = c.api.as(second);
    // Both start from "no grade yet", at the same moment.
    const [x, y] = await Promise.all([
      c.teacher.put(gradePath(c, g, 'presentation'), { ...waived, score: 12 }),
      other.put(gradePath(c, g, 'presentation'), { ...waived, score: 13, version: 0 }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const sheet = await c.teacher.get(`/courses/${c.courseId}/groups/${g}/grades`);
    const grade = sheet.body.components[1].grade;
    expect(grade.version).toBe(1);
    // Both read version 1; the first to write wins, the other gets 409 naming who changed it.
    expect(
      (await c.teacher.put(gradePath(c, g, 'presentation'), { ...waived, score: 14, version: 1 })).status,
    ).toBe(200);
    const stale = await other.put(gradePath(c, g, 'presentation'), { ...waived, score: 15, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect(stale.body.error.message).toContain('first-teacher@uni.example');
    expect(
      (await other.put(gradePath(c, g, 'presentation'), { ...waived, score: 15, version: 2 })).body.score,
    ).toBe(15);
    // The same for a member's change.
    const m = memberPath(c, g, c.students[0] as string);
    expect((await c.teacher.put(m, { componentId: 'report', override: 10, reason: 'r' })).status).toBe(200);
    const staleMember = await other.put(m, { componentId: 'report', override: 11, reason: 'r' });
    expect(staleMember.status).toBe(409);
    expect(
      (await other.put(m, { componentId: 'report', override: 11, reason: 'r', version: 1 })).status,
    ).toBe(200);
  });

  it('reports every bad field with 400, unknown group or component with 404', async () => {
    const c = await createCourse({ students: 4 });
    const [g] = await formGroups(c, [{ members: [0, 1, 2], paperId: 'ddim' }]);
    if (!g) throw new Error('group');
    const partial = await c.teacher.put(gradePath(c, g, 'report'), {
      aspects: { theoretical: 21, methodological: 12, novelty: 3 },
      score: 12,
    });
    expect(partial.status).toBe(400);
    expect(partial.body.error.issues.map((i: Loose) => i.path).sort()).toEqual([
      'body.aspects.experimental',
      'body.aspects.novelty',
      'body.aspects.theoretical',
      'body.score',
    ]);
    const plain = await c.teacher.put(gradePath(c, g, 'presentation'), { score: -1, comment: 'x' });
    expect(plain.status).toBe(400);
    expect((await c.teacher.put(gradePath(c, g, 'presentation'), { ...waived, score: 20.5 })).status).toBe(
      400,
    );
    expect((await c.teacher.put(gradePath(c, g, 'presentation'), {})).body.error.issues).toContainEqual({
      path: 'body.score',
      message: 'required',
    });
    expect((await c.teacher.put(gradePath(c, g, 'novelty'), { score: 1 })).status).toBe(404);
    expect((await c.teacher.put(gradePath(c, 'g_doesnotexist00', 'presentation'), { score: 1 })).status).toBe(
      404,
    );
    // "members" can never be a component id.
    const members = await c.teacher.put(`/courses/${c.courseId}/groups/${g}/grades/members`, { score: 1 });
    expect(members.status).toBe(400);
    expect(members.body.error.issues[0].path).toBe('path.componentId');

    // Member changes: a reason, one kind of change, a member of the group.
    const bad = await c.teacher.put(memberPath(c, g, c.students[0] as string), {
      componentId: 'report',
      adjustment: 1,
      override: 12,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: Loose) => i.path)).toEqual(
      expect.arrayContaining(['body.reason', 'body.override']),
    );
    expect(
      (
        await c.teacher.put(memberPath(c, g, c.students[0] as string), {
          componentId: 'report',
          override: 25,
          reason: 'r',
        })
      ).status,
    ).toBe(400);
    const stranger = await c.teacher.put(memberPath(c, g, c.students[3] as string), {
      componentId: 'report',
      adjustment: 1,
      reason: 'r',
    });
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.message).toContain('is not a member');
    const nothing = await c.teacher.put(memberPath(c, g, c.students[0] as string), {
      componentId: 'report',
      clear: true,
      reason: 'r',
      version: 1,
    });
    expect(nothing.status).toBe(404);
  });
});
