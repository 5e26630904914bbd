import { describe, expect, it } from 'vitest';
import { Api } from '../support/api.js';
import { createCourse } from '../support/course-fixture.js';
import { CLOSED, DEADLINE_TEXT, OPEN, ddbCalls, ddbOps, formGroup } from './groups-support.js';

type Listed = { email: string; name: string; note: string | null };

describe('classmates looking for a group (opt-in only)', () => {
  it('lists only students who opted in and are in no group; opting out and joining a group drop them', async () => {
    const c = await createCourse({ students: 6 });
    const [s0 = '', s1 = '', s2 = '', , s4 = '', s5 = ''] = c.students;
    const looking = (i: number, body: Record<string, unknown>) =>
      c.student(i).at(OPEN).put(`/courses/${c.courseId}/me/looking`, body);
    const list = async (caller = c.student(5)) => {
      const res = await caller.at(OPEN).get(`/courses/${c.courseId}/looking`);
      expect(res.status, res.text).toBe(200);
      return res;
    };

    // Nobody opted in yet: the access read and the Query of the opt-ins, nothing else.
    const empty = await list();
    expect(empty.body).toEqual({ students: [] });
    expect(ddbCalls(empty)).toBe(2);

    const in0 = await looking(0, { looking: true, note: '  Good at PyTorch, free on Tuesdays  ' });
    expect(in0.status, in0.text).toBe(200);
    // The access read and one Put.
    expect(ddbCalls(in0)).toBe(2);
    expect(in0.body).toEqual({ looking: true, note: 'Good at PyTorch, free on Tuesdays' });
    expect((await looking(1, { looking: true })).body).toEqual({ looking: true, note: null });
    expect((await looking(2, { looking: true, note: 'anyone?' })).status).toBe(200);
    // Student 3 opts in then out; students 4 and 5 never opt in.
    expect((await looking(3, { looking: true, note: 'secret plans' })).status).toBe(200);
    const out3 = await looking(3, { looking: false });
    expect(out3.status).toBe(200);
    expect(out3.body).toEqual({ looking: false, note: null });
    expect(ddbCalls(out3)).toBe(2);

    const res = await list();
    // The access read, the Query of the opt-ins and one BatchGet of their roster entries.
    expect(ddbCalls(res)).toBe(3);
    expect(ddbOps(res)).not.toContain('Scan');
    expect(res.body.students).toEqual([
      { email: s0, name: 'Student 1', note: 'Good at PyTorch, free on Tuesdays' },
      { email: s1, name: 'Student 2', note: null },
      { email: s2, name: 'Student 3', note: 'anyone?' },
    ] satisfies Listed[]);
    // Nothing about those who never opted in or opted out, their notes included.
    for (const secret of [c.students[3] ?? '', s4, s5, 'secret plans'])
      expect(res.text).not.toContain(secret);

    // Instructors see the same list.
    const teacher = await list(c.teacher);
    expect(teacher.body).toEqual(res.body);

    // Students 0, 4, 5 form a group: student 0 drops off, though their opt-in item remains.
    await formGroup(c, [0, 4, 5]);
    expect((await list(c.student(1))).body.students.map((s: Listed) => s.email)).toEqual([s1, s2]);

    // Grouped, they may not opt in again (409), but may still opt out.
    const again = await looking(0, { looking: true });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_in_group');
    expect(again.body.error.message).toContain('already in group');
    expect((await looking(0, { looking: false })).status).toBe(200);
  });

  it('refuses strangers (403), instructors opting in (403), bad notes (400) and changes after the deadline (403)', async () => {
    const c = await createCourse({ students: 3 });
    const path = `/courses/${c.courseId}/me/looking`;
    const api = new Api();
    const stranger = api.as('stranger@elsewhere.example').at(OPEN);
    expect((await stranger.get(`/courses/${c.courseId}/looking`)).status).toBe(403);
    expect((await stranger.put(path, { looking: true })).status).toBe(403);
    // Only roster students opt in: an instructor is not looking for a group.
    expect((await c.teacher.at(OPEN).put(path, { looking: true })).status).toBe(403);

    const bad: { name: string; body: Record<string, unknown>; path: string }[] = [
      { name: 'a NUL character', body: { looking: true, note: 'hi\u0000there' }, path: 'body.note' },
      { name: 'a note too long', body: { looking: true, note: 'x'.repeat(301) }, path: 'body.note' },
      { name: 'a line break', body: { looking: true, note: 'one\ntwo' }, path: 'body.note' },
      { name: 'no looking', body: { note: 'hi' }, path: 'body.looking' },
      { name: 'a string for looking', body: { looking: 'yes' }, path: 'body.looking' },
      { name: 'an unknown field', body: { looking: true, email: c.students[1] }, path: 'body.email' },
    ];
    for (const k of bad) {
      const res = await c.student(0).at(OPEN).put(path, k.body);
      expect(res.status, k.name).toBe(400);
      expect(
        res.body.error.issues.map((i: { path: string }) => i.path),
        k.name,
      ).toContain(k.path);
    }
    // A note of exactly 300 characters is fine.
    expect(
      (
        await c
          .student(0)
          .at(OPEN)
          .put(path, { looking: true, note: 'x'.repeat(300) })
      ).status,
    ).toBe(200);

    const late = await c.student(1).at(CLOSED).put(path, { looking: true });
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe('deadline_passed');
    expect(late.body.error.message).toContain(DEADLINE_TEXT);
    // Withdrawing is never closed: a student may take their details off the list at any time.
    const optOut = await c.student(0).at(CLOSED).put(path, { looking: false });
    expect(optOut.status).toBe(200);
    const afterOptOut = await c.student(2).at(OPEN).get(`/courses/${c.courseId}/looking`);
    expect(afterOptOut.body.students).toEqual([]);
    await c.student(0).at(OPEN).put(path, { looking: true });
    const listed = await c.student(2).at(OPEN).get(`/courses/${c.courseId}/looking`);
    expect(listed.body.students.map((s: Listed) => s.email)).toEqual([c.students[0]]);
    expect((await new Api().as(undefined).get(`/courses/${c.courseId}/looking`)).status).toBe(401);
  });
});
