import { beforeAll, describe, expect, it } from 'vitest';
import type { Loose } from '../support/api.js';
import { pdfWithPages } from '../support/pdf-fixtures.js';
import { ddbCalls } from './groups-support.js';
import { courseWithGroups, uploadFile, type GroupCourse } from './upload-helpers.js';

const APRIL = '2023-04-20T10:00:00+02:00';
/** The report is due 2023-04-28T23:59 Paris, no grace. */
const AFTER_DUE = '2023-04-29T10:00:00+02:00';

/** One course for the whole file (groups A and B of three; student 6 in no group); peer rating on. */
let c: GroupCourse;
beforeAll(async () => {
  c = await courseWithGroups({ overrides: { groups: { peerRating: true } } });
});

const mine = (i: number) => c.student(i).at(APRIL);
const statementPath = (deliverable = 'report') =>
  `/courses/${c.courseId}/deliverables/${deliverable}/contributions/me`;
const byEmail = (statements: Loose[]) => Object.fromEntries(statements.map((s) => [s.email, s]));

describe('contribution statements', () => {
  it('members confirm their own; the upload, the instructor list and /me show who confirmed', async () => {
    const [m0, m1, m2] = c.membersA as [string, string, string];
    const own = await mine(1).put(statementPath(), {
      statement: '  I ran every experiment.\nAnd plotted them.  ',
    });
    expect(own.status, own.text).toBe(200);
    expect(ddbCalls(own)).toBe(2);
    expect(own.body).toEqual({
      courseId: c.courseId,
      deliverableId: 'report',
      owner: c.groupA,
      deadline: '2023-04-28T23:59:00+02:00',
      statement: {
        email: m1,
        statement: 'I ran every experiment.\nAnd plotted them.',
        confirmed: true,
        confirmedAt: APRIL,
        proposedBy: null,
      },
    });

    // The uploader need not repeat a confirmed statement; their own text counts as theirs, the one
    // they type for member 2 is only proposed.
    const { submission } = await uploadFile(c.student(0), c.courseId, 'report', await pdfWithPages(3), {
      fileName: 'report.pdf',
      contentType: 'application/pdf',
      at: APRIL,
      contributions: { [m0]: 'I wrote the paper.', [m2]: 'Proofread, I think.' },
    });
    expect(submission.status).toBe('accepted');
    expect(byEmail(submission.statements)).toEqual({
      [m0]: {
        email: m0,
        statement: 'I wrote the paper.',
        confirmed: true,
        confirmedAt: APRIL,
        proposedBy: null,
      },
      [m1]: {
        email: m1,
        statement: 'I ran every experiment.\nAnd plotted them.',
        confirmed: true,
        confirmedAt: APRIL,
        proposedBy: null,
      },
      [m2]: {
        email: m2,
        statement: 'Proofread, I think.',
        confirmed: false,
        confirmedAt: null,
        proposedBy: m0,
      },
    });

    // Member 2 writes their own: it replaces the proposal in every view.
    const later = '2023-04-21T09:30:00+02:00';
    const confirmed = await c.student(2).at(later).put(statementPath(), { statement: 'Wrote the proofs.' });
    expect(confirmed.status, confirmed.text).toBe(200);
    const list = await c.teacher.get(`/courses/${c.courseId}/deliverables/report/submissions`);
    expect(list.status, list.text).toBe(200);
    expect(ddbCalls(list)).toBeLessThanOrEqual(3);
    const file = (list.body as Loose[]).find((s) => s.submissionId === submission.submissionId);
    expect(file.fileName).toBe('report.pdf');
    expect(byEmail(file.statements)[m2]).toEqual({
      email: m2,
      statement: 'Wrote the proofs.',
      confirmed: true,
      confirmedAt: later,
      proposedBy: null,
    });
    expect(file.statements.every((s: Loose) => s.confirmed)).toBe(true);

    const me = await c.student(2).get(`/courses/${c.courseId}/me`);
    expect(me.status, me.text).toBe(200);
    expect(ddbCalls(me)).toBeLessThanOrEqual(3);
    const report = (me.body.submissions as Loose[]).find((x) => x.deliverableId === 'report');
    expect(report.statements.map((s: Loose) => [s.email, s.confirmed])).toEqual([
      [m0, true],
      [m1, true],
      [m2, true],
    ]);
    expect(report.counting.statements).toHaveLength(3);
    // Group B has confirmed nothing: its /me lists its members without statements.
    const meB = await c.student(3).get(`/courses/${c.courseId}/me`);
    const reportB = (meB.body.submissions as Loose[]).find((x) => x.deliverableId === 'report');
    expect(reportB.statements.map((s: Loose) => [s.statement, s.confirmed])).toEqual([
      [null, false],
      [null, false],
      [null, false],
    ]);
  });

  it('refuses bad statements, other people, other deliverables and closed deadlines', async () => {
    const put = (body: unknown, i = 0, at = APRIL) =>
      c
        .student(i)
        .at(at)
        .put(statementPath(), body as Loose);
    for (const statement of ['', '   ', 'wrote\u0000it', 'x'.repeat(2001), 42]) {
      const res = await put({ statement });
      expect(res.status, JSON.stringify(statement)).toBe(400);
      expect(res.body.error.issues.map((i: Loose) => i.path)).toEqual(['body.statement']);
    }
    expect((await put({})).body.error.issues.map((i: Loose) => i.path)).toEqual(['body.statement']);
    expect((await put({ statement: 'ok', email: c.membersA[1] })).status).toBe(400);

    // A stranger, an instructor, a student in no group: 403; a deliverable without statements: 404.
    const stranger = await c.api
      .as('nobody@students.example')
      .at(APRIL)
      .put(statementPath(), { statement: 'Hi' });
    expect(stranger.status).toBe(403);
    expect((await c.teacher.at(APRIL).put(statementPath(), { statement: 'Hi' })).status).toBe(403);
    const alone = await put({ statement: 'Hi' }, 6);
    expect(alone.status).toBe(403);
    expect(alone.body.error.code).toBe('not_in_group');
    const assignment = await c.student(0).at(APRIL).put(statementPath('assignment'), { statement: 'Hi' });
    expect(assignment.status).toBe(404);

    // After the deadline: refused, naming it; an extension for the group reopens it.
    const late = await put({ statement: 'Too late' }, 3, AFTER_DUE);
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe('deadline_passed');
    expect(late.body.error.message).toContain('Friday 28 April 2023, 23:59');
    const extension = await c.teacher.at(AFTER_DUE).put(`/courses/${c.courseId}/extensions/${c.groupB}`, {
      deliverableId: 'report',
      until: '2023-05-02T12:00',
      reason: 'Illness in the group',
    });
    expect(extension.status, extension.text).toBe(201);
    const extended = await put({ statement: 'Now on time' }, 3, AFTER_DUE);
    expect(extended.status, extended.text).toBe(200);
    expect(ddbCalls(extended)).toBe(3);
    expect(extended.body.deadline).toBe('2023-05-02T12:00:00+02:00');
    expect((await put({ statement: 'Group A has no extension' }, 0, AFTER_DUE)).status).toBe(403);
  });
});

