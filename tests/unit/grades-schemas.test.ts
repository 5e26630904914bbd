import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { GradeParams, PutMemberGradeBody } from '../../shared/grades/schemas.js';
import { toIssues } from '../../shared/http/zod-issues.js';

describe('grade schemas', () => {
  it('refuses "members" as a component id, in the path and in a course config', () => {
    const p = GradeParams.safeParse({ courseId: 'c', groupId: 'g_abcdefghijkl', componentId: 'members' });
    expect(p.success).toBe(false);
    const config = CourseConfig.safeParse({
      ...demoCourse,
      grading: { scale: 20, components: [{ id: 'members', title: 'M', weight: '1' }] },
    });
    expect(config.success).toBe(false);
    if (!config.success)
      expect(toIssues(config.error, 'body')).toContainEqual({
        path: 'body.grading.components[0].id',
        message: '"members" is reserved and cannot be a component id',
      });
  });

  it('wants exactly one of adjustment, override, clear and a reason, reporting every problem at once', () => {
    expect(
      PutMemberGradeBody.safeParse({ componentId: 'report', adjustment: 1, reason: 'extra work' }).success,
    ).toBe(true);
    const both = PutMemberGradeBody.safeParse({ componentId: 'report', adjustment: 1, override: 12 });
    expect(both.success).toBe(false);
    if (!both.success)
      expect(toIssues(both.error, 'body').map((i) => i.path)).toEqual(
        expect.arrayContaining(['body.reason', 'body.override']),
      );
    const none = PutMemberGradeBody.safeParse({ componentId: 'report', reason: 'r' });
    expect(none.success).toBe(false);
    expect(
      PutMemberGradeBody.safeParse({ componentId: 'report', clear: true, reason: 'r', version: 1 }).success,
    ).toBe(true);
  });
});
