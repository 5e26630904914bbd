import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { Api } from '../support/api.js';
import { ADMIN, createCourse } from '../support/course-fixture.js';
import {
  BEFORE_GROUP_DEADLINE,
  formGroups,
  gradePath,
  memberPath,
  waived,
} from '../support/grade-fixture.js';

const api = new Api();
const base = new URL(api.baseUrl);

/** A request with headers fetch() would not let us send (Host). */
const rawGet = (path: string, headers: Record<string, string>) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: base.hostname, port: base.port, path, method: 'GET', headers, setHost: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });

/** Bytes on a socket, for request targets no HTTP client sends; resolves with the status line. */
const rawSocket = (text: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(Number(base.port), base.hostname, () => socket.write(text));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => {
      data += c;
      if (data.includes('\r\n')) {
        socket.destroy();
        resolve(data.slice(0, data.indexOf('\r\n')));
      }
    });
    socket.on('error', reject);
  });

const alive = async () => expect((await api.request('GET', '/health')).status).toBe(200);

describe('the local gateway never trusts the request line or Host', () => {
  it('answers 400 to a Host that is not host[:port], and keeps serving', async () => {
    for (const host of ['a b', 'exa mple.com:80', 'x/y', '[::1']) {
      const res = await rawGet('/health', { host });
      expect(res.status, host).toBe(400);
      expect(JSON.parse(res.body).error.issues).toEqual([
        { path: 'header.host', message: expect.any(String) },
      ]);
    }
    expect((await rawGet('/health', { host: `localhost:${base.port}` })).status).toBe(200);
    await alive();
  });

  it('answers 400 to a request target that is not a path', async () => {
    expect(await rawSocket('OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    expect(await rawSocket('GET http://x/health HTTP/1.1\r\nHost: localhost\r\n\r\n')).toBe(
      'HTTP/1.1 400 Bad Request',
    );
    await alive();
  });

  it('answers 400 naming the path parameter with a malformed percent escape', async () => {
    for (const who of [api.as(ADMIN, { groups: ['admins'] }), api.as(undefined)]) {
      const res = await who.get('/courses/%C0%AE%C0%AE/roster');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_path');
      expect(res.body.error.issues).toEqual([
        { path: 'path.courseId', message: expect.stringContaining('malformed percent-encoding') },
      ]);
    }
    await alive();
  });

  it('answers an 11 MB body with the 413 JSON error, not a connection reset', async () => {
    const res = await fetch(`${api.baseUrl}/courses/any-course/roster`, {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: Buffer.alloc(11 * 1024 * 1024, 0x61),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    await alive();
  });
});

describe('numbers DynamoDB cannot store are refused with 400, not 500', () => {
  it('refuses an underflowing score, adjustment or config number, naming the field', async () => {
    const c = await createCourse({ students: 4 });
    const [g] = await formGroups(c, [{ members: [0, 1, 2], paperId: 'ddim' }]);
    const group = g ?? '';
    const score = await c.teacher.put(gradePath(c, group, 'presentation'), '{"score":5e-324}', {
      'content-type': 'application/json',
    });
    expect(score.status).toBe(400);
    expect(score.body.error.issues).toEqual([
      { path: 'body.score', message: expect.stringContaining('cannot be stored exactly') },
    ]);
    const member = await c.teacher.put(memberPath(c, group, c.students[0] ?? ''), {
      componentId: 'presentation',
      adjustment: -1e-200,
      reason: 'test',
    });
    expect(member.status).toBe(400);
    expect(member.body.error.issues[0].path).toBe('body.adjustment');
    const current = (await c.teacher.get(`/courses/${c.courseId}`)).body.config;
    const config = await c.teacher.put(`/courses/${c.courseId}`, {
      ...current,
      presentations: { ...current.presentations, changeUntilHoursBefore: 1e-300 },
      grading: { ...current.grading, scale: 5e-324 },
    });
    expect(config.status).toBe(400);
    expect(config.body.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.presentations.changeUntilHoursBefore', 'body.grading.scale']),
    );
    expect((await c.teacher.put(gradePath(c, group, 'presentation'), { score: 15, ...waived })).status).toBe(
      200,
    );
  });
});

describe('text with control or bidi characters is refused, naming the field and the character', () => {
  it('refuses a NUL in a course title and a bidi override in a paper title', async () => {
    const res = await api.as(ADMIN, { groups: ['admins'] }).put('/courses/bad-text', {
      ...demoCourse,
      title: 'Gen\u0000Mod',
      papers: [{ ...demoCourse.papers[0], title: 'A \u202Etxt.exe' }, ...demoCourse.papers.slice(1)],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'body.title', message: 'contains a control character (U+0000) at position 4' },
        {
          path: 'body.papers[0].title',
          message: 'contains a bidirectional control character (U+202E) at position 3',
        },
      ]),
    );
  });

  it('refuses them in reasons and group requests', async () => {
    const c = await createCourse({ students: 4 });
    const res = await c
      .student(0)
      .at(BEFORE_GROUP_DEADLINE)
      .post(`/courses/${c.courseId}/groups`, {
        members: [c.students[0], c.students[1]],
        paperId: 'ddim',
        reason: 'because\u2066',
      });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([
      { path: 'body.reason', message: expect.stringContaining('(U+2066) at position 8') },
    ]);
  });

  it('refuses them in a slot room and a slot reason', async () => {
    const c = await createCourse({ students: 3 });
    const res = await c.teacher.put(`/courses/${c.courseId}/slots`, {
      days: [{ date: '2023-05-15', start: '09:00', end: '10:00', room: '\u0000C103' }],
      reason: 'moved \u202Eroom',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'body.days[0].room', message: expect.stringContaining('(U+0000) at position 1') },
        { path: 'body.reason', message: expect.stringContaining('(U+202E) at position 7') },
      ]),
    );
  });
});

