import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import type { Loose } from '../support/api.js';
import { waitForMail } from '../support/mailbox.js';
import { pdfWithPages, zipWithOneFile } from '../support/pdf-fixtures.js';
import { contributionsOf, courseWithGroups, uploadFile } from './upload-helpers.js';

describe('on time or late, by the instant S3 received the file', () => {
  it('a form signed at 23:58 whose file arrives at 00:01 is late: kept, marked, and the receipt says so', async () => {
    const c = await courseWithGroups();
    const r = await uploadFile(c.student(0), c.courseId, 'report', await pdfWithPages(9), {
      fileName: 'report.pdf',
      contentType: 'application/pdf',
      at: '2023-04-28T23:58:00+02:00',
      arriveAt: '2023-04-29T00:01:00+02:00',
      contributions: contributionsOf(c.membersA),
    });
    expect(r.submission).toMatchObject({
      status: 'accepted',
      late: true,
      counts: true,
      receivedAt: '2023-04-29T00:01:00+02:00',
      deadline: '2023-04-28T23:59:00+02:00',
    });
    const [mail] = await waitForMail(c.membersA[2] ?? '', (m) => m.subject.includes('file received'));
    expect(mail?.subject).toContain('accepted, LATE');
    expect(mail?.body.text).toContain('ACCEPTED, but LATE');
    expect(mail?.body.text).toContain('Received: Saturday 29 April 2023, 00:01:00 (Europe/Paris)');
    const me = await c.student(1).at('2023-04-29T09:00:00+02:00').get(`/courses/${c.courseId}/me`);
    expect(me.body.submissions.find((s: Loose) => s.deliverableId === 'report')).toMatchObject({
      state: 'late',
    });
  });

  it('grace minutes cover a file that arrives a little after the due time', async () => {
    const c = await courseWithGroups({
      overrides: {
        deliverables: [
          {
            id: 'assignment',
            title: 'Assignment',
            owner: 'group',
            due: '2023-03-20T23:59',
            graceMinutes: 5,
            accept: ['application/pdf', 'application/zip'],
            maxBytes: 20 * 1024 * 1024,
          },
          // The report stays: the course's report grade is tied to it.
          ...demoCourse.deliverables.filter((d) => d.id === 'report'),
        ],
      },
    });
    const r = await uploadFile(c.student(3), c.courseId, 'assignment', zipWithOneFile(), {
      fileName: 'code.zip',
      contentType: 'application/zip',
      at: '2023-03-20T23:58:00+01:00',
      arriveAt: '2023-03-21T00:01:00+01:00',
    });
    expect(r.submission).toMatchObject({
      status: 'accepted',
      late: false,
      deadline: '2023-03-21T00:04:00+01:00',
    });
    // Asking for a form after the grace period is refused.
    const closed = await c
      .student(3)
      .at('2023-03-21T00:04:01+01:00')
      .post(`/courses/${c.courseId}/deliverables/assignment/uploads`, {
        fileName: 'code.zip',
        contentType: 'application/zip',
        size: 100,
      });
    expect(closed.status).toBe(403);
    expect(closed.body.error.message).toContain('Tuesday 21 March 2023, 00:04 (Europe/Paris)');
  });

  it("an instructor's extension (audited, mailed) reopens uploads for that group only, across the DST change", async () => {
    const c = await courseWithGroups();
    const path = `/courses/${c.courseId}/extensions/${c.groupA}`;
    const body = {
      deliverableId: 'assignment',
      until: '2023-03-27T12:00',
      reason: 'Medical certificate (member 2)',
    };
    expect((await c.student(0).at('2023-03-21T09:00:00+01:00').put(path, body)).status).toBe(403);
    const bad = await c.teacher.put(path, {
      deliverableId: 'assignment',
      until: '2023-03-26T02:30',
      reason: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: Loose) => i.path).sort()).toEqual(['body.reason']);
    const gap = await c.teacher.put(path, { ...body, until: '2023-03-26T02:30' });
    expect(gap.body.error.issues).toEqual([
      {
        path: 'body.until',
        message: '2023-03-26T02:30 does not exist in Europe/Paris (daylight-saving gap)',
      },
    ]);
    const wrongOwner = await c.teacher.put(`/courses/${c.courseId}/extensions/${c.students[0]}`, body);
    expect(wrongOwner.status).toBe(400);
    expect(
      (await c.teacher.put(`/courses/${c.courseId}/extensions/g_AAAAAAAAAAAAAAAAAAAA`, body)).status,
    ).toBe(404);

    const granted = await c.teacher.at('2023-03-21T09:00:00+01:00').put(path, body);
    expect(granted.status, granted.text).toBe(201);
    expect(Number(granted.headers.get('x-examdesk-ddb-calls'))).toBeLessThanOrEqual(3);
    expect(granted.body).toMatchObject({
      owner: c.groupA,
      until: '2023-03-27T12:00:00+02:00',
      deadline: '2023-03-27T12:00:00+02:00',
      reason: 'Medical certificate (member 2)',
      grantedBy: c.instructor,
    });
    const [mail] = await waitForMail(c.membersA[1] ?? '', (m) => m.subject.includes('deadline was extended'));
    expect(mail?.body.text).toContain('New deadline: Monday 27 March 2023, 12:00 (Europe/Paris)');

    const after = '2023-03-27T11:59:00+02:00';
    const ok = await uploadFile(c.student(1), c.courseId, 'assignment', await pdfWithPages(3), {
      fileName: 'assignment.pdf',
      contentType: 'application/pdf',
      at: after,
    });
    expect(ok.submission).toMatchObject({
      status: 'accepted',
      late: false,
      deadline: '2023-03-27T12:00:00+02:00',
    });
    const other = await c
      .student(3)
      .at(after)
      .post(`/courses/${c.courseId}/deliverables/assignment/uploads`, {
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        size: 100,
      });
    expect(other.status).toBe(403);

    // Replacing it answers 200; the instructor view shows who is missing, with the extension.
    const replaced = await c.teacher.put(path, {
      ...body,
      until: '2023-03-28T12:00:00+02:00',
      reason: 'Extended once more',
    });
    expect(replaced.status).toBe(200);
    const view = await c.teacher.get(
      `/courses/${c.courseId}/deliverables/assignment/submissions?include=missing`,
    );
    expect(view.status).toBe(200);
    expect(Number(view.headers.get('x-examdesk-ddb-calls'))).toBeLessThanOrEqual(3);
    expect(view.body.submissions.map((s: Loose) => [s.owner, s.status, s.counts])).toEqual([
      [c.groupA, 'accepted', true],
    ]);
    expect(view.body.missing).toEqual([
      {
        owner: c.students[6],
        ownerKind: 'student',
        members: [c.students[6]],
        inGroup: false,
        hasRejected: false,
        hasPending: false,
        extensionUntil: null,
      },
      {
        owner: c.groupB,
        ownerKind: 'group',
        members: [...c.membersB].sort(),
        inGroup: true,
        hasRejected: false,
        hasPending: false,
        extensionUntil: null,
      },
    ]);
    const plain = await c.teacher.get(`/courses/${c.courseId}/deliverables/assignment/submissions`);
    expect(Array.isArray(plain.body)).toBe(true);
  });
});
