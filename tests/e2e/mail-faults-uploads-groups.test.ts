import { describe, expect, it } from 'vitest';
import { mailFor } from '../support/mailbox.js';
import { pdfWithPages } from '../support/pdf-fixtures.js';
import { contributionsOf, courseWithGroups, GROUPS_AT, uploadFile } from './upload-helpers.js';
import { runRetryMail } from '../support/outbox-drain.js';

/**
 * The local SES throttles this course's mail (and only this course's: the fault is scoped to its
 * recipients) at each step; a group change, an upload receipt and an extension still each end
 * with exactly one mail per recipient, sent by the outbox sender once the retry job puts the
 * throttled ones back in line.
 */
describe('group, receipt and extension mail survive a throttling SES: nothing lost, nothing twice', () => {
  it('one mail each per recipient', async () => {
    const c = await courseWithGroups();
    const newcomer = c.students[6] ?? '';

    /** Throttles this course's next 3 sends (one mail: the SDK tries it 3 times), then `act`s. */
    const throttled = async (act: () => Promise<void>) => {
      const set = await c.api.request('PUT', '/_local/ses-faults', { throttle: 3, to: c.courseId });
      expect(set.status).toBe(200);
      await act();
      // The throttle is used up before the next step sets another.
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const left = await c.api.request('GET', `/_local/ses-faults?to=${c.courseId}`);
        if ((left.body as { throttle: number }).throttle === 0) return;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('the throttled sends never came');
    };

    // A group change: the instructor places the seventh student in group A; all four members are told.
    await throttled(async () => {
      const res = await c.teacher
        .at(GROUPS_AT)
        .patch(`/courses/${c.courseId}/groups/${c.groupA}`, { addMembers: [newcomer] });
      expect(res.status, res.text).toBe(200);
    });
    // An upload: every member of group A gets the receipt.
    let submissionId = '';
    await throttled(async () => {
      const r = await uploadFile(c.student(1), c.courseId, 'report', await pdfWithPages(3), {
        fileName: 'report.pdf',
        contentType: 'application/pdf',
        at: '2023-04-20T10:00:00+02:00',
        contributions: contributionsOf([...c.membersA, newcomer]),
      });
      submissionId = r.ticket.submissionId;
    });
    // An extension for group B: its three members are told.
    await throttled(async () => {
      const res = await c.teacher
        .at('2023-04-21T09:00:00+02:00')
        .put(`/courses/${c.courseId}/extensions/${c.groupB}`, {
          deliverableId: 'report',
          until: '2023-05-05T18:00',
          reason: 'Lab flooded',
        });
      expect(res.status, res.text).toBe(201);
    });

    const groupA = [...c.membersA, newcomer];
    const expected: [string, (text: string, subject: string) => boolean][] = [
      ...groupA.map((m): [string, (t: string, s: string) => boolean] => [
        m,
        (_t, s) => s.includes('Your group was changed'),
      ]),
      ...groupA.map((m): [string, (t: string, s: string) => boolean] => [m, (t) => t.includes(submissionId)]),
      ...c.membersB.map((m): [string, (t: string, s: string) => boolean] => [
        m,
        (_t, s) => s.includes('deadline was extended'),
      ]),
    ];
    const counts = async () =>
      Promise.all(
        expected.map(
          async ([to, is]) => (await mailFor(to)).filter((x) => is(x.body.text ?? '', x.subject)).length,
        ),
      );
    // Throttled mails wait for their backoff (≥ 10 s): the retry job, run 2 minutes ahead, re-queues them.
    const deadline = Date.now() + 45_000;
    let got = await counts();
    while (got.some((n) => n < 1) && Date.now() < deadline) {
      await runRetryMail();
      await new Promise((r) => setTimeout(r, 700));
      got = await counts();
    }
    // A moment more: anything sent twice would show now.
    await new Promise((r) => setTimeout(r, 1_500));
    got = await counts();
    expect(got).toEqual(expected.map(() => 1));
  });
});
