import { describe, expect, it } from 'vitest';
import { DEMO_COURSE_ID, demoCourse } from '../../shared/demo/demo-course.js';
import { Api } from '../support/api.js';
import { ADMIN, createCourse } from '../support/course-fixture.js';

const api = new Api();
const demoStudent = 'ines.garcia@students.example';
const demoInstructor = demoCourse.instructors[0] ?? '';

describe('the demo course loaded by the local server', () => {
  it('answers GET /courses/{id} for a student with deadlines as instants in Paris time', async () => {
    const res = await api.as(demoStudent).get(`/courses/${DEMO_COURSE_ID}`);
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('student');
    expect(res.body.config.papers).toHaveLength(6);
    expect(res.body.config.grading.components.map((c: { weight: string }) => c.weight)).toEqual([
      '2/3',
      '1/3',
    ]);
    const at = Object.fromEntries(res.body.deadlines.map((d: { key: string; at: string }) => [d.key, d.at]));
    expect(at.groups).toBe('2023-03-13T23:59:00+01:00');
    expect(at['deliverable:assignment']).toBe('2023-03-20T23:59:00+01:00');
    // After the switch to summer time the offset is +02:00.
    expect(at['deliverable:report']).toBe('2023-04-28T23:59:00+02:00');
  });

  it('answers /me with the student, no group yet and the deadlines', async () => {
    const res = await api.as(demoStudent).get(`/courses/${DEMO_COURSE_ID}/me`);
    expect(res.status).toBe(200);
    expect(res.body.student).toEqual({ email: demoStudent, name: 'García, Inès', studentId: '23001' });
    expect(res.body.deadlines.length).toBeGreaterThanOrEqual(4);
  });

  it('lists the course among the caller’s courses with the caller’s role', async () => {
    expect((await api.as(demoStudent).get('/courses')).body).toContainEqual(
      expect.objectContaining({ courseId: DEMO_COURSE_ID, role: 'student' }),
    );
    expect((await api.as(demoInstructor).get('/courses')).body).toContainEqual(
      expect.objectContaining({ courseId: DEMO_COURSE_ID, role: 'instructor' }),
    );
    expect((await api.as(ADMIN, { groups: ['admins'] }).get('/courses')).body).toContainEqual(
      expect.objectContaining({ courseId: DEMO_COURSE_ID, role: 'admin' }),
    );
    expect((await api.as('stranger@uni.example').get('/courses')).body).toEqual([]);
  });
});

describe('authentication', () => {
  it('refuses a missing, forged or expired token with 401', async () => {
    expect((await api.request('GET', `/courses/${DEMO_COURSE_ID}`)).status).toBe(401);
    const token = await api.token(demoStudent);
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.${'A'.repeat(342)}`;
    const res = await api.request('GET', `/courses/${DEMO_COURSE_ID}`, undefined, {
      authorization: `Bearer ${forged}`,
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    const expired = await fetch(`${api.baseUrl}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoStudent, expiresIn: 1 }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    await new Promise((r) => setTimeout(r, 1100));
    const late = await api.request('GET', `/courses/${DEMO_COURSE_ID}`, undefined, {
      authorization: `Bearer ${expired.token}`,
    });
    expect(late.status).toBe(401);
  });

  it('leaves /health and /openapi.json open', async () => {
    expect((await api.request('GET', '/health')).status).toBe(200);
    const doc = await api.request<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/openapi.json',
    );
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toContain('/courses/{courseId}/roster');
  });
});

describe('course config', () => {
  it('lets only an admin create a course, and its instructors replace it', async () => {
    const c = await createCourse({ students: 3 });
    const current = (await c.teacher.get(`/courses/${c.courseId}`)).body;
    expect(current.role).toBe('instructor');
    const renamed = await c.teacher.put(`/courses/${c.courseId}`, { ...current.config, title: 'Renamed' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(current.version + 1);
    expect((await c.student(0).put(`/courses/${c.courseId}`, current.config)).status).toBe(403);
    expect((await c.teacher.put(`/courses/new-${c.courseId}`, current.config)).status).toBe(403);
  });

  it('reports every bad field of a config at once, with 400', async () => {
    const res = await api.as(ADMIN, { groups: ['admins'] }).put('/courses/bad-config', {
      ...demoCourse,
      timeZone: 'Europe/Atlantis',
      groups: { minSize: 5, maxSize: 4, deadline: '2023-03-26T02:30' },
      papers: [demoCourse.papers[0], demoCourse.papers[0]],
      grading: {
        scale: 20,
        components: [
          { id: 'a', title: 'A', weight: '2/3' },
          { id: 'b', title: 'B', weight: '1/2' },
        ],
      },
      surprise: true,
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.timeZone',
        'body.groups.minSize',
        'body.papers',
        'body.grading.components',
        'body.surprise',
      ]),
    );
  });

  it('refuses a deadline that does not exist in the zone (spring-forward gap)', async () => {
    const res = await api.as(ADMIN, { groups: ['admins'] }).put('/courses/gap-course', {
      ...demoCourse,
      groups: { ...demoCourse.groups, deadline: '2023-03-26T02:30' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toContainEqual({
      path: 'body.groups.deadline',
      message: '2023-03-26T02:30 does not exist in Europe/Paris (daylight-saving gap)',
    });
  });

  it('answers 404 for an unknown course and 403 for someone not enrolled', async () => {
    expect((await api.as(demoStudent).get('/courses/no-such-course')).status).toBe(404);
    expect((await api.as('stranger@uni.example').get(`/courses/${DEMO_COURSE_ID}`)).status).toBe(403);
  });

  it('answers 400 for malformed JSON, never 500', async () => {
    const res = await api
      .as(ADMIN, { groups: ['admins'] })
      .put('/courses/x-json', '{"title": ', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });
});

describe('roster', () => {
  it('accepts CSV with accents and commas, keeps students’ data, reports changes', async () => {
    const c = await createCourse({ students: 2 });
    const csv = `email,name,studentId\n${c.students[0]},"Lefèbvre, Raphaël",42\nnew@students.example,Zoé Moreau,\n`;
    const res = await c.teacher.put(`/courses/${c.courseId}/roster`, csv, { 'content-type': 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ count: 2, added: 1, updated: 1, removed: 1, unchanged: 0 });
    const roster = await c.teacher.get(`/courses/${c.courseId}/roster`);
    expect(roster.body).toContainEqual({
      email: c.students[0],
      name: 'Lefèbvre, Raphaël',
      studentId: '42',
      groupId: null,
    });
    expect(roster.body).toHaveLength(2);
  });

  it('reports bad CSV rows by line', async () => {
    const c = await createCourse({ students: 1 });
    const csv = 'email,name\nnot-an-email,Someone\nok@students.example,\n';
    const res = await c.teacher.put(`/courses/${c.courseId}/roster`, csv, { 'content-type': 'text/csv' });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'line 2.email',
      'line 3.name',
    ]);
  });

  it('is closed to students', async () => {
    const c = await createCourse({ students: 1 });
    expect((await c.student(0).get(`/courses/${c.courseId}/roster`)).status).toBe(403);
    expect((await c.student(0).put(`/courses/${c.courseId}/roster`, { students: [] })).status).toBe(403);
  });
});