describe('bodies that are not UTF-8', () => {
  it('refuses a JSON body with Latin-1 bytes instead of storing U+FFFD', async () => {
    const token = await api.token(ADMIN, ['admins']);
    const json = Buffer.concat([
      Buffer.from(JSON.stringify({ ...demoCourse, title: 'Cours de Mod' }).slice(0, -1)),
      Buffer.from(',"x":"'),
      Buffer.from([0xe9]),
      Buffer.from('"}'),
    ]);
    const res = await fetch(`${api.baseUrl}/courses/latin1-body`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: json,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_encoding');
  });
});

describe('roster CSV', () => {
  const putCsv = (courseId: string, token: string, body: string | Buffer) =>
    fetch(`${api.baseUrl}/courses/${courseId}/roster`, {
      method: 'PUT',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body,
    }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { error?: { [k: string]: unknown } },
    }));

  it('refuses an empty CSV or a header alone and keeps the roster; an explicit JSON empty list empties it', async () => {
    const c = await createCourse({ students: 3 });
    const token = await api.token(c.instructor);
    for (const csv of ['', 'email,name,studentId\r\n']) {
      const res = await putCsv(c.courseId, token, csv);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('empty_roster');
      expect(res.body.error?.message).toContain('{"students": []}');
    }
    expect((await c.teacher.get(`/courses/${c.courseId}/roster`)).body).toHaveLength(3);
    const emptied = await c.teacher.put(`/courses/${c.courseId}/roster`, { students: [] });
    expect(emptied.status).toBe(200);
    expect(emptied.body.removed).toBe(3);
  });

  it('refuses a Latin-1 file with the way to export UTF-8, accepts a UTF-8 BOM, names bad rows by line', async () => {
    const c = await createCourse({ students: 1 });
    const token = await api.token(c.instructor);
    const latin1 = Buffer.concat([
      Buffer.from(`email,name\n${c.students[0]},Ana\nnew@students.example,Garc`),
      Buffer.from([0xed]),
      Buffer.from('a\n'),
    ]);
    const bad = await putCsv(c.courseId, token, latin1);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('not UTF-8');
    expect(bad.body.error?.message).toContain('CSV UTF-8');
    expect(bad.body.error?.issues).toEqual([{ path: 'line 3', message: expect.stringContaining('UTF-8') }]);

    const controls = await putCsv(
      c.courseId,
      token,
      `email,name\n${c.students[0]},Ana\u0000\nnew@students.example,\u202EBob\n`,
    );
    expect(controls.status).toBe(400);
    expect(controls.body.error?.issues).toEqual([
      { path: 'line 2.name', message: 'contains a control character (U+0000) at position 4' },
      { path: 'line 3.name', message: 'contains a bidirectional control character (U+202E) at position 1' },
    ]);

    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`email,name\n${c.students[0]},Ana\nnew@students.example,García\n`),
    ]);
    const ok = await putCsv(c.courseId, token, bom);
    expect(ok.status).toBe(200);
    const roster = (await c.teacher.get(`/courses/${c.courseId}/roster`)).body;
    expect(roster).toContainEqual(expect.objectContaining({ email: 'new@students.example', name: 'García' }));
  });
});
