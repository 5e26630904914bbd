import { describe, expect, it } from 'vitest';
import { mailFor } from '../support/mailbox.js';
import { BOOKING_OPEN, bookingPath, courseWithGroups, layOut } from '../support/slot-fixture.js';
import { runRetryMail } from '../support/outbox-drain.js';

/**
 * The local SES throttles this course's mail (and only this course's: the fault is scoped to its
 * recipients); every booking change still ends with exactly one mail per member, sent by the outbox
 * sender once the retry job puts the throttled ones back in line.
 */
describe('booking mail survives a throttling SES: nothing lost, nothing twice', () => {
  it('book, move, cancel and a withdrawn slot: one mail each per member', async () => {
    const c = await courseWithGroups({ groups: 2 });
    await layOut(c, [{ date: '2023-05-15', start: '09:00', end: '11:00', room: 'C103' }]);
    const member = (g: number, m = 0) => c.api.as(c.groups[g]?.members[m]).at(BOOKING_OPEN);
    const gid = (g: number) => c.groups[g]?.groupId ?? '';
    const faults = await c.api.request('PUT', '/_local/ses-faults', { throttle: 6, fail: 2, to: c.courseId });
    expect(faults.status).toBe(200);

    expect(
      (await member(0).put(bookingPath(c, gid(0)), { slotId: '2023-05-15T09:00', mode: 'remote' })).status,
    ).toBe(201);
    expect(
      (await member(0, 1).put(bookingPath(c, gid(0)), { slotId: '2023-05-15T10:30', mode: 'remote' })).status,
    ).toBe(200);
    expect((await member(0, 2).delete(bookingPath(c, gid(0)))).status).toBe(200);
    expect(
      (await member(1).put(bookingPath(c, gid(1)), { slotId: '2023-05-15T09:30', mode: 'in-person' })).status,
    ).toBe(201);
    await layOut(c, [{ date: '2023-05-16', start: '09:00', end: '10:00' }], {
      force: true,
      reason: 'Room closed on the 15th',
    });

    const expected: [string, string, number][] = [
      ...(c.groups[0]?.members ?? []).flatMap((m): [string, string, number][] => [
        [m, 'Presentation booked', 1],
        [m, 'Presentation moved', 1],
        [m, 'Presentation cancelled', 1],
      ]),
      ...(c.groups[1]?.members ?? []).flatMap((m): [string, string, number][] => [
        [m, 'Presentation booked', 1],
        [m, 'Presentation slot withdrawn', 1],
      ]),
    ];
    const counts = async () =>
      Promise.all(
        expected.map(
          async ([to, subject]) => (await mailFor(to)).filter((x) => x.subject.includes(subject)).length,
        ),
      );
    // Throttled mails wait for their backoff (≥ 10 s): the retry job, run 2 minutes ahead, re-queues them.
    const deadline = Date.now() + 45_000;
    let got = await counts();
    while (got.some((n, i) => n < (expected[i]?.[2] ?? 0)) && Date.now() < deadline) {
      await runRetryMail();
      await new Promise((r) => setTimeout(r, 700));
      got = await counts();
    }
    // A moment more: anything sent twice would show now.
    await new Promise((r) => setTimeout(r, 1_500));
    got = await counts();
    expect(got).toEqual(expected.map(([, , n]) => n));
    const left = await c.api.request('GET', `/_local/ses-faults?to=${c.courseId}`);
    expect(left.body).toMatchObject({ throttle: 0, fail: 0 });
  });
});
