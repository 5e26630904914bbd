import { describe, expect, it } from 'vitest';
import { outboxOf } from '../support/outbox-drain.js';
import { stackDeps } from '../support/stack-deps.js';
import '../../shared/runtime/db-client.js';
import { coursePk, prefixes } from '../../shared/store/keys.js';
import { listSlots, toBooking } from '../../shared/store/slot-repo.js';
import { queryCourse } from '../../shared/store/table-ops.js';
import type { ApiResponse, Loose } from '../support/api.js';
import {
  BOOKING_OPEN,
  bookingPath,
  courseWithGroups,
  ddbCalls,
  layOut,
  pool,
  type SlotCourse,
} from '../support/slot-fixture.js';

const deps = stackDeps();

/** 40 slots: 15 and 16 May (mornings and afternoons) and the morning of 17 May, 8 slots each. */
const FORTY = [
  { date: '2023-05-15', start: '09:00', end: '13:00' },
  { date: '2023-05-15', start: '14:00', end: '18:00' },
  { date: '2023-05-16', start: '09:00', end: '13:00' },
  { date: '2023-05-16', start: '14:00', end: '18:00' },
  { date: '2023-05-17', start: '09:00', end: '13:00' },
];
const TWENTY_FOUR_MORE = [
  { date: '2023-05-17', start: '14:00', end: '18:00' },
  { date: '2023-05-18', start: '09:00', end: '13:00' },
  { date: '2023-05-18', start: '14:00', end: '18:00' },
];

/** What a client does with a 409 try_again (a TransactionConflict: nothing was written). */
let tryAgains = 0;
const withTryAgain = async (send: () => Promise<ApiResponse<Loose>>): Promise<ApiResponse<Loose>> => {
  for (let attempt = 0; ; attempt++) {
    const res = await send();
    if (res.status !== 409 || res.body?.error?.code !== 'try_again' || attempt >= 8) return res;
    tryAgains++;
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 100 * (attempt + 1)));
  }
};

/** Both sides of every booking, read back from DynamoDB, must agree. */
const expectInvariants = async (c: SlotCourse, bookings: number) => {
  const slots = await listSlots(deps, c.courseId);
  const markers = (await queryCourse(deps, coursePk(c.courseId), prefixes.booking)).flatMap(
    (i) => toBooking(i) ?? [],
  );
  const taken = slots.filter((s) => s.groupId);
  const held = markers.filter((m) => m.slotId);
  expect(taken).toHaveLength(bookings);
  expect(held).toHaveLength(bookings);
  // No group with two slots, no slot with two groups (a slot item holds one group by construction).
  expect(new Set(taken.map((s) => s.groupId)).size).toBe(bookings);
  expect(new Set(held.map((m) => m.slotId)).size).toBe(bookings);
  const bySlot = new Map(held.map((m) => [m.slotId, m]));
  for (const s of taken) {
    const m = bySlot.get(s.slotId);
    expect(m?.groupId, s.slotId).toBe(s.groupId);
    expect(m?.mode).toBe(s.mode);
    expect(m?.sequence).toBe(s.sequence);
    expect(m?.start).toBe(s.start);
  }
  return { slots, taken, held };
};

const expectLosersNamed = (results: ApiResponse<Loose>[], codes: RegExp) => {
  expect(results.filter((r) => r.status >= 500).map((r) => r.text)).toEqual([]);
  for (const r of results.filter((x) => x.status !== 200 && x.status !== 201)) {
    expect(r.status, r.text).toBe(409);
    expect(r.body.error.code).toMatch(codes);
    expect(r.body.error.message.length).toBeGreaterThan(10);
  }
  for (const r of results) expect(ddbCalls(r), r.text).toBeLessThanOrEqual(3);
};

