import { describe, expect, it } from 'vitest';
import { anonymousLabel } from '../../shared/domain/marking-rules.js';
import type { Loose } from '../support/api.js';
import { createCourse } from '../support/course-fixture.js';
import { formGroups, gradePath, memberPath, waived } from '../support/grade-fixture.js';
import { pdfWithPages } from '../support/pdf-fixtures.js';
import { contributionsOf, uploadFile } from './upload-helpers.js';

const APRIL = '2023-04-20T10:00:00+02:00';

describe('anonymous marking is access control', () => {
  it('refuses a grader kept anonymous everywhere but marking, until publication', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const [lead, grader, other] = ['lead', 'grader', 'other'].map((n) => `${n}-${tag}@uni.example`) as [
      string,
      string,
      string,
    ];
    const c = await createCourse({
      students: 6,
      overrides: {
        instructors: [lead, grader, other],
        grading: {
          scale: 20,
          components: [
            { id: 'report', title: 'Report', weight: '2/3', deliverableId: 'report' },
            { id: 'presentation', title: 'Presentation', weight: '1/3', presentation: true },
          ],
          markers: { lead, anonymous: ['report'] },
        },
      },
    });
    const [A, B] = await formGroups(c, [
      { members: [0, 1, 2], paperId: 'ddim' },
      { members: [3, 4, 5], paperId: 'ddrm' },
    ]);
    if (!A || !B) throw new Error('groups');
    const membersA = c.students.slice(0, 3);
    const up = await uploadFile(c.student(0), c.courseId, 'report', await pdfWithPages(2), {
      fileName: 'Student-1-report.pdf',
      contentType: 'application/pdf',
      at: APRIL,
      contributions: contributionsOf(membersA),
    });
    expect(up.submission.status).toBe('accepted');
    const course = `/courses/${c.courseId}`;
    const as = (email: string) => c.api.as(email);
    const g = as(grader);
    const label = anonymousLabel(c.courseId, A);

    // Before any assignment every instructor but the lead may grade the report: all kept anonymous.
    const refusedBefore = await g.get(`${course}/groups`);
    expect([refusedBefore.status, refusedBefore.body.error?.code]).toEqual([403, 'anonymous_marking']);
    expect(refusedBefore.body.error.message).toContain(
      'Marking of Report is anonymous until grades are published',
    );
    expect(refusedBefore.body.error.message).toContain(lead);
    expect((await as(other).get(`${course}/groups`)).status).toBe(403);

    const assigned = await as(lead).put(`${course}/marking/assignments`, {
      assignments: [
        { groupId: A, componentId: 'report', graders: [grader] },
        { groupId: B, componentId: 'report', graders: [grader] },
      ],
    });
    expect(assigned.status).toBe(200);

    // Everything that names students, groups or submissions refuses the grader.
    const refused = [
      `${course}/groups`,
      `${course}/groups/${A}`,
      `${course}/roster`,
      `${course}/deliverables/report/submissions`,
      `${course}/submissions/${up.ticket.submissionId}/download`,
      `${course}/deliverables/report/archive/a_${'x'.repeat(20)}`,
      `${course}/grades`,
      `${course}/grades.csv`,
      `${course}/gradebook.csv?format=moodle`,
      `${course}/audit`,
      `${course}/mail`,
      `${course}/slots`,
      `${course}/groups/${A}/peer-ratings`,
      `${course}/looking`,
    ];
    // One after another: fourteen functions' cold starts at once outlast their timeout on 2 cores.
    const answers = [];
    for (const path of refused) answers.push(await g.get(path));
    expect(answers.map((r, i) => [refused[i], r.status, r.body.error?.code])).toEqual(
      refused.map((path) => [path, 403, 'anonymous_marking']),
    );
    for (const r of answers) for (const s of c.students) expect(r.text).not.toContain(s);
    const archive = await g.post(`${course}/deliverables/report/archive`, {});
    expect([archive.status, archive.body.error?.code]).toEqual([403, 'anonymous_marking']);

    // The course config and the queue open: no group id, no names, a label usable in paths.
    expect((await g.get(course)).status).toBe(200);
    const queue = await g.get(`${course}/marking/queue`);
    expect(queue.status).toBe(200);
    expect(queue.body).toMatchObject({ role: 'grader', anonymous: true });
    expect(queue.body.items.map((i: Loose) => [i.groupId, i.members, i.anonymous])).toEqual([
      [null, null, true],
      [null, null, true],
    ]);
    expect(queue.body.items.map((i: Loose) => i.label).sort()).toEqual(
      [label, anonymousLabel(c.courseId, B)].sort(),
    );
    for (const text of [A, B, ...c.students, 'Student 1']) expect(queue.text).not.toContain(text);

    // The report by label, under a neutral name; by group id it is refused.
    const link = await g.get(`${course}/marking/groups/${label}/submission/report`);
    expect(link.status, link.text).toBe(200);
    expect(link.body).toMatchObject({ groupId: null, label, fileName: `${label}.pdf`, pages: 2 });
    expect(Number(link.headers.get('x-examdesk-ddb-calls'))).toBeLessThanOrEqual(3);
    const file = await fetch(link.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(`${label}.pdf`);
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const byId = await g.get(`${course}/marking/groups/${A}/submission/report`);
    expect([byId.status, byId.body.error?.code]).toEqual([403, 'anonymous_marking']);
    const noReport = await g.get(
      `${course}/marking/groups/${anonymousLabel(c.courseId, B)}/submission/report`,
    );
    expect(noReport.status).toBe(404);
    const unknown = await g.get(`${course}/marking/groups/S-00000000/submission/report`);
    expect(unknown.status).toBe(404);

    // The grade by label; by group id refused before anything is looked up.
    const guessed = await g.put(gradePath(c, A, 'report'), { score: 14 });
    expect([guessed.status, guessed.body.error?.code]).toEqual([403, 'anonymous_marking']);
    const graded = await g.put(gradePath(c, label, 'report'), { score: 14 });
    expect(graded.status, graded.text).toBe(200);
    expect(graded.body).toMatchObject({ groupId: null, label, exact: '14', version: 1 });
    // A per-member change needs the route that names the member: refused to the grader.
    const member = await g.put(memberPath(c, A, c.students[0] as string), {
      componentId: 'report',
      adjustment: 1,
      reason: 'extra work',
    });
    expect([member.status, member.body.error?.code]).toEqual([403, 'anonymous_marking']);

    // An instructor not assigned to the (now assigned) report is not kept anonymous, but follows the
    // entry rule of the group grade for a member's change too.
    expect((await as(other).get(`${course}/groups`)).status).toBe(200);
    const notAssigned = await as(other).put(memberPath(c, A, c.students[0] as string), {
      componentId: 'report',
      adjustment: 1,
      reason: 'extra work',
    });
    expect([notAssigned.status, notAssigned.body.error?.code]).toEqual([403, 'not_assigned']);
    // The lead and an admin are never refused.
    for (const who of [as(lead), c.admin]) {
      expect((await who.get(`${course}/groups`)).status).toBe(200);
      expect((await who.get(`${course}/grades`)).status).toBe(200);
    }
    const leadLink = await as(lead).get(`${course}/marking/groups/${A}/submission/report`);
    expect(leadLink.body).toMatchObject({ groupId: A, fileName: 'Student-1-report.pdf' });

    // After publication everything opens.
    await as(lead).put(gradePath(c, B, 'report'), { ...waived, score: 12 });
    const published = await as(lead).post(`${course}/grades/publish`, {});
    expect(published.status, published.text).toBe(200);
    const opened = [];
    for (const path of refused.slice(0, 4)) opened.push(await g.get(path));
    expect(opened.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const after = await g.get(`${course}/marking/queue`);
    expect(after.body.anonymous).toBe(false);
    expect(after.body.items.map((i: Loose) => i.groupId).sort()).toEqual([A, B].sort());
  }, 60_000);
});
