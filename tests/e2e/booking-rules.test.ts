import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { stackDeps } from '../support/stack-deps.js';
import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import '../../shared/runtime/db-client.js';
import { listSlots } from '../../shared/store/slot-repo.js';
import type { ApiResponse, Loose } from '../support/api.js';
import { ADMIN } from '../support/course-fixture.js';
import { mailFor, waitForMail } from '../support/mailbox.js';
import {
  BOOKING_OPEN,
  bookingPath,
  courseWithGroups,
  ddbCalls,
  icsAttachment,
  layOut,
  parseIcs,
  type SlotCourse,
} from '../support/slot-fixture.js';

const deps = stackDeps();
const MAY_15 = [{ date: '2023-05-15', start: '09:00', end: '11:00', room: 'C103' }];

const setUp = async (groups = 2, overrides?: Parameters<typeof courseWithGroups>[0]['overrides']) => {
  const c = await courseWithGroups({ groups, ...(overrides ? { overrides } : {}) });
  await layOut(c, MAY_15);
  const member = (g: number, m = 0, at = BOOKING_OPEN) => c.api.as(c.groups[g]?.members[m]).at(at);
  const gid = (g: number) => c.groups[g]?.groupId ?? '';
  return { c, member, gid };
};

const tableOf = async (c: SlotCourse) => {
  const slots = await listSlots(deps, c.courseId);
  const audit =
    (
      await deps.db.send(
        new QueryCommand({
          TableName: deps.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `COURSE#${c.courseId}#AUDIT` },
        }),
      )
    ).Items ?? [];
  return { slots, taken: slots.filter((s) => s.groupId), audit };
};

