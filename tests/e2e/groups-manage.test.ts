import { describe, expect, it } from 'vitest';
import { createCourse } from '../support/course-fixture.js';
import { waitForMail } from '../support/mailbox.js';
import { CLOSED, DEADLINE_TEXT, OPEN, emailsOf, expectCheap, formGroup, snapshot } from './groups-support.js';

const enc = encodeURIComponent;

describe('PATCH /courses/{courseId}/groups/{groupId}', () => {
  it('moves the group to another paper: the seat moves with it and every member is emailed', async () => {
    const c = await createCourse({ students: 6, overrides: { groups: { maxGroupsPerPaper: 1 } } });
    const g = await formGroup(c, [0, 1, 2], 'ddim');
    const res = await c
      .student(1)
      .at(OPEN)
      .patch(`/courses/${c.courseId}/groups/${g.groupId}`, { paperId: 'ddrm' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.paperId).toBe('ddrm');
    expect(res.body.paper.title).toBe('Denoising Diffusion Restoration Models');
    expect(res.body.version).toBe(g.version + 1);
    expect(res.body.members.map((m: { name: string }) => m.name)).toEqual([
      'Student 1',
      'Student 2',
      'Student 3',
    ]);
    expectCheap(res);
    expect((await snapshot(c.courseId)).seats).toEqual({ ddrm: 1 });
    const list = await c.teacher.get(`/courses/${c.courseId}/groups`);
    const load = Object.fromEntries(
      list.body.papers.map((p: { id: string; groups: number }) => [p.id, p.groups]),
    );
    expect(load).toMatchObject({ ddim: 0, ddrm: 1 });
    for (const m of emailsOf(g)) {
      const mail = await waitForMail(m, (x) => x.subject.includes('Your group was changed'));
      expect(mail[0]?.body.text).toContain(
        'Paper changed from "Denoising Diffusion Implicit Models" to "Denoising Diffusion Restoration Models"',
      );
      expect(mail[0]?.body.text).toContain(DEADLINE_TEXT);
    }
    // The freed seat can be taken by another group; asking for the paper a group has changes nothing.
    expect((await formGroup(c, [3, 4, 5], 'ddim')).paperId).toBe('ddim');
    const same = await c
      .student(0)
      .at(OPEN)
      .patch(`/courses/${c.courseId}/groups/${g.groupId}`, { paperId: 'ddrm' });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(g.version + 1);
    expect((await snapshot(c.courseId)).seats).toEqual({ ddim: 1, ddrm: 1 });
  });

  it('refuses a paper that has no seat left with a 409 naming the paper', async () => {
    const c = await createCourse({ students: 6, overrides: { groups: { maxGroupsPerPaper: 1 } } });
    const a = await formGroup(c, [0, 1, 2], 'ddim');
    const b = await formGroup(c, [3, 4, 5], 'ddrm');
    const before = await snapshot(c.courseId);
    const res = await c
      .student(3)
      .at(OPEN)
      .patch(`/courses/${c.courseId}/groups/${b.groupId}`, { paperId: 'ddim' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('paper_full');
    expect(res.body.error.message).toContain('Denoising Diffusion Implicit Models');
    expect(await snapshot(c.courseId)).toEqual(before);
    expect(a.groupId).not.toBe(b.groupId);
  });

  it('an instructor adds members directly up to maxSize; each refusal names the member at fault; new members are emailed', async () => {
    const c = await createCourse({ students: 9 });
    const g = await formGroup(c, [0, 1, 2]);
    const other = await formGroup(c, [5, 6, 7]);
    const path = `/courses/${c.courseId}/groups/${g.groupId}`;
    const [s0 = '', s1 = '', , s3 = '', s4 = '', s5 = '', , , s8 = ''] = c.students;

    const elsewhere = await c.teacher.at(OPEN).patch(path, { addMembers: [s5] });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error.code).toBe('already_in_group');
    expect(elsewhere.body.error.message).toContain(s5);

    const here = await c.teacher.at(OPEN).patch(path, { addMembers: [s1] });
    expect(here.status).toBe(409);
    expect(here.body.error.message).toContain(s1);

    const tooMany = await c.teacher.at(OPEN).patch(path, { addMembers: [s3, s4] });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.code).toBe('group_full');
    expect(tooMany.body.error.message).toContain('at most 4 members');

    const added = await c.teacher.at(OPEN).patch(path, { addMembers: [s3] });
    expect(added.status, added.text).toBe(200);
    expect(emailsOf(added.body)).toEqual([s0, s1, c.students[2], s3]);
    expect(added.body.status).toBe('complete');
    expectCheap(added);
    const mail = await waitForMail(s3, (m) => m.subject.includes('Your group was changed'));
    expect(mail[0]?.body.text).toContain(`Added: Student 4 <${s3}>`);
    expect(mail[0]?.body.text).toContain(`Changed by ${c.instructor} (instructor)`);
    expect(mail[0]?.body.text).toContain('If you were added by mistake, leave the group');
    // Readable text, no API paths.
    expect(mail[0]?.body.text).not.toContain('/courses/');

    const full = await c.teacher.at(OPEN).patch(path, { addMembers: [s8] });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('group_full');
    const snap = await snapshot(c.courseId);
    expect(snap.grouped).toEqual({
      [s0]: g.groupId,
      [s1]: g.groupId,
      [c.students[2] ?? '']: g.groupId,
      [s3]: g.groupId,
      [s5]: other.groupId,
      [c.students[6] ?? '']: other.groupId,
      [c.students[7] ?? '']: other.groupId,
    });
    expect(snap.seats).toEqual({ ddim: 2 });
  });

  it('lets only members and instructors change a group', async () => {
    const c = await createCourse({ students: 7 });
    const g = await formGroup(c, [0, 1, 2]);
    await formGroup(c, [3, 4, 5]);
    const path = `/courses/${c.courseId}/groups/${g.groupId}`;
    for (const who of [3, 6]) {
      const res = await c.student(who).at(OPEN).patch(path, { paperId: 'ddrm' });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(c.students[who]);
    }
    const byTeacher = await c.teacher.at(OPEN).patch(path, { addMembers: [c.students[6]] });
    expect(byTeacher.status).toBe(200);
    expect(byTeacher.body.members).toHaveLength(4);
  });

  it('after the deadline: students get a 403 naming it; instructors need a reason', async () => {
    const c = await createCourse({ students: 5 });
    const g = await formGroup(c, [0, 1, 2]);
    const path = `/courses/${c.courseId}/groups/${g.groupId}`;
    const late = await c.student(0).at(CLOSED).patch(path, { paperId: 'ddrm' });
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe('deadline_passed');
    expect(late.body.error.message).toContain(DEADLINE_TEXT);
    const noReason = await c.teacher.at(CLOSED).patch(path, { paperId: 'ddrm' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('reason_required');
    expect(noReason.body.error.message).toContain(DEADLINE_TEXT);
    const withReason = await c.teacher
      .at(CLOSED)
      .patch(path, { paperId: 'ddrm', addMembers: [c.students[3]], reason: 'agreed by email on 14/03' });
    expect(withReason.status, withReason.text).toBe(200);
    expect(withReason.body.paperId).toBe('ddrm');
    const mail = await waitForMail(c.students[3] ?? '', (m) => m.subject.includes('changed'));
    expect(mail[0]?.body.text).toContain(`Changed by ${c.instructor} (instructor): agreed by email on 14/03`);
    // After the deadline the mail no longer says groups can be changed, nor to leave.
    expect(mail[0]?.body.text).toContain(
      `The group deadline passed on ${DEADLINE_TEXT}: from now on only your instructors change groups.`,
    );
    expect(mail[0]?.body.text).not.toMatch(/can be changed until|leave the group/);
    expect(
      (
        await c
          .student(4)
          .at(CLOSED)
          .post(`/courses/${c.courseId}/groups`, {
            members: [c.students[4], c.students[0], c.students[1]],
            paperId: 'ddim',
          })
      ).status,
    ).toBe(403);
  });
});

describe('DELETE /courses/{courseId}/groups/{groupId}/members/{email}', () => {
  it('a member leaves: the group stays, marked incomplete, for members and instructors; both sides are emailed', async () => {
    const c = await createCourse({ students: 4 });
    const g = await formGroup(c, [0, 1, 2]);
    const [s0 = '', s1 = '', s2 = ''] = c.students;
    const res = await c
      .student(2)
      .at(OPEN)
      .delete(`/courses/${c.courseId}/groups/${g.groupId}/members/${enc(s2)}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ groupId: g.groupId, removed: s2, deleted: false });
    expect(res.body.group.status).toBe('incomplete');
    expect(emailsOf(res.body.group)).toEqual([s0, s1]);
    expectCheap(res);

    const seen = await c.student(0).get(`/courses/${c.courseId}/groups/${g.groupId}`);
    expect(seen.body.status).toBe('incomplete');
    const me = await c.student(1).get(`/courses/${c.courseId}/me`);
    expect(me.body.group.status).toBe('incomplete');
    expect(me.body.group.groupId).toBe(g.groupId);
    expect((await c.student(2).get(`/courses/${c.courseId}/me`)).body.group).toBeNull();
    expect((await c.student(2).get(`/courses/${c.courseId}/groups/${g.groupId}`)).status).toBe(403);
    const list = await c.teacher.get(`/courses/${c.courseId}/groups`);
    expect(list.body.groups[0].status).toBe('incomplete');
    expect(list.body.counts).toMatchObject({ groups: 1, complete: 0, incomplete: 1 });
    expect(list.body.unassigned.map((u: { email: string }) => u.email)).toContain(s2);

    const left = await waitForMail(s2, (m) => m.subject.includes('You left your group'));
    expect(left[0]?.body.text).toContain(g.groupId);
    const told = await waitForMail(s0, (m) => m.subject.includes('A member left your group'));
    expect(told[0]?.body.text).toContain(`Student 3 <${s2}> left the group.`);
    expect(told[0]?.body.text).toContain('Status: incomplete');
    // The student can join again (the group is below maxSize): invited, then accepting.
    const back = await c
      .student(0)
      .at(OPEN)
      .patch(`/courses/${c.courseId}/groups/${g.groupId}`, {
        addMembers: [s2],
      });
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('incomplete');
    expect(back.body.invitations).toEqual([{ email: s2, name: 'Student 3', status: 'pending' }]);
    const rejoined = await c.student(2).at(OPEN).post(`/courses/${c.courseId}/groups/${g.groupId}/accept`);
    expect(rejoined.status, rejoined.text).toBe(200);
    expect(rejoined.body.status).toBe('complete');
  });

  it('an empty group disappears and frees its paper seat', async () => {
    const c = await createCourse({ students: 6, overrides: { groups: { maxGroupsPerPaper: 1 } } });
    const g = await formGroup(c, [0, 1, 2], 'ddim');
    const path = `/courses/${c.courseId}/groups/${g.groupId}`;
    for (const i of [0, 1])
      expect(
        (
          await c
            .student(i)
            .at(OPEN)
            .delete(`${path}/members/${enc(c.students[i] ?? '')}`)
        ).status,
      ).toBe(200);
    const last = await c.teacher.at(OPEN).delete(`${path}/members/${enc(c.students[2] ?? '')}`);
    expect(last.status, last.text).toBe(200);
    expect(last.body).toMatchObject({ deleted: true, group: null });
    expect((await c.teacher.get(path)).status).toBe(404);
    expect(await snapshot(c.courseId)).toEqual({ groups: [], grouped: {}, seats: {} });
    const removed = await waitForMail(c.students[2] ?? '', (m) =>
      m.subject.includes('removed from your group'),
    );
    expect(removed[0]?.body.text).toContain('now empty, so it was deleted');
    // The seat is free again.
    expect((await formGroup(c, [3, 4, 5], 'ddim')).paperId).toBe('ddim');
  });

  it('only that member or an instructor may remove a member; a non-member email is a 404', async () => {
    const c = await createCourse({ students: 5 });
    const g = await formGroup(c, [0, 1, 2]);
    const path = `/courses/${c.courseId}/groups/${g.groupId}/members`;
    const byMate = await c
      .student(0)
      .at(OPEN)
      .delete(`${path}/${enc(c.students[1] ?? '')}`);
    expect(byMate.status).toBe(403);
    expect(byMate.body.error.message).toContain(c.students[1]);
    const byOutsider = await c
      .student(3)
      .at(OPEN)
      .delete(`${path}/${enc(c.students[3] ?? '')}`);
    expect(byOutsider.status).toBe(403);
    const notMember = await c.teacher.at(OPEN).delete(`${path}/${enc(c.students[4] ?? '')}`);
    expect(notMember.status).toBe(404);
    expect(notMember.body.error.message).toContain(c.students[4]);
    expect(Object.keys((await snapshot(c.courseId)).grouped)).toHaveLength(3);
  });

  it('after the deadline members cannot leave (403 naming it); instructors remove with a reason', async () => {
    const c = await createCourse({ students: 4 });
    const g = await formGroup(c, [0, 1, 2, 3]);
    const member = (i: number) =>
      `/courses/${c.courseId}/groups/${g.groupId}/members/${enc(c.students[i] ?? '')}`;
    const late = await c.student(3).at(CLOSED).delete(member(3));
    expect(late.status).toBe(403);
    expect(late.body.error.message).toContain(DEADLINE_TEXT);
    const noReason = await c.teacher.at(CLOSED).delete(member(3));
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe('query.reason');
    const ok = await c.teacher.at(CLOSED).delete(`${member(3)}?reason=${enc('dropped the course')}`);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.group.members).toHaveLength(3);
    const mail = await waitForMail(c.students[3] ?? '', (m) => m.subject.includes('removed'));
    expect(mail[0]?.body.text).toContain('Reason: dropped the course');
    // Before the deadline an instructor needs no reason.
    const early = await c.teacher.at(OPEN).delete(member(2));
    expect(early.status).toBe(200);
  });
});
