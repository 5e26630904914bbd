import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Loose } from '../support/api.js';
import { waitForMail } from '../support/mailbox.js';
import { fixture, pdfWithPages } from '../support/pdf-fixtures.js';
import {
  contributionsOf,
  courseWithGroups,
  postForm,
  uploadFile,
  waitForDecision,
  type Ticket,
} from './upload-helpers.js';

const APRIL = '2023-04-20T10:00:00+02:00';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('report upload, end to end', () => {
  it('uploads a 10-page report through a presigned POST, records it, mails every member, serves it back', async () => {
    const c = await courseWithGroups();
    const pdf = await pdfWithPages(10);
    const ask = await c
      .student(1)
      .at(APRIL)
      .post(`/courses/${c.courseId}/deliverables/report/uploads`, {
        fileName: 'Rapport final — groupe A.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        contributions: contributionsOf(c.membersA),
      });
    expect(ask.status, ask.text).toBe(201);
    expect(Number(ask.headers.get('x-examdesk-ddb-calls'))).toBeLessThanOrEqual(3);
    const ticket = ask.body as Ticket & { deadline: string };
    expect(ticket.uploadId).toMatch(/^u_[A-Za-z0-9_-]{20}$/);
    expect(ticket.expiresAt).toBe('2023-04-20T10:10:00+02:00');
    expect(ticket.deadline).toBe('2023-04-28T23:59:00+02:00');
    // The key is the server's: under the group's prefix, ending with the upload id.
    expect(ticket.fields.key).toBe(`uploads/${c.courseId}/report/${c.groupA}/${ticket.uploadId}`);
    expect(ticket.fields['Content-Type']).toBe('application/pdf');

    const sent = await postForm(ticket, pdf, {
      now: '2023-04-20T10:02:00+02:00',
      fileName: 'Rapport final — groupe A.pdf',
    });
    expect(sent.status, sent.text).toBe(204);
    const s = await waitForDecision(c.student(0), c.courseId, 'report', ticket.submissionId);
    expect(s).toMatchObject({
      submissionId: ticket.submissionId,
      owner: c.groupA,
      ownerKind: 'group',
      status: 'accepted',
      pages: 10,
      bytes: pdf.length,
      sha256: sha(pdf),
      receivedAt: '2023-04-20T10:02:00+02:00',
      late: false,
      counts: true,
      fileName: 'Rapport final — groupe A.pdf',
      uploadedBy: c.students[1],
      deadline: '2023-04-28T23:59:00+02:00',
      contributions: contributionsOf(c.membersA),
    });

    for (const member of c.membersA) {
      const [mail] = await waitForMail(member, (m) => m.subject.includes('file received'));
      expect(mail?.subject).toContain(
        'Report (10 pages maximum, code not included): file received, accepted',
      );
      const text = mail?.body.text ?? '';
      expect(text).toContain('Result: ACCEPTED, on time.');
      expect(text).toContain('File: Rapport final — groupe A.pdf');
      expect(text).toContain('Pages: 10');
      expect(text).toContain(`SHA-256: ${sha(pdf)}`);
      expect(text).toContain('Received: Thursday 20 April 2023, 10:02:00 (Europe/Paris)');
      expect(text).toContain('Deadline: Friday 28 April 2023, 23:59:00 (Europe/Paris)');
    }
    expect(await waitForMail(c.membersB[0] ?? '', (m) => m.subject.includes('file received'), 300)).toEqual(
      [],
    );

    // Download: the owner gets a link to exactly these bytes; another group may not; the instructor may.
    const dl = await c.student(2).get(`/courses/${c.courseId}/submissions/${ticket.submissionId}/download`);
    expect(dl.status, dl.text).toBe(200);
    expect(Number(dl.headers.get('x-examdesk-ddb-calls'))).toBeLessThanOrEqual(3);
    expect(dl.body.sha256).toBe(sha(pdf));
    const file = await fetch(dl.body.url);
    expect(file.status).toBe(200);
    expect(sha(new Uint8Array(await file.arrayBuffer()))).toBe(sha(pdf));
    expect(file.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''Rapport%20final%20%E2%80%94%20groupe%20A.pdf",
    );
    const stranger = await c
      .student(3)
      .get(`/courses/${c.courseId}/submissions/${ticket.submissionId}/download`);
    expect(stranger.status).toBe(403);
    expect(
      (await c.teacher.get(`/courses/${c.courseId}/submissions/${ticket.submissionId}/download`)).status,
    ).toBe(200);
    expect(
      (await c.teacher.get(`/courses/${c.courseId}/submissions/s_AAAAAAAAAAAAAAAAAAAA/download`)).status,
    ).toBe(404);

    // /me shows it, in at most 3 DynamoDB calls (this course has only group deliverables).
    const me = await c.student(0).get(`/courses/${c.courseId}/me`);
    expect(me.status, me.text).toBe(200);
    expect(Number(me.headers.get('x-examdesk-ddb-calls'))).toBeLessThanOrEqual(3);
    const mine = (me.body.submissions as Loose[]).find((x) => x.deliverableId === 'report');
    expect(mine).toMatchObject({
      owner: c.groupA,
      state: 'submitted',
      counting: { submissionId: ticket.submissionId },
    });
    expect((me.body.submissions as Loose[]).find((x) => x.deliverableId === 'assignment')).toMatchObject({
      state: 'none',
      counting: null,
      versions: [],
      deadline: '2023-03-20T23:59:00+01:00',
    });
  });

  it('refuses an 11-page report (kept, with the reason), and the earlier accepted version still counts', async () => {
    const c = await courseWithGroups();
    const contributions = contributionsOf(c.membersB);
    const ten = await uploadFile(c.student(3), c.courseId, 'report', await pdfWithPages(10), {
      fileName: 'v1.pdf',
      contentType: 'application/pdf',
      at: APRIL,
      contributions,
    });
    expect(ten.submission.status).toBe('accepted');
    const eleven = await uploadFile(c.student(4), c.courseId, 'report', await pdfWithPages(11), {
      fileName: 'v2.pdf',
      contentType: 'application/pdf',
      at: '2023-04-21T09:00:00+02:00',
      contributions,
    });
    expect(eleven.submission).toMatchObject({
      status: 'rejected',
      code: 'too-many-pages',
      pages: 11,
      counts: false,
      reason: expect.stringContaining(
        'The PDF has 11 pages; Report (10 pages maximum, code not included) allows at most 10',
      ),
    });
    const list = await c.student(5).get(`/courses/${c.courseId}/deliverables/report/submissions`);
    expect((list.body as Loose[]).map((x) => [x.fileName, x.status, x.counts])).toEqual([
      ['v1.pdf', 'accepted', true],
      ['v2.pdf', 'rejected', false],
    ]);
    const [mail] = await waitForMail(c.membersB[2] ?? '', (m) => m.subject.includes('REFUSED'));
    expect(mail?.body.text).toContain('REFUSED. The PDF has 11 pages');
    expect(mail?.body.text).toContain('any earlier accepted version still does');
  });

  it('accepts a PDF encrypted with an owner password only, counting its pages', async () => {
    const c = await courseWithGroups();
    const pdf = fixture('upload-10p-owner-password-aes256.pdf');
    const r = await uploadFile(c.student(0), c.courseId, 'report', pdf, {
      fileName: 'protected-against-editing.pdf',
      contentType: 'application/pdf',
      at: APRIL,
      contributions: contributionsOf(c.membersA),
    });
    expect(r.submission).toMatchObject({ status: 'accepted', pages: 10 });
  });

  it('asks for a contribution statement from every current member (400 naming who is missing)', async () => {
    const c = await courseWithGroups();
    const res = await c
      .student(0)
      .at(APRIL)
      .post(`/courses/${c.courseId}/deliverables/report/uploads`, {
        fileName: 'report.pdf',
        contentType: 'application/pdf',
        size: 1000,
        contributions: { [c.membersA[0] ?? '']: 'Everything', [c.membersA[1] ?? '']: '  ' },
      });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('contributions_missing');
    expect(res.body.error.message).toBe(
      `Contribution statements are missing for: ${c.membersA[1]}, ${c.membersA[2]}`,
    );
    expect(res.body.error.issues.map((i: Loose) => i.path)).toEqual([
      `body.contributions.${c.membersA[1]}`,
      `body.contributions.${c.membersA[2]}`,
    ]);
    // The assignment needs no statements.
    const a = await c
      .student(0)
      .at('2023-03-15T10:00:00+01:00')
      .post(`/courses/${c.courseId}/deliverables/assignment/uploads`, {
        fileName: 'assignment.zip',
        contentType: 'application/zip',
        size: 1000,
      });
    expect(a.status, a.text).toBe(201);
  });
});
