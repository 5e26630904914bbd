import { describe, expect, it } from 'vitest';
import { stackDeps } from '../support/stack-deps.js';
import { meGrades } from '../../shared/grades/me-grades.js';
import { getCourse } from '../../shared/store/course-repo.js';
import { listMemberGrades, readGradeBookHead } from '../../shared/store/grade-repo.js';
import { keys } from '../../shared/store/keys.js';
import { queryAll } from '../../shared/store/table-ops.js';
import type { Loose } from '../support/api.js';
import { createCourse } from '../support/course-fixture.js';
import { aspects, formGroups, gradePath, memberPath, waived } from '../support/grade-fixture.js';
import { mailFor, waitForMail } from '../support/mailbox.js';

const deps = stackDeps();

const auditItems = (courseId: string) =>
  queryAll(deps, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.audit(courseId, '', '').pk },
  });

describe('grades under concurrency (through HTTP, checked in DynamoDB)', () => {
  it('10 simultaneous first writes of one grade: exactly one wins, one audit record', async () => {
    const c = await createCourse({ students: 3 });
    const [g] = await formGroups(c, [{ members: [0, 1, 2], paperId: 'ddim' }]);
    if (!g) throw new Error('group');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        c.teacher.put(gradePath(c, g, 'presentation'), { ...waived, score: i + 1 }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const winner = results.find((r) => r.status === 200)?.body as Loose;
    const head = await readGradeBookHead(deps, c.courseId);
    expect(head.grades).toHaveLength(1);
    expect(head.grades[0]).toMatchObject({ score: winner.score, version: 1 });
    const audit = (await auditItems(c.courseId)).filter((i) => i.action === 'grade.write');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ score: winner.score, version: 1 });
  });

  it('changes of different components of one member do not block each other; of the same one, one wins', async () => {
    const c = await createCourse({ students: 3 });
    const [g] = await formGroups(c, [{ members: [0, 1, 2], paperId: 'ddim' }]);
    if (!g) throw new Error('group');
    const path = memberPath(c, g, c.students[0] as string);
    const [x, y] = await Promise.all([
      c.teacher.put(path, { componentId: 'report', override: 12, reason: 'a' }),
      c.teacher.put(path, { componentId: 'presentation', adjustment: 1, reason: 'b' }),
    ]);
    expect([x.status, y.status]).toEqual([200, 200]);
    const same = await Promise.all(
      [1, 2, 3, 4].map((v) =>
        c.teacher.put(path, { componentId: 'report', override: v, reason: 'c', version: 1 }),
      ),
    );
    expect(same.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const [stored] = await listMemberGrades(deps, c.courseId, g);
    expect(stored?.changes.report?.version).toBe(2);
    expect(stored?.changes.presentation).toMatchObject({ kind: 'adjustment', value: 1, version: 1 });
  });

  it('5 simultaneous publications: published once, each student mailed once', async () => {
    const c = await createCourse({ students: 4 });
    const [g] = await formGroups(c, [{ members: [0, 1, 2], paperId: 'ddim' }]);
    if (!g) throw new Error('group');
    await c.teacher.put(gradePath(c, g, 'report'), { ...waived, ...aspects(14, 14, 14) });
    await c.teacher.put(gradePath(c, g, 'presentation'), { ...waived, score: 15 });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => c.teacher.post(`/courses/${c.courseId}/grades/publish`)),
    );
    const firsts = results.filter((r) => r.status === 200 && r.body.alreadyPublished === false);
    expect(firsts).toHaveLength(1);
    // The three graded members; the fourth student has no group, so no complete grade to mail.
    expect(firsts[0]?.body.emailed).toBe(3);
    for (const r of results)
      expect(r.status === 200 || (r.status === 409 && r.body.error.code === 'already_published')).toBe(true);
    // One fan-out was written with the one publication; its mails leave a moment later.
    const graded = c.students.slice(0, 3);
    for (const s of graded) await waitForMail(s, (m) => m.subject.endsWith('Your grades'));
    await new Promise((r) => setTimeout(r, 1000));
    for (const s of graded)
      expect((await mailFor(s)).filter((m) => m.subject.endsWith('Your grades'))).toHaveLength(1);
    expect((await auditItems(c.courseId)).filter((i) => i.action === 'grades.publish')).toHaveLength(1);
  });

  it('/me asks only for the caller’s own items, by key', async () => {
    const c = await createCourse({ students: 3 });
    const [g] = await formGroups(c, [{ members: [0, 1, 2], paperId: 'ddim' }]);
    if (!g) throw new Error('group');
    const course = await getCourse(deps, c.courseId);
    if (!course) throw new Error('course');
    const email = c.students[1] as string;
    const wanted = meGrades.keys({
      course,
      student: { courseId: c.courseId, email, name: 'x', groupId: g },
      now: new Date(),
    });
    expect(wanted.map((k) => k.sk).sort()).toEqual(
      [
        keys.gradesPublication(c.courseId).sk,
        keys.grade(c.courseId, g, 'report').sk,
        keys.grade(c.courseId, g, 'presentation').sk,
        keys.memberGrade(c.courseId, g, email).sk,
      ].sort(),
    );
    expect(
      meGrades.keys({ course, student: { courseId: c.courseId, email, name: 'x' }, now: new Date() }),
    ).toEqual([keys.gradesPublication(c.courseId)]);
  });
});
