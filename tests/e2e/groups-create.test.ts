import { describe, expect, it } from 'vitest';
import { createCourse } from '../support/course-fixture.js';
import { waitForMail } from '../support/mailbox.js';
import { CLOSED, DEADLINE_TEXT, OPEN, emailsOf, expectCheap, snapshot } from './groups-support.js';

const enc = encodeURIComponent;

describe('forming a group with consent: invitations', () => {
  it('a student forms a group alone and invites; nobody joins without accepting; accepting withdraws the other invitations', async () => {
    const c = await createCourse({ students: 7 });
    const [s0 = '', s1 = '', s2 = '', s3 = '', s4 = '', s5 = ''] = c.students;
    const groups = `/courses/${c.courseId}/groups`;

    // Without a paper: it can be chosen later.
    const made = await c
      .student(0)
      .at(OPEN)
      .post(groups, { members: [s0, s1, s2] });
    expect(made.status, made.text).toBe(201);
    expectCheap(made);
    expect(emailsOf(made.body)).toEqual([s0]);
    expect(made.body).toMatchObject({ paperId: null, paper: null, status: 'incomplete' });
    expect(made.body.invitations).toEqual([
      { email: s1, name: 'Student 2', status: 'pending' },
      { email: s2, name: 'Student 3', status: 'pending' },
    ]);
    const g = made.body.groupId as string;
    // Only the creator is in a group; the invitees are told, and see it in /me.
    expect((await snapshot(c.courseId)).grouped).toEqual({ [s0]: g });
    const invited = await waitForMail(s1, (m) => m.subject.includes('invites you to join their group'));
    expect(invited[0]?.body.text).toContain(`Student 1 <${s0}> invites you`);
    expect(invited[0]?.body.text).toContain('You are not in this group unless you accept');
    expect(invited[0]?.body.text).toContain(DEADLINE_TEXT);
    expect(invited[0]?.body.text).not.toContain('/courses/');
    const me1 = await c.student(1).at(OPEN).get(`/courses/${c.courseId}/me`);
    expect(me1.body.group).toBeNull();
    expect(me1.body.invitations).toEqual([
      { groupId: g, members: [s0], paper: null, size: { members: 1, max: 4 }, status: 'pending' },
    ]);
    expectCheap(me1);

    // Another group invites s1 too; inviting someone already grouped, or twice, is refused.
    const other = await c
      .student(3)
      .at(OPEN)
      .post(groups, { members: [s3, s1], paperId: 'ddim' });
    expect(other.status, other.text).toBe(201);
    const grouped = await c
      .student(3)
      .at(OPEN)
      .patch(`${groups}/${other.body.groupId}`, { addMembers: [s0] });
    expect(grouped.status).toBe(409);
    expect(grouped.body.error).toMatchObject({ code: 'already_in_group' });
    expect(grouped.body.error.message).toContain(s0);
    const twice = await c
      .student(3)
      .at(OPEN)
      .patch(`${groups}/${other.body.groupId}`, { addMembers: [s1] });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_invited');
    const stranger = await c
      .student(3)
      .at(OPEN)
      .patch(`${groups}/${other.body.groupId}`, { addMembers: ['nobody@uni.example'] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.issues[0].path).toBe('body.addMembers[0]');
    expect((await c.student(1).at(OPEN).get(`/courses/${c.courseId}/me`)).body.invitations).toHaveLength(2);

    // s1 accepts the first: joins it, and the other invitation is withdrawn (its group is told).
    const accepted = await c.student(1).at(OPEN).post(`${groups}/${g}/accept`);
    expect(accepted.status, accepted.text).toBe(200);
    expectCheap(accepted);
    expect(emailsOf(accepted.body)).toEqual([s0, s1]);
    expect(accepted.body.invitations.map((i: { email: string }) => i.email)).toEqual([s2]);
    const joined = await waitForMail(s0, (m) => m.subject.includes('Student 2 joined your group'));
    expect(joined[0]?.body.text).toContain(`Student 2 <${s1}> accepted the invitation.`);
    const withdrawn = await waitForMail(s3, (m) => m.subject.includes('Student 2 joined another group'));
    expect(withdrawn[0]?.body.text).toContain('your invitation was withdrawn');
    const otherNow = await c.student(3).at(OPEN).get(`${groups}/${other.body.groupId}`);
    expect(otherNow.body.invitations).toEqual([]);
    const again = await c.student(1).at(OPEN).post(`${groups}/${other.body.groupId}/accept`);
    expect(again.status).toBe(404);

    // s2 declines: the members are told; declining twice is a 404.
    const declined = await c
      .student(2)
      .at(OPEN)
      .delete(`${groups}/${g}/invitations/${enc(s2)}`);
    expect(declined.status, declined.text).toBe(200);
    expect(declined.body).toEqual({ groupId: g, email: s2, ended: 'declined' });
    expectCheap(declined);
    const told = await waitForMail(s1, (m) => m.subject.includes('Student 3 declined your invitation'));
    expect(told[0]?.body.text).toContain(g);
    expect(
      (
        await c
          .student(2)
          .at(OPEN)
          .delete(`${groups}/${g}/invitations/${enc(s2)}`)
      ).status,
    ).toBe(404);

    // A member withdraws an invitation; only members, the invitee or instructors may.
    expect(
      (
        await c
          .student(0)
          .at(OPEN)
          .patch(`${groups}/${g}`, { addMembers: [s4, s5] })
      ).status,
    ).toBe(200);
    const outsider = await c
      .student(3)
      .at(OPEN)
      .delete(`${groups}/${g}/invitations/${enc(s4)}`);
    expect(outsider.status).toBe(403);
    const pulled = await c
      .student(1)
      .at(OPEN)
      .delete(`${groups}/${g}/invitations/${enc(s4)}`);
    expect(pulled.body).toMatchObject({ ended: 'withdrawn' });
    const pulledMail = await waitForMail(s4, (m) =>
      m.subject.includes('Your invitation to a group was withdrawn'),
    );
    expect(pulledMail[0]?.body.text).toContain(`withdrawn by ${s1}`);
    expect((await c.student(4).at(OPEN).post(`${groups}/${g}/accept`)).status).toBe(404);

    // After the group deadline invitations lapse: shown as such, and accepting is a 403 naming it.
    const late = await c.student(5).at(CLOSED).post(`${groups}/${g}/accept`);
    expect(late.status).toBe(403);
    expect(late.body.error.message).toContain(`Invitations lapsed at the group deadline (${DEADLINE_TEXT})`);
    const lapsed = await c.student(5).at(CLOSED).get(`/courses/${c.courseId}/me`);
    expect(lapsed.body.invitations).toMatchObject([{ groupId: g, status: 'lapsed' }]);
    const view = await c.student(0).at(CLOSED).get(`${groups}/${g}`);
    expect(view.body.invitations).toEqual([{ email: s5, name: 'Student 6', status: 'lapsed' }]);
    const snap = await snapshot(c.courseId);
    expect(snap.grouped).toEqual({ [s0]: g, [s1]: g, [s3]: other.body.groupId });
  });

  it('instructors place members directly (audited), and staff may withdraw an invitation', async () => {
    const c = await createCourse({ students: 5 });
    const [s0 = '', s1 = '', s2 = '', s3 = ''] = c.students;
    const placed = await c.teacher.at(OPEN).post(`/courses/${c.courseId}/groups`, {
      members: [s0, s1, s2],
      paperId: 'ddim',
    });
    expect(placed.status, placed.text).toBe(201);
    expect(emailsOf(placed.body)).toEqual([s0, s1, s2]);
    expect(placed.body.status).toBe('complete');
    const mail = await waitForMail(s2, (m) => m.subject.includes('Your group was created'));
    expect(mail[0]?.body.text).toContain(`Formed by ${c.instructor} (instructor)`);
    // A member invites s3; the instructor withdraws it (audited).
    const g = placed.body.groupId as string;
    expect(
      (
        await c
          .student(0)
          .at(OPEN)
          .patch(`/courses/${c.courseId}/groups/${g}`, { addMembers: [s3] })
      ).status,
    ).toBe(200);
    const pulled = await c.teacher
      .at(OPEN)
      .delete(`/courses/${c.courseId}/groups/${g}/invitations/${enc(s3)}`);
    expect(pulled.body).toMatchObject({ ended: 'withdrawn' });
    const audit = await c.teacher.get(`/courses/${c.courseId}/audit`);
    expect(audit.status, audit.text).toBe(200);
    expect(JSON.stringify(audit.body)).toContain('group.invitation-withdraw');
    // Students are refused after the deadline, with the deadline named in course time.
    const res = await c
      .student(4)
      .at(CLOSED)
      .post(`/courses/${c.courseId}/groups`, { members: [c.students[4]] });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(DEADLINE_TEXT);
  });
});