describe('booking a presentation slot', () => {
  it('books for the group: 201, /me, an .ics for every member at 07:00Z, GET booking.ics the same event', async () => {
    const { c, member, gid } = await setUp(1);
    const res = await member(0).put(bookingPath(c, gid(0)), { slotId: '2023-05-15T09:00', mode: 'remote' });
    expect(res.status, res.text).toBe(201);
    expect(ddbCalls(res)).toBeLessThanOrEqual(3);
    expect(res.body).toMatchObject({
      groupId: gid(0),
      status: 'booked',
      slotId: '2023-05-15T09:00',
      start: '2023-05-15T09:00:00+02:00',
      end: '2023-05-15T09:30:00+02:00',
      mode: 'remote',
      meetingUrl: demoCourse.presentations.meetingUrl,
      sequence: 0,
      changeUntil: '2023-05-13T09:00:00+02:00',
      timeZone: 'Europe/Paris',
    });
    const me = await member(0, 2).get(`/courses/${c.courseId}/me`);
    expect(me.body.booking).toEqual({
      slotId: '2023-05-15T09:00',
      start: '2023-05-15T09:00:00+02:00',
      end: '2023-05-15T09:30:00+02:00',
      room: 'C103',
      mode: 'remote',
      meetingUrl: demoCourse.presentations.meetingUrl,
    });
    let uid = '';
    for (const m of c.groups[0]?.members ?? []) {
      const mail = await waitForMail(m, (x) => x.subject.includes('Presentation booked'));
      expect(mail).toHaveLength(1);
      expect(mail[0]?.subject).toContain('Monday 15 May 2023, 09:00 (Europe/Paris)');
      expect(mail[0]?.body.text).toContain(`Meeting link: ${demoCourse.presentations.meetingUrl}`);
      expect(mail[0]?.attachments[0]?.contentType).toContain('text/calendar');
      const ics = parseIcs(icsAttachment(mail[0]!));
      expect(ics).toMatchObject({
        method: 'REQUEST',
        status: 'CONFIRMED',
        sequence: 0,
        start: '2023-05-15T07:00:00.000Z',
        end: '2023-05-15T07:30:00.000Z',
        tzid: 'Europe/Paris',
        location: demoCourse.presentations.meetingUrl,
      });
      expect(ics.text).toContain('DTSTART;TZID=Europe/Paris:20230515T090000');
      // Written by the put-booking bundle from its own folder: the zone's rules travel with it.
      expect(ics.text).toMatch(/BEGIN:VTIMEZONE\r?\nTZID:Europe\/Paris/);
      uid = ics.uid;
    }
    const file = await member(0, 1).get(`${bookingPath(c, gid(0))}.ics`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/calendar');
    expect(file.text).toMatch(/BEGIN:VTIMEZONE\r?\nTZID:Europe\/Paris/);
    expect(parseIcs(file.text)).toMatchObject({
      uid,
      sequence: 0,
      method: 'REQUEST',
      start: '2023-05-15T07:00:00.000Z',
    });
    expect((await c.teacher.get(`${bookingPath(c, gid(0))}.ics`)).status).toBe(200);
  });

  it('moves (same UID, SEQUENCE 1, old slot free) and cancels (METHOD:CANCEL, SEQUENCE 2)', async () => {
    const { c, member, gid } = await setUp(1);
    const path = bookingPath(c, gid(0));
    expect((await member(0).put(path, { slotId: '2023-05-15T09:00', mode: 'in-person' })).status).toBe(201);
    const moved = await member(0, 1).put(path, { slotId: '2023-05-15T10:30', mode: 'in-person' });
    expect(moved.status, moved.text).toBe(200);
    expect(ddbCalls(moved)).toBeLessThanOrEqual(3);
    expect(moved.body).toMatchObject({ slotId: '2023-05-15T10:30', sequence: 1 });
    let t = await tableOf(c);
    expect(t.taken.map((s) => [s.slotId, s.groupId])).toEqual([['2023-05-15T10:30', gid(0)]]);
    const movedMail = await waitForMail(c.groups[0]?.members[2] ?? '', (x) => x.subject.includes('moved'));
    const movedIcs = parseIcs(icsAttachment(movedMail[0]!));
    expect(movedIcs).toMatchObject({ sequence: 1, start: '2023-05-15T08:30:00.000Z', location: 'C103' });
    expect(movedMail[0]?.body.text).toContain('Was: Monday 15 May 2023, 09:00 (Europe/Paris)');

    // Same slot, other mode: an update of the same event.
    const mode = await member(0, 2).put(path, { slotId: '2023-05-15T10:30', mode: 'remote' });
    expect(mode.body).toMatchObject({ mode: 'remote', sequence: 2 });
    // Mails leave through the outbox, a moment after the commit: wait for the update's.
    await waitForMail(
      c.groups[0]?.members[0] ?? '',
      (x) => x.attachments.length > 0 && parseIcs(icsAttachment(x)).sequence === 2,
    );
    // Same slot and mode again: nothing to do, nothing sent.
    const before = (await mailFor(c.groups[0]?.members[0] ?? '')).length;
    const same = await member(0, 2).put(path, { slotId: '2023-05-15T10:30', mode: 'remote' });
    expect(same.status).toBe(200);
    expect(same.body.sequence).toBe(2);

    const cancel = await member(0).delete(path);
    expect(cancel.status, cancel.text).toBe(200);
    expect(ddbCalls(cancel)).toBeLessThanOrEqual(3);
    expect(cancel.body).toMatchObject({ status: 'cancelled', slotId: '2023-05-15T10:30', sequence: 3 });
    for (const m of c.groups[0]?.members ?? []) {
      const mail = await waitForMail(m, (x) => x.subject.includes('cancelled'));
      const ics = parseIcs(icsAttachment(mail[0]!));
      expect(ics).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 3, uid: movedIcs.uid });
      expect(ics.start).toBe('2023-05-15T08:30:00.000Z');
    }
    expect((await mailFor(c.groups[0]?.members[0] ?? '')).length).toBe(before + 1);
    const file = parseIcs((await member(0, 1).get(`${path}.ics`)).text);
    expect(file).toMatchObject({ method: 'CANCEL', sequence: 3, uid: movedIcs.uid });
    expect((await member(0).get(`/courses/${c.courseId}/me`)).body.booking).toBeNull();
    t = await tableOf(c);
    expect(t.taken).toEqual([]);
    expect((await member(0).delete(path)).status).toBe(404);
  });

  it('keeps one group per slot and one slot per group (409 slot_taken)', async () => {
    const { c, member, gid } = await setUp(2);
    expect(
      (await member(0).put(bookingPath(c, gid(0)), { slotId: '2023-05-15T09:00', mode: 'in-person' })).status,
    ).toBe(201);
    const taken = await member(1).put(bookingPath(c, gid(1)), {
      slotId: '2023-05-15T09:00',
      mode: 'in-person',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('slot_taken');
    expect(taken.body.error.message).toContain('Monday 15 May 2023, 09:00 (Europe/Paris)');
    const t = await tableOf(c);
    expect(t.taken.map((s) => s.groupId)).toEqual([gid(0)]);
  });

  it('opens on bookingOpens and closes on bookingCloses (403 naming the deadline in course time)', async () => {
    const { c, member, gid } = await setUp(1);
    const body = { slotId: '2023-05-15T09:00', mode: 'in-person' };
    const early = await member(0, 0, '2023-04-03T08:59:00+02:00').put(bookingPath(c, gid(0)), body);
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('deadline_passed');
    expect(early.body.error.message).toContain('Booking opens on Monday 3 April 2023, 09:00 (Europe/Paris)');
    const late = await member(0, 0, '2023-05-01T00:00:00+02:00').put(bookingPath(c, gid(0)), body);
    expect(late.status).toBe(403);
    expect(late.body.error.message).toContain('Booking closed on Sunday 30 April 2023, 23:59 (Europe/Paris)');
    expect((await tableOf(c)).taken).toEqual([]);
    expect((await member(0, 0, '2023-04-03T09:00:00+02:00').put(bookingPath(c, gid(0)), body)).status).toBe(
      201,
    );
  });

  it('allows moving and cancelling until 48 h before the slot, then only instructors with a reason (audited)', async () => {
    const { c, member, gid } = await setUp(1);
    const path = bookingPath(c, gid(0));
    expect((await member(0).put(path, { slotId: '2023-05-15T09:00', mode: 'in-person' })).status).toBe(201);
    // After bookingCloses but more than 48 h before: a move is still allowed.
    const early = await member(0, 0, '2023-05-13T08:00:00+02:00').put(path, {
      slotId: '2023-05-15T10:00',
      mode: 'in-person',
    });
    expect(early.status, early.text).toBe(200);
    const tooLate = '2023-05-13T10:45:00+02:00';
    const move = await member(0, 0, tooLate).put(path, { slotId: '2023-05-15T10:30', mode: 'in-person' });
    expect(move.status).toBe(403);
    expect(move.body.error.message).toContain(
      'until Saturday 13 May 2023, 10:00 (Europe/Paris), 48 h before',
    );
    const cancel = await member(0, 0, tooLate).delete(path);
    expect(cancel.status).toBe(403);
    expect((await tableOf(c)).taken.map((s) => s.slotId)).toEqual(['2023-05-15T10:00']);

    const teacher = c.teacher.at(tooLate);
    const noReason = await teacher.put(path, { slotId: '2023-05-15T10:30', mode: 'in-person' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('reason_required');
    expect(noReason.body.error.issues).toEqual([
      { path: 'body.reason', message: 'required for an instructor override' },
    ]);
    const override = await teacher.put(path, {
      slotId: '2023-05-15T10:30',
      mode: 'in-person',
      reason: 'Member ill on the 15th at 10:00',
    });
    expect(override.status, override.text).toBe(200);
    expect(ddbCalls(override)).toBeLessThanOrEqual(3);
    const mail = await waitForMail(
      c.groups[0]?.members[1] ?? '',
      (x) => x.body.text?.includes('Member ill') ?? false,
    );
    expect(mail[0]?.body.text).toContain(`Changed by: ${c.instructor}`);
    expect((await teacher.delete(path)).status).toBe(400);
    const cancelled = await teacher.delete(`${path}?reason=${encodeURIComponent('Group withdrew')}`);
    expect(cancelled.status).toBe(200);
    const { audit, taken } = await tableOf(c);
    expect(taken).toEqual([]);
    // Both at the same instant (x-examdesk-now): order them by action.
    const bookingAudit = audit
      .filter((a) => String(a.action).startsWith('booking.'))
      .sort((a, b) => String(b.action).localeCompare(String(a.action)));
    expect(bookingAudit.map((a) => [a.action, a.actor, a.target, a.reason])).toEqual([
      ['booking.move', c.instructor, gid(0), 'Member ill on the 15th at 10:00'],
      ['booking.cancel', c.instructor, gid(0), 'Group withdrew'],
    ]);
    expect(bookingAudit[0]).toMatchObject({
      before: { slotId: '2023-05-15T10:00', mode: 'in-person' },
      after: { slotId: '2023-05-15T10:30', mode: 'in-person' },
    });
  });

  it('refuses a slot starting within 48 h to students', async () => {
    const { c, member, gid } = await setUp(1);
    const res = await member(0, 0, '2023-04-30T12:00:00+02:00').put(bookingPath(c, gid(0)), {
      slotId: '2023-05-15T09:00',
      mode: 'in-person',
    });
    expect(res.status).toBe(201);
    const c2 = await courseWithGroups({ groups: 1 });
    await layOut(c2, [{ date: '2023-04-30', start: '09:00', end: '10:00' }]);
    const near = await c2.api
      .as(c2.groups[0]?.members[0])
      .at('2023-04-29T10:00:00+02:00')
      .put(bookingPath(c2, c2.groups[0]?.groupId ?? ''), { slotId: '2023-04-30T09:00', mode: 'in-person' });
    expect(near.status).toBe(403);
    expect(near.body.error.message).toContain('could be booked until Friday 28 April 2023, 09:00');
  });

  it('refuses an incomplete group (409) unless the course allows it; the transaction checks it too', async () => {
    const c = await courseWithGroups({ groups: 2, size: 2, overrides: { groups: { minSize: 2 } } });
    await layOut(c, MAY_15);
    // The instructors raise the minimum to 3 after the groups were formed.
    const admin = c.api.as(ADMIN, { groups: ['admins'] });
    const course = await admin.get(`/courses/${c.courseId}`);
    const raise = await admin.put(`/courses/${c.courseId}`, {
      ...course.body.config,
      groups: { ...course.body.config.groups, minSize: 3 },
    });
    expect(raise.status, raise.text).toBe(200);
    const member = c.api.as(c.groups[0]?.members[0]).at(BOOKING_OPEN);
    const res = await member.put(bookingPath(c, c.groups[0]?.groupId ?? ''), {
      slotId: '2023-05-15T09:00',
      mode: 'in-person',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('group_incomplete');
    expect(res.body.error.message).toContain('at least 3 members');
    // An instructor may book it anyway, with a reason.
    const teacher = c.teacher.at(BOOKING_OPEN);
    const group1 = bookingPath(c, c.groups[1]?.groupId ?? '');
    expect((await teacher.put(group1, { slotId: '2023-05-15T09:30', mode: 'in-person' })).status).toBe(400);
    expect(
      (
        await teacher.put(group1, {
          slotId: '2023-05-15T09:30',
          mode: 'in-person',
          reason: 'Third member left',
        })
      ).status,
    ).toBe(201);
    // With requireCompleteGroup false, the group books by itself.
    const relax = await admin.put(`/courses/${c.courseId}`, {
      ...course.body.config,
      groups: { ...course.body.config.groups, minSize: 3 },
      presentations: { ...course.body.config.presentations, requireCompleteGroup: false },
    });
    expect(relax.status).toBe(200);
    expect(
      (
        await member.put(bookingPath(c, c.groups[0]?.groupId ?? ''), {
          slotId: '2023-05-15T09:00',
          mode: 'in-person',
        })
      ).status,
    ).toBe(201);
  });

  it('answers bad input with a clear 400/403/404/409 and writes nothing', async () => {
    const { c, member, gid } = await setUp(2);
    const other = await courseWithGroups({ groups: 1 });
    await layOut(other, [{ date: '2023-05-22', start: '09:00', end: '09:30', modes: ['in-person'] }]);
    const path = bookingPath(c, gid(0));
    const cases: [string, () => Promise<ApiResponse<Loose>>, number, string][] = [
      [
        'malformed slot id',
        () => member(0).put(path, { slotId: '15/05 9h', mode: 'in-person' }),
        400,
        'invalid_input',
      ],
      [
        'impossible slot id',
        () => member(0).put(path, { slotId: '2023-05-32T09:00', mode: 'in-person' }),
        400,
        'invalid_input',
      ],
      [
        'unknown mode',
        () => member(0).put(path, { slotId: '2023-05-15T09:00', mode: 'hybrid' }),
        400,
        'invalid_input',
      ],
      [
        'unknown field',
        () => member(0).put(path, { slotId: '2023-05-15T09:00', mode: 'remote', groupId: 'x' }),
        400,
        'invalid_input',
      ],
      [
        'malformed group id',
        () =>
          member(0).put(`/courses/${c.courseId}/groups/nope/booking`, {
            slotId: '2023-05-15T09:00',
            mode: 'remote',
          }),
        400,
        'invalid_input',
      ],
      [
        'slot of another course',
        () => member(0).put(path, { slotId: '2023-05-22T09:00', mode: 'in-person' }),
        404,
        'not_found',
      ],
      [
        'unknown group',
        () =>
          member(0).put(`/courses/${c.courseId}/groups/g_AAAAAAAAAAAAAAAAAAAA/booking`, {
            slotId: '2023-05-15T09:00',
            mode: 'remote',
          }),
        404,
        'not_found',
      ],
      [
        'another group',
        () => member(1).put(path, { slotId: '2023-05-15T09:00', mode: 'remote' }),
        403,
        'forbidden',
      ],
      [
        'a stranger',
        () =>
          c.api
            .as('stranger@uni.example')
            .at(BOOKING_OPEN)
            .put(path, { slotId: '2023-05-15T09:00', mode: 'remote' }),
        403,
        'forbidden',
      ],
    ];
    for (const [name, send, status, code] of cases) {
      const res = await send();
      expect(res.status, `${name}: ${res.text}`).toBe(status);
      expect(res.body.error.code, name).toBe(code);
      expect(res.body.error.message.length, name).toBeGreaterThan(0);
    }
    // A mode the slot does not allow.
    const remoteOnly = await layOut(c, [
      ...MAY_15,
      { date: '2023-05-16', start: '09:00', end: '09:30', modes: ['remote'] },
    ]);
    expect(remoteOnly.added).toBe(1);
    const mode = await member(0).put(path, { slotId: '2023-05-16T09:00', mode: 'in-person' });
    expect(mode.status).toBe(400);
    expect(mode.body.error.code).toBe('mode_not_offered');
    expect(mode.body.error.issues[0].path).toBe('body.mode');
    expect((await other.teacher.get(`/courses/${other.courseId}/slots`)).body[0].available).toBe(true);
    expect((await tableOf(c)).taken).toEqual([]);
    expect((await member(0).get(`${path}.ics`)).status).toBe(404);
    expect((await member(1).get(`${path}.ics`)).status).toBe(403);
    expect((await member(0).delete(path)).status).toBe(404);
  });
});

describe('a booked group that empties', () => {
  it('gives its slot back in the same transaction', async () => {
    const { courseWithGroups, layOut, bookingPath, BOOKING_OPEN } =
      await import('../support/slot-fixture.js');
    const c = await courseWithGroups({ groups: 1 });
    await layOut(c, [{ date: '2023-05-15', start: '09:00', end: '10:00', modes: ['in-person'] }]);
    const g = c.groups[0]!;
    const booked = await c.api.as(g.members[0]).at(BOOKING_OPEN).put(bookingPath(c, g.groupId), {
      slotId: '2023-05-15T09:00',
      mode: 'in-person',
    });
    expect(booked.status).toBe(201);
    for (const m of g.members) {
      const res = await c.teacher
        .at(BOOKING_OPEN)
        .delete(
          `/courses/${c.courseId}/groups/${g.groupId}/members/${encodeURIComponent(m)}?reason=dropped%20the%20course`,
        );
      expect(res.status).toBe(200);
    }
    const slots = await c.teacher.get(`/courses/${c.courseId}/slots`);
    expect(slots.body.find((x: { slotId: string }) => x.slotId === '2023-05-15T09:00')).toMatchObject({
      available: true,
      groupId: null,
    });
  });
});
