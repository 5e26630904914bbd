import { describe, expect, it } from 'vitest';
import { stackDeps } from '../support/stack-deps.js';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import '../../shared/runtime/db-client.js';
import { createCourse } from '../support/course-fixture.js';
import { waitForMail } from '../support/mailbox.js';
import {
  BOOKING_OPEN,
  bookingPath,
  courseWithGroups,
  ddbCalls,
  icsAttachment,
  layOut,
  parseIcs,
} from '../support/slot-fixture.js';

const deps = stackDeps();

const auditOf = async (courseId: string) =>
  (
    await deps.db.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `COURSE#${courseId}#AUDIT` },
      }),
    )
  ).Items ?? [];

describe('laying out presentation days', () => {
  it('cuts days into 30-minute slots in Paris time; students see free/taken, instructors also the group', async () => {
    const c = await courseWithGroups({ groups: 1, students: 8 });
    const laid = await layOut(c, [
      { date: '2023-05-15', start: '09:00', end: '10:30', room: 'C103' },
      { date: '2023-05-16', start: '14:00', end: '15:00', modes: ['remote'] },
    ]);
    expect(laid.added).toBe(5);
    expect(laid.slots.map((s: { slotId: string }) => s.slotId)).toEqual([
      '2023-05-15T09:00',
      '2023-05-15T09:30',
      '2023-05-15T10:00',
      '2023-05-16T14:00',
      '2023-05-16T14:30',
    ]);
    const member = c.api.as(c.groups[0]?.members[0]).at(BOOKING_OPEN);
    const book = await member.put(bookingPath(c, c.groups[0]?.groupId ?? ''), {
      slotId: '2023-05-15T09:30',
      mode: 'in-person',
    });
    expect(book.status, book.text).toBe(201);

    const asStudent = await c.student(5).get(`/courses/${c.courseId}/slots`);
    expect(asStudent.status).toBe(200);
    expect(ddbCalls(asStudent)).toBeLessThanOrEqual(3);
    expect(asStudent.body[0]).toEqual({
      slotId: '2023-05-15T09:00',
      start: '2023-05-15T09:00:00+02:00',
      end: '2023-05-15T09:30:00+02:00',
      room: 'C103',
      modes: ['in-person', 'remote'],
      available: true,
      yours: false,
    });
    expect(asStudent.body[1]).toMatchObject({ slotId: '2023-05-15T09:30', available: false, yours: false });
    expect(asStudent.body[1]).not.toHaveProperty('groupId');
    expect(JSON.stringify(asStudent.body)).not.toContain(c.groups[0]?.groupId);
    expect(asStudent.body[3]).toMatchObject({ room: null, modes: ['remote'] });
    expect((await member.get(`/courses/${c.courseId}/slots`)).body[1].yours).toBe(true);

    const asTeacher = await c.teacher.get(`/courses/${c.courseId}/slots`);
    expect(asTeacher.body[1]).toMatchObject({
      available: false,
      groupId: c.groups[0]?.groupId,
      mode: 'in-person',
    });
    expect(asTeacher.body[0]).toMatchObject({ available: true, groupId: null });
  });

  it('refuses bad windows with a 400 listing each, and writes nothing', async () => {
    const c = await createCourse({ students: 3 });
    await layOut(c, [{ date: '2023-05-15', start: '09:00', end: '10:00' }]);
    const res = await c.teacher.put(`/courses/${c.courseId}/slots`, {
      days: [
        { date: '2023-05-15', start: '11:00', end: '10:00' },
        { date: '2023-05-16', start: '09:00', end: '09:45' },
        { date: '2023-05-17', start: '9:00', end: '10:00' },
        { date: '2023-02-30', start: '09:00', end: '10:00' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.days[2].start',
      'body.days[3].date',
    ]);
    // Fields right, windows wrong: the rules speak next.
    const rules = await c.teacher.put(`/courses/${c.courseId}/slots`, {
      days: [
        { date: '2023-05-15', start: '11:00', end: '10:00' },
        { date: '2023-05-16', start: '09:00', end: '09:45' },
      ],
    });
    expect(rules.status).toBe(400);
    expect(rules.body.error.code).toBe('invalid_layout');
    expect(rules.body.error.issues).toEqual([
      { path: 'body.days[0].end', message: 'end (10:00) must be after start (11:00)' },
      {
        path: 'body.days[1].end',
        message: '09:00–09:45 is 45 minutes, not a whole number of 30-minute slots',
      },
    ]);
    const list = await c.teacher.get(`/courses/${c.courseId}/slots`);
    expect(list.body.map((s: { slotId: string }) => s.slotId)).toEqual([
      '2023-05-15T09:00',
      '2023-05-15T09:30',
    ]);
  });

  it('writes a layout in one transaction (≤ 3 DynamoDB calls); a larger change is laid out in steps', async () => {
    const c = await createCourse({ students: 3 });
    const week = ['2023-05-15', '2023-05-16', '2023-05-17', '2023-05-18', '2023-05-19'].map((date) => ({
      date,
      start: '08:00',
      end: '18:00',
    }));
    const all = await c.teacher.put(`/courses/${c.courseId}/slots`, { days: week });
    expect(all.status).toBe(400);
    expect(all.body.error.code).toBe('too_many_changes');
    expect((await c.teacher.get(`/courses/${c.courseId}/slots`)).body).toEqual([]);
    const first = await c.teacher.put(`/courses/${c.courseId}/slots`, { days: week.slice(0, 3) });
    expect(first.status).toBe(200);
    expect(ddbCalls(first)).toBeLessThanOrEqual(3);
    expect(first.headers.get('x-examdesk-ddb-ops')).toBe('BatchGetItem,Query,TransactWriteItems');
    const rest = await c.teacher.put(`/courses/${c.courseId}/slots`, { days: week });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ added: 40, updated: 0, removed: 0 });
    expect(rest.body.slots).toHaveLength(100);
    const same = await c.teacher.put(`/courses/${c.courseId}/slots`, { days: week });
    expect(same.body).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(ddbCalls(same)).toBe(2);
  });

  it('is for instructors only', async () => {
    const c = await createCourse({ students: 3 });
    const res = await c.student(0).put(`/courses/${c.courseId}/slots`, {
      days: [{ date: '2023-05-15', start: '09:00', end: '10:00' }],
    });
    expect(res.status).toBe(403);
    expect((await c.teacher.get(`/courses/${c.courseId}/slots`)).body).toEqual([]);
  });

  it('keeps bookings when re-laid; refuses to drop a booked slot unless forced with a reason, then emails the group', async () => {
    const c = await courseWithGroups({ groups: 1 });
    const g = c.groups[0] ?? { groupId: '', members: [] };
    await layOut(c, [{ date: '2023-05-15', start: '09:00', end: '10:00', room: 'C103' }]);
    const member = c.api.as(g.members[0]).at(BOOKING_OPEN);
    expect(
      (await member.put(bookingPath(c, g.groupId), { slotId: '2023-05-15T09:30', mode: 'in-person' })).status,
    ).toBe(201);

    // Re-laid with a new room and an extra day: the booking stays, the group gets the new room.
    const relaid = await layOut(c, [
      { date: '2023-05-15', start: '09:00', end: '10:00', room: 'B201' },
      { date: '2023-05-16', start: '09:00', end: '09:30' },
    ]);
    expect(relaid).toMatchObject({ added: 1, updated: 2, removed: 0, released: [] });
    const me = await member.get(`/courses/${c.courseId}/me`);
    expect(me.body.booking).toMatchObject({ slotId: '2023-05-15T09:30', room: 'B201' });
    const changed = await waitForMail(g.members[1] ?? '', (m) => m.subject.includes('details changed'));
    expect(parseIcs(icsAttachment(changed[0]!)).location).toBe('B201');

    // Dropping the booked slot: 409 naming it, nothing written.
    const drop = await c.teacher.put(`/courses/${c.courseId}/slots`, {
      days: [{ date: '2023-05-16', start: '09:00', end: '09:30' }],
    });
    expect(drop.status).toBe(409);
    expect(drop.body.error.code).toBe('slot_booked');
    expect(drop.body.error.message).toContain('2023-05-15T09:30');
    expect((await c.teacher.get(`/courses/${c.courseId}/slots`)).body).toHaveLength(3);
    // Restricting the booked slot to a mode the group did not choose is dropping it too.
    const narrow = await c.teacher.put(`/courses/${c.courseId}/slots`, {
      days: [{ date: '2023-05-15', start: '09:00', end: '10:00', modes: ['remote'] }],
    });
    expect(narrow.status).toBe(409);

    const noReason = await c.teacher.put(`/courses/${c.courseId}/slots`, {
      days: [{ date: '2023-05-16', start: '09:00', end: '09:30' }],
      force: true,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues).toEqual([
      { path: 'body.reason', message: 'a reason is required with force: true' },
    ]);

    const forced = await layOut(c, [{ date: '2023-05-16', start: '09:00', end: '09:30' }], {
      force: true,
      reason: 'Room closed on 15 May',
    });
    expect(forced).toMatchObject({
      removed: 2,
      released: [{ slotId: '2023-05-15T09:30', groupId: g.groupId }],
    });
    expect((await member.get(`/courses/${c.courseId}/me`)).body.booking).toBeNull();
    for (const m of g.members) {
      const mail = await waitForMail(m, (x) => x.subject.includes('withdrawn'));
      expect(mail[0]?.body.text).toContain('Reason: Room closed on 15 May');
      const ics = parseIcs(icsAttachment(mail[0]!));
      expect(ics).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 2 });
      expect(ics.start).toBe('2023-05-15T07:30:00.000Z');
    }
    const audit = await auditOf(c.courseId);
    expect(audit.find((a) => a.action === 'slots.layout.force')).toMatchObject({
      actor: c.instructor,
      reason: 'Room closed on 15 May',
      before: [{ slotId: '2023-05-15T09:30', groupId: g.groupId, mode: 'in-person' }],
    });
    // The group can book again; its invite continues the same UID at a higher SEQUENCE.
    const again = await member.put(bookingPath(c, g.groupId), { slotId: '2023-05-16T09:00', mode: 'remote' });
    expect(again.status).toBe(201);
    expect(again.body.sequence).toBe(3);
  });
});
