import { describe, expect, it } from 'vitest';
import { stackDeps } from '../support/stack-deps.js';
import { keys } from '../../shared/store/keys.js';
import { queryAll } from '../../shared/store/table-ops.js';
import { createCourse } from '../support/course-fixture.js';
import { formGroupWithConsent } from '../support/group-formation.js';

const deps = stackDeps();
const OPEN = '2023-03-01T10:00:00+01:00';
const CLOSED = '2023-03-14T09:00:00+01:00';
const LATER = '2023-03-14T09:01:00+01:00';

const auditOf = async (courseId: string) =>
  queryAll(deps, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.audit(courseId, '', '').pk },
  });

describe('instructors’ group changes are audited in the same transaction', () => {
  it('records who, when, what and why for each instructor change, and nothing for students’ own changes', async () => {
    const c = await createCourse({ students: 6 });
    const [s0 = '', s1 = '', s2 = '', s3 = ''] = c.students;
    const formed = {
      body: await formGroupWithConsent(c.api, c.courseId, [s0, s1, s2], { paperId: 'ddim', at: OPEN }),
    };
    const path = `/courses/${c.courseId}/groups/${formed.body.groupId}`;
    expect((await c.student(1).at(OPEN).patch(path, { paperId: 'ddrm' })).status).toBe(200);
    expect(await auditOf(c.courseId)).toEqual([]);

    expect((await c.teacher.at(OPEN).patch(path, { addMembers: [s3] })).status).toBe(200);
    expect(
      (await c.teacher.at(CLOSED).patch(path, { paperId: 'ddim', reason: 'swap agreed in class' })).status,
    ).toBe(200);
    const removed = await c.teacher
      .at(LATER)
      .delete(`${path}/members/${encodeURIComponent(s3)}?reason=${encodeURIComponent('registered twice')}`);
    expect(removed.status).toBe(200);
    // A refused change (no reason after the deadline) leaves no record.
    expect((await c.teacher.at(CLOSED).patch(path, { paperId: 'ddrm' })).status).toBe(400);

    const audit = await auditOf(c.courseId);
    expect(audit.map((a) => [a.action, a.actor, a.at, a.reason ?? null])).toEqual([
      ['group.update', c.instructor, '2023-03-01T09:00:00.000Z', null],
      ['group.update', c.instructor, '2023-03-14T08:00:00.000Z', 'swap agreed in class'],
      ['group.remove-member', c.instructor, '2023-03-14T08:01:00.000Z', 'registered twice'],
    ]);
    expect(audit[1]).toMatchObject({
      target: formed.body.groupId,
      before: { paperId: 'ddrm', members: [s0, s1, s2, s3] },
      after: { paperId: 'ddim', members: [s0, s1, s2, s3] },
    });
    expect(audit[2]).toMatchObject({ after: { members: [s0, s1, s2] } });
  });

  it('records an instructor forming a group after the deadline only with a reason', async () => {
    const c = await createCourse({ students: 3 });
    const post = (body: Record<string, unknown>) =>
      c.teacher
        .at(CLOSED)
        .post(`/courses/${c.courseId}/groups`, { members: c.students, paperId: 'ddim', ...body });
    const refused = await post({});
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('reason_required');
    expect(await auditOf(c.courseId)).toEqual([]);
    expect((await post({ reason: 'late enrolment' })).status).toBe(201);
    const audit = await auditOf(c.courseId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'group.create', actor: c.instructor, reason: 'late enrolment' });
  });
});