describe('booking under load (through HTTP, checked in DynamoDB)', () => {
  it('100 groups, 200 concurrent bookings for 40 slots: exactly 40 bookings; then 50 concurrent moves', async () => {
    const started = Date.now();
    const c = await courseWithGroups({ groups: 100, students: 400 });
    const laid = await layOut(c, FORTY);
    expect(laid.slots).toHaveLength(40);
    const ids: string[] = laid.slots.map((s: { slotId: string }) => s.slotId);
    const setupMs = Date.now() - started;

    // Groups 0–39 each ask twice for "their" slot (a double click by two members); groups 40–99
    // each ask for two slots spread over all 40. Every slot is wanted by several groups.
    const requests = c.groups.flatMap((g, i) => {
      const targets = i < 40 ? [ids[i], ids[i]] : [ids[(i * 7) % 40], ids[(i * 13 + 5) % 40]];
      return targets.map((slotId, k) => ({
        client: c.api.as(g.members[k % g.members.length]).at(BOOKING_OPEN),
        path: bookingPath(c, g.groupId),
        body: { slotId: slotId ?? '', mode: k % 2 ? 'remote' : 'in-person' },
      }));
    });
    expect(requests).toHaveLength(200);
    // Tokens first, so the storm is the bookings themselves.
    await pool(
      10,
      requests.map((r) => () => r.client.get(`/courses/${c.courseId}/slots`)),
    );
    const stormStart = Date.now();
    const results = await Promise.all(requests.map((r) => withTryAgain(() => r.client.put(r.path, r.body))));
    const stormMs = Date.now() - stormStart;
    expectLosersNamed(results, /^(slot_taken|already_booked|try_again)$/);
    expect(results.filter((r) => r.status === 201)).toHaveLength(40);
    expect(results.filter((r) => r.body?.error?.code === 'slot_taken').length).toBeGreaterThan(0);
    const { taken } = await expectInvariants(c, 40);
    const bookedGroups = new Set(taken.map((s) => s.groupId));
    // Every slot was wanted twice by its "own" group, so each such group either has it or lost it to another.
    expect(new Set(taken.map((s) => s.slotId))).toEqual(new Set(ids));

    // 24 more slots, then 50 concurrent moves by the 40 booked groups: 10 groups ask twice.
    const more = await layOut(c, [...FORTY, ...TWENTY_FOUR_MORE]);
    expect(more).toMatchObject({ added: 24, removed: 0, released: [] });
    const free: string[] = more.slots
      .filter((s: { available: boolean }) => s.available)
      .map((s: { slotId: string }) => s.slotId);
    expect(free).toHaveLength(24);
    const movers = c.groups.filter((g) => bookedGroups.has(g.groupId));
    const moves = Array.from({ length: 50 }, (_, i) => {
      const g = movers[i % movers.length] ?? { groupId: '', members: [] };
      return {
        client: c.api.as(g.members[i % g.members.length]).at('2023-04-20T10:00:00+02:00'),
        path: bookingPath(c, g.groupId),
        // Mostly free slots (contended), some already taken ones.
        body: { slotId: i % 10 === 9 ? (ids[i % 40] ?? '') : (free[i % 24] ?? ''), mode: 'remote' },
      };
    });
    const moveStart = Date.now();
    const moved = await Promise.all(moves.map((m) => withTryAgain(() => m.client.put(m.path, m.body))));
    const moveMs = Date.now() - moveStart;
    expectLosersNamed(moved, /^(slot_taken|booking_changed|try_again)$/);
    const wins = moved.filter((r) => r.status === 200 && r.body.status === 'booked');
    expect(wins.length).toBeGreaterThan(0);
    const after = await expectInvariants(c, 40);
    // Still the same 40 groups, each with one slot: one it won by a move, or its first one if every move lost.
    expect(new Set(after.taken.map((s) => s.groupId))).toEqual(bookedGroups);
    const first = new Map(taken.map((s) => [s.groupId, s.slotId]));
    for (const m of after.held) {
      const won = wins.filter((r) => r.body.groupId === m.groupId).map((r) => r.body.slotId as string);
      expect(won.length ? won : [first.get(m.groupId)], m.groupId).toContain(m.slotId);
    }
    // Its mails (an invite per member per booking and move) go out before the next file runs: a
    // backlog in the one local sender would hold up that file's own mail.
    const drainStarted = Date.now();
    await expect
      .poll(async () => (await outboxOf(deps, c.courseId)).filter((o) => o.status !== 'sent').length, {
        timeout: 90_000,
        interval: 500,
      })
      .toBe(0);
    console.log(
      `booking storm: setup ${setupMs} ms, 200 bookings in ${stormMs} ms, 50 moves in ${moveMs} ms, try_again answers ${tryAgains}, mail drained in ${Date.now() - drainStarted} ms`,
    );
  }, 180_000);
});
