import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Loose } from '../support/api.js';
import { waitForMail } from '../support/mailbox.js';
import { fixture, pdfWithPages, textNamedPdf, truncated } from '../support/pdf-fixtures.js';
import {
  contributionsOf,
  courseWithGroups,
  postForm,
  uploadFile,
  waitForDecision,
  type Ticket,
} from './upload-helpers.js';

const MARCH = '2023-03-15T10:00:00+01:00';
const APRIL = '2023-04-20T10:00:00+02:00';
const MB = 1024 * 1024;

describe('bad uploads get a clear refusal and an accurate record', () => {
  it('refuses bad requests before any byte is sent: empty, wrong type, too large, after the deadline', async () => {
    const c = await courseWithGroups();
    const ask = (body: Record<string, unknown>, at = MARCH, deliverable = 'assignment') =>
      c.student(0).at(at).post(`/courses/${c.courseId}/deliverables/${deliverable}/uploads`, body);

    const empty = await ask({ fileName: 'a.pdf', contentType: 'application/pdf', size: 0 });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues).toEqual([
      { path: 'body.size', message: 'the file is empty (0 bytes): choose the file again' },
    ]);

    const png = await ask({ fileName: 'scan.png', contentType: 'image/png', size: 1000 });
    expect(png.status).toBe(400);
    expect(png.body.error.issues[0].path).toBe('body.contentType');
    expect(png.body.error.issues[0].message).toContain('accepts a PDF document or a ZIP archive');

    const misnamed = await ask({ fileName: 'report.docx', contentType: 'application/pdf', size: 1000 });
    expect(misnamed.status).toBe(400);
    expect(misnamed.body.error.issues[0].message).toContain('expected a name ending in .pdf');

    const big = await ask({ fileName: 'a.pdf', contentType: 'application/pdf', size: 30 * MB });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toBe('Too large: the file is 30 MB; Assignment accepts at most 20 MB');

    const late = await ask(
      { fileName: 'a.pdf', contentType: 'application/pdf', size: 1000 },
      '2023-03-21T00:00:00+01:00',
    );
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe('deadline_passed');
    expect(late.body.error.message).toContain(
      'Assignment closed on Monday 20 March 2023, 23:59 (Europe/Paris)',
    );

    const unknown = await ask(
      { fileName: 'a.pdf', contentType: 'application/pdf', size: 10 },
      MARCH,
      'thesis',
    );
    expect(unknown.status).toBe(404);

    // Teachers and students without a group cannot ask.
    expect(
      (
        await c.teacher.at(MARCH).post(`/courses/${c.courseId}/deliverables/assignment/uploads`, {
          fileName: 'a.pdf',
          contentType: 'application/pdf',
          size: 10,
        })
      ).status,
    ).toBe(403);
    const lonely = await c
      .student(6)
      .at(MARCH)
      .post(`/courses/${c.courseId}/deliverables/assignment/uploads`, {
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        size: 10,
      });
    expect(lonely.status).toBe(403);
    expect(lonely.body.error.code).toBe('not_in_group');
  });

  it("refuses a request for another group's deliverable, and another group's files", async () => {
    const c = await courseWithGroups();
    const res = await c.student(0).at(MARCH).post(`/courses/${c.courseId}/deliverables/assignment/uploads`, {
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 1000,
      ownerId: c.groupB,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('not_owner');
    expect(res.body.error.message).toContain('for your own group');
    const own = await c.student(0).at(MARCH).post(`/courses/${c.courseId}/deliverables/assignment/uploads`, {
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 1000,
      ownerId: c.groupA,
    });
    expect(own.status).toBe(201);
    // Group B cannot list group A's work: it sees only its own (nothing).
    const list = await c.student(3).get(`/courses/${c.courseId}/deliverables/assignment/submissions`);
    expect(list.body).toEqual([]);
    expect(
      (await c.student(3).get(`/courses/${c.courseId}/deliverables/assignment/submissions?include=missing`))
        .status,
    ).toBe(403);
  });

  it('records refused files with reasons: a text file named .pdf, a truncated PDF, a password-protected PDF', async () => {
    const c = await courseWithGroups();
    const cases: [string, Uint8Array, string, RegExp][] = [
      [
        'notes.pdf',
        textNamedPdf(),
        'wrong-type',
        /"notes\.pdf" was sent as a PDF document but it is not one: its content is plain text/,
      ],
      ['cut.pdf', truncated(await pdfWithPages(8), 0.6), 'truncated', /The PDF is incomplete/],
      ['locked.pdf', fixture('upload-10p-user-password.pdf'), 'password', /protected by a password/],
    ];
    for (const [fileName, bytes, code, reason] of cases) {
      const r = await uploadFile(c.student(0), c.courseId, 'assignment', bytes, {
        fileName,
        contentType: 'application/pdf',
        at: MARCH,
      });
      expect(r.submission, fileName).toMatchObject({
        status: 'rejected',
        code,
        bytes: bytes.length,
        late: false,
        counts: false,
      });
      expect(r.submission.reason).toMatch(reason);
      expect(r.submission.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const mails = await waitForMail(c.membersA[2] ?? '', (m) => m.subject.includes('REFUSED'), 15_000);
    expect(mails.length).toBeGreaterThanOrEqual(1);
    const locked = (
      await waitForMail(c.membersA[1] ?? '', (m) => (m.body.text ?? '').includes('File: locked.pdf'), 15_000)
    )[0];
    expect(locked?.body.text).toContain('REFUSED. The PDF is protected by a password');
    // Nothing accepted: the group is missing for the instructor.
    const view = await c.teacher.get(
      `/courses/${c.courseId}/deliverables/assignment/submissions?include=missing`,
    );
    expect(view.body.missing.find((m: Loose) => m.owner === c.groupA)).toMatchObject({ hasRejected: true });
  });

  it('S3 refuses a form sent with another size (a 30 MB file), type or key, a forged one, and an expired one', async () => {
    const c = await courseWithGroups();
    const pdf = await pdfWithPages(2);
    const ask = async () => {
      const res = await c
        .student(0)
        .at(MARCH)
        .post(`/courses/${c.courseId}/deliverables/assignment/uploads`, {
          fileName: 'a.pdf',
          contentType: 'application/pdf',
          size: pdf.length,
        });
      expect(res.status).toBe(201);
      return res.body as Ticket;
    };
    const t = await ask();
    const huge = new Uint8Array(30 * MB);
    huge.set(pdf);
    const tooLarge = await postForm(t, huge, { now: MARCH });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.text).toContain('<Code>EntityTooLarge</Code>');
    const tooSmall = await postForm(t, pdf.subarray(0, 100), { now: MARCH });
    expect(tooSmall.status).toBe(400);
    expect(tooSmall.text).toContain('<Code>EntityTooSmall</Code>');
    const zero = await postForm(t, new Uint8Array(0), { now: MARCH });
    expect(zero.status).toBe(400);
    expect(zero.text).toContain('<Code>EntityTooSmall</Code>');
    const otherType = await postForm(t, pdf, { now: MARCH, fields: { 'Content-Type': 'text/plain' } });
    expect(otherType.status).toBe(403);
    expect(otherType.text).toContain('Invalid according to Policy: Policy Condition failed');
    const otherKey = await postForm(t, pdf, {
      now: MARCH,
      fields: { key: t.fields.key?.replace(c.groupA, c.groupB) ?? '' },
    });
    expect(otherKey.status).toBe(403);
    const forged = await postForm(t, pdf, { now: MARCH, fields: { 'X-Amz-Signature': 'f'.repeat(64) } });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('<Code>SignatureDoesNotMatch</Code>');
    const expired = await postForm(t, pdf, { now: '2023-03-15T10:10:01+01:00' });
    expect(expired.status).toBe(403);
    expect(expired.text).toContain('<Message>Invalid according to Policy: Policy expired.</Message>');
    // None of these reached S3: nothing was recorded, the form is still pending, and it still works.
    const pending = await c
      .student(1)
      .at(MARCH)
      .get(`/courses/${c.courseId}/deliverables/assignment/submissions`);
    expect((pending.body as Loose[]).map((s) => [s.submissionId, s.status])).toEqual([
      [t.submissionId, 'pending'],
    ]);
    expect((await postForm(t, pdf, { now: '2023-03-15T10:09:59+01:00' })).status).toBe(204);
    expect(await waitForDecision(c.student(1), c.courseId, 'assignment', t.submissionId)).toMatchObject({
      status: 'accepted',
    });
  });

  it('a replayed form stores the object again (as S3 does) but records the upload once, with one receipt', async () => {
    const c = await courseWithGroups();
    const pdf = await pdfWithPages(4);
    const r = await uploadFile(c.student(3), c.courseId, 'report', pdf, {
      fileName: 'report.pdf',
      contentType: 'application/pdf',
      at: APRIL,
      contributions: contributionsOf(c.membersB),
    });
    await waitForMail(c.membersB[0] ?? '', (m) => m.subject.includes('file received'), 15_000);
    // The same form again within its 10 minutes, with other bytes of the same size.
    const other = Buffer.alloc(pdf.length, 0x20);
    const again = await postForm(r.ticket, other, {
      now: '2023-04-20T10:05:00+02:00',
      fileName: 'report.pdf',
    });
    expect(again.status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const list = await c.student(3).get(`/courses/${c.courseId}/deliverables/report/submissions`);
    expect((list.body as Loose[]).map((s) => [s.submissionId, s.status, s.receivedAt])).toEqual([
      [r.ticket.submissionId, 'accepted', '2023-04-20T10:00:00+02:00'],
    ]);
    expect(
      await waitForMail(c.membersB[0] ?? '', (m) => m.subject.includes('file received'), 300),
    ).toHaveLength(1);
    // What is downloaded is what was checked: the recorded version, whose SHA-256 the receipt states.
    const link = await c
      .student(3)
      .get(`/courses/${c.courseId}/submissions/${r.ticket.submissionId}/download`);
    expect(link.status).toBe(200);
    const served = Buffer.from(await (await fetch(link.body.url as string)).arrayBuffer());
    expect(createHash('sha256').update(served).digest('hex')).toBe(link.body.sha256);
    expect(served.equals(Buffer.from(pdf))).toBe(true);
    // Without the link's signature the local S3 serves nothing, as S3 would not.
    const unsigned = (link.body.url as string).split('?')[0] ?? '';
    expect((await fetch(unsigned)).status).toBe(403);
  });
});
