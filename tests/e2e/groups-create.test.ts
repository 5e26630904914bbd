import { describe, expect, it } from 'vitest';
import { createCourse } from '../support/course-fixture.js';
import { waitForMail } from '../support/mailbox.js';

const BEFORE_DEADLINE = '2023-03-01T10:00:00+01:00';

describe('forming a group', () => {
  it('creates a group of 3 with a paper, shows it in /me and emails every member', async () => {
    const c = await createCourse({ students: 4 });
    const members = c.students.slice(0, 3);
    const res = await c.student(0).at(BEFORE_DEADLINE).post(`/courses/${c.courseId}/groups`, {
      members,
      paperId: 'ddim',
    });
    expect(res.status).toBe(201);
    expect(res.body.groupId).toMatch(/^g_/);
    expect(res.body.members.map((m: { email: string }) => m.email)).toEqual(members);
    expect(res.body.status).toBe('complete');
    const mail = await waitForMail(members[2] ?? '', (m) => m.subject.includes('group'));
    expect(mail[0]?.body.text).toContain('Denoising Diffusion Implicit Models');
    expect(mail[0]?.body.text).toContain('Monday 13 March 2023, 23:59 (Europe/Paris)');
    const again = await c
      .student(3)
      .at(BEFORE_DEADLINE)
      .post(`/courses/${c.courseId}/groups`, {
        members: [c.students[3], c.students[0], c.students[1]],
        paperId: 'ddim',
      });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(c.students[0]);
  });

  it('refuses students after the group deadline with a 403 naming it in course time', async () => {
    const c = await createCourse({ students: 3 });
    const res = await c.student(0).at('2023-03-14T00:00:00+01:00').post(`/courses/${c.courseId}/groups`, {
      members: c.students,
      paperId: 'ddim',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('Monday 13 March 2023, 23:59 (Europe/Paris)');
  });
});