describe('peer ratings (WebPA)', () => {
  it('members rate every member confidentially; instructors read the suggested factors', async () => {
    const [m0, m1, m2] = c.membersA as [string, string, string];
    const path = `/courses/${c.courseId}/groups/${c.groupA}/peer-ratings`;
    const rate = (i: number, ratings: Record<string, unknown>) => mine(i).put(`${path}/me`, { ratings });

    const bad = await rate(0, { [m0]: 0, [m1]: 6, [m2]: 2.5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: Loose) => i.path).sort()).toEqual(
      [m0, m1, m2].map((m) => `body.ratings.${m}`).sort(),
    );
    expect((await rate(0, { [m0]: '3', [m1]: 3, [m2]: 3 })).body.error.issues[0].path).toBe(
      `body.ratings.${m0}`,
    );
    const outsider = c.membersB[0] as string;
    const wrongPeople = await rate(0, { [m0]: 3, [m1]: 3, [outsider]: 3 });
    expect(wrongPeople.status).toBe(400);
    expect(wrongPeople.body.error.issues.map((i: Loose) => i.path).sort()).toEqual(
      [`body.ratings.${m2}`, `body.ratings.${outsider}`].sort(),
    );
    // Only the group's own members rate it.
    expect(
      (
        await c
          .student(3)
          .at(APRIL)
          .put(`${path}/me`, { ratings: { [m0]: 3 } })
      ).status,
    ).toBe(403);
    expect((await c.teacher.at(APRIL).put(`${path}/me`, { ratings: { [m0]: 3 } })).status).toBe(403);

    const first = await rate(0, { [m0]: 4, [m1]: 4, [m2]: 2 });
    expect(first.status, first.text).toBe(200);
    expect(ddbCalls(first)).toBe(2);
    expect(first.body).toMatchObject({ groupId: c.groupA, rater: m0, ratedAt: APRIL });
    expect((await rate(1, { [m1.toUpperCase()]: 3, [m0]: 3, [m2]: 3 })).status).toBe(200);

    // Confidential: no student, member or not, reads them.
    for (const i of [0, 2, 3]) {
      const res = await c.student(i).get(path);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('"ratings"');
    }
    const view = await c.teacher.get(path);
    expect(view.status, view.text).toBe(200);
    expect(ddbCalls(view)).toBe(2);
    // Member 2 has not rated: the two ratings count 3/2 (WebPA's n / raters).
    // m0: (4/10 + 3/9) × 3/2 = 11/10; m2: (2/10 + 3/9) × 3/2 = 4/5.
    expect(view.body).toMatchObject({
      enabled: true,
      members: [
        { email: m0, factor: '11/10', factorValue: 1.1 },
        { email: m1, factor: '11/10', factorValue: 1.1 },
        { email: m2, factor: '4/5', factorValue: 0.8 },
      ],
      raters: [m0, m1],
      missing: [m2],
    });
    expect(view.body.ratings).toEqual(
      expect.arrayContaining([
        { rater: m0, ratings: { [m0]: 4, [m1]: 4, [m2]: 2 }, ratedAt: APRIL, counts: true },
        { rater: m1, ratings: { [m0]: 3, [m1]: 3, [m2]: 3 }, ratedAt: APRIL, counts: true },
      ]),
    );
  });
});
