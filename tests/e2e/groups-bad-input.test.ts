import { describe, expect, it } from 'vitest';
import { createCourse } from '../support/course-fixture.js';
import { OPEN, expectCheap, expectNoGroups, formGroup, snapshot } from './groups-support.js';

describe('bad input to POST /courses/{courseId}/groups: a clear 4xx and nothing written', () => {
  it('refuses each bad member list, paper and body, naming what is at fault', async () => {
    const c = await createCourse({ students: 6 });
    const [s0 = '', s1 = '', s2 = '', s3 = '', s4 = ''] = c.students;
    const post = (body: unknown) =>
      c
        .student(0)
        .at(OPEN)
        .post(`/courses/${c.courseId}/groups`, body as Record<string, unknown>);
    const cases: { name: string; body: unknown; status: number; says: string[]; path?: string }[] = [
      {
        name: 'duplicate emails',
        body: { members: [s0, s1, s1], paperId: 'ddim' },
        status: 400,
        says: [`${s1} is listed more than once`],
        path: 'body.members[2]',
      },
      {
        name: 'the same email in other case',
        body: { members: [s0, s1, s1.toUpperCase()], paperId: 'ddim' },
        status: 400,
        says: [s1],
      },
      {
        name: 'caller not among the members',
        body: { members: [s1, s2, s3], paperId: 'ddim' },
        status: 400,
        says: [`you (${s0}) must be among the members`],
      },
      {
        name: 'unknown paper',
        body: { members: [s0, s1, s2], paperId: 'no-such-paper' },
        status: 400,
        says: ['no paper "no-such-paper"'],
        path: 'body.paperId',
      },
      {
        name: 'a malformed paper id',
        body: { members: [s0, s1, s2], paperId: 'Not An Id' },
        status: 400,
        says: [],
        path: 'body.paperId',
      },
      {
        name: 'a non-email string',
        body: { members: [s0, 'not-an-email', s2], paperId: 'ddim' },
        status: 400,
        says: [],
        path: 'body.members[1]',
      },
      {
        name: 'a student not on the roster',
        body: { members: [s0, s1, 'stranger@uni.example'], paperId: 'ddim' },
        status: 400,
        says: ['stranger@uni.example is not on the roster'],
        path: 'body.members[2]',
      },
      {
        // A student's group starts alone and grows by accepted invitations: only the maximum applies.
        name: 'too many members',
        body: { members: [s0, s1, s2, s3, s4], paperId: 'ddim' },
        status: 400,
        says: ['a group has at most 4 members; 5 given'],
      },
      {
        name: '100 members',
        body: {
          members: Array.from({ length: 100 }, (_, i) => `m${i}@students.example`),
          paperId: 'ddim',
        },
        status: 400,
        says: [],
        path: 'body.members',
      },
      { name: 'an empty object', body: {}, status: 400, says: [], path: 'body.members' },
      { name: 'an empty member list', body: { members: [], paperId: 'ddim' }, status: 400, says: [] },
      {
        name: 'an unknown field',
        body: { members: [s0, s1, s2], paperId: 'ddim', leader: s0 },
        status: 400,
        says: [],
        path: 'body.leader',
      },
      { name: 'members not a list', body: { members: s0, paperId: 'ddim' }, status: 400, says: [] },
    ];
    for (const k of cases) {
      const res = await post(k.body);
      expect(res.status, `${k.name}: ${res.text}`).toBe(k.status);
      for (const text of k.says) expect(res.body.error.message, k.name).toContain(text);
      if (k.path)
        expect(
          res.body.error.issues.map((i: { path: string }) => i.path),
          k.name,
        ).toContain(k.path);
      expectCheap(res);
      await expectNoGroups(c);
    }
    // No body at all, and a body that is not JSON.
    const none = await c.student(0).at(OPEN).post(`/courses/${c.courseId}/groups`);
    expect(none.status).toBe(400);
    expect(none.body.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.members']),
    );
    const notJson = await c
      .student(0)
      .at(OPEN)
      .post(`/courses/${c.courseId}/groups`, '{"members": [', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_json');
    // Someone who is neither on the roster nor an instructor; a course that does not exist.
    const stranger = await c.api
      .as('stranger@uni.example')
      .at(OPEN)
      .post(`/courses/${c.courseId}/groups`, { members: ['stranger@uni.example', s1, s2], paperId: 'ddim' });
    expect(stranger.status).toBe(403);
    const noCourse = await c
      .student(0)
      .at(OPEN)
      .post(`/courses/no-such-course-x1/groups`, { members: [s0, s1, s2], paperId: 'ddim' });
    expect(noCourse.status).toBe(404);
  });

  it('lists every problem of one request at once', async () => {
    const c = await createCourse({ students: 4 });
    const [s0 = '', s1 = ''] = c.students;
    const res = await c
      .student(1)
      .at(OPEN)
      .post(`/courses/${c.courseId}/groups`, { members: [s0, s0, 'nobody@uni.example'], paperId: 'nope' });
    expect(res.status).toBe(400);
    const message = res.body.error.message as string;
    for (const text of [
      `${s0} is listed more than once`,
      `you (${s1}) must be among the members`,
      'nobody@uni.example is not on the roster',
      'no paper "nope"',
    ])
      expect(message).toContain(text);
    await expectNoGroups(c);
  });
});

describe('bad input to the other group routes', () => {
  it('answers 404 for a group id of another course (and unknown ids), 400 for a malformed one, and changes nothing', async () => {
    const a = await createCourse({ students: 4, prefix: 'ga' });
    const b = await createCourse({ students: 4, prefix: 'gb' });
    const inA = await formGroup(a, [0, 1, 2]);
    const before = await snapshot(a.courseId);
    const foreign = `/courses/${b.courseId}/groups/${inA.groupId}`;
    const unknown = `/courses/${a.courseId}/groups/g_AAAAAAAAAAAAAAAAAAAA`;
    const tries: [string, ReturnType<typeof a.teacher.at>][] = [
      [foreign, b.teacher.at(OPEN)],
      [foreign, b.student(0).at(OPEN)],
      [unknown, a.teacher.at(OPEN)],
      [unknown, a.student(0).at(OPEN)],
    ];
    for (const [path, caller] of tries) {
      const get = await caller.get(path);
      expect(get.status, get.text).toBe(404);
      expect(get.body.error.code).toBe('not_found');
      expect((await caller.patch(path, { paperId: 'ddrm' })).status).toBe(404);
      const member = encodeURIComponent(a.students[0] ?? '');
      expect((await caller.delete(`${path}/members/${member}`)).status).toBe(404);
    }
    const malformed = await a.teacher.get(`/courses/${a.courseId}/groups/not-a-group`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues[0].path).toBe('path.groupId');
    const badEmail = await a.teacher
      .at(OPEN)
      .delete(`/courses/${a.courseId}/groups/${inA.groupId}/members/not-an-email`);
    expect(badEmail.status).toBe(400);
    expect(await snapshot(a.courseId)).toEqual(before);
    expect(await snapshot(b.courseId)).toEqual({ groups: [], grouped: {}, seats: {} });
  });

  it('refuses bad PATCH bodies with a 400 naming the fault and leaves the group as it was', async () => {
    const c = await createCourse({ students: 6 });
    const g = await formGroup(c, [0, 1, 2]);
    const before = await snapshot(c.courseId);
    const path = `/courses/${c.courseId}/groups/${g.groupId}`;
    const [, , , s3 = '', s4 = ''] = c.students;
    const cases: { body: Record<string, unknown>; says?: string; path?: string }[] = [
      { body: {}, says: 'nothing to change' },
      { body: { reason: 'just because' }, says: 'nothing to change' },
      { body: { paperId: 'no-such-paper' }, says: 'no paper "no-such-paper"', path: 'body.paperId' },
      { body: { addMembers: [s3, s3] }, says: `${s3} is listed more than once`, path: 'body.addMembers[1]' },
      { body: { addMembers: ['x@uni.example'] }, says: 'x@uni.example is not on the roster' },
      { body: { addMembers: ['not an email'] }, path: 'body.addMembers[0]' },
      { body: { addMembers: [] }, path: 'body.addMembers' },
      { body: { addMembers: [s3], members: [s4] }, path: 'body.members' },
    ];
    for (const k of cases) {
      const res = await c.student(0).at(OPEN).patch(path, k.body);
      expect(res.status, `${JSON.stringify(k.body)}: ${res.text}`).toBe(400);
      const said = [
        res.body.error.message,
        ...res.body.error.issues.map((i: { message: string }) => i.message),
      ];
      if (k.says) expect(said.join('\n')).toContain(k.says);
      if (k.path) expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(k.path);
      expectCheap(res);
    }
    expect(await snapshot(c.courseId)).toEqual(before);
  });
});
