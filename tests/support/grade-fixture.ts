import type { CourseFixture } from './course-fixture.js';
import { seedGroups } from './seed-groups.js';
import { stackDeps } from './stack-deps.js';

/** Before the demo course's group deadline (Monday 13 March 2023, 23:59 Paris). */
export const BEFORE_GROUP_DEADLINE = '2023-03-01T10:00:00+01:00';

/**
 * Groups (by student index) written straight into the table, as if formed before the deadline:
 * these tests grade them (forming has its own tests). Returns the group ids in order.
 */
export const formGroups = async (
  c: CourseFixture,
  groups: { members: number[]; paperId: string }[],
): Promise<string[]> => {
  const seeded = await seedGroups(stackDeps(), {
    courseId: c.courseId,
    members: groups.map((g) => g.members.map((i) => c.students[i] ?? '')),
    paperOf: (i) => groups[i]?.paperId ?? '',
  });
  return seeded.map((g) => g.groupId);
};

export const gradePath = (c: CourseFixture, groupId: string, componentId: string) =>
  `/courses/${c.courseId}/groups/${groupId}/grades/${componentId}`;

export const memberPath = (c: CourseFixture, groupId: string, email: string) =>
  `/courses/${c.courseId}/groups/${groupId}/grades/members/${encodeURIComponent(email)}`;

export const aspects = (theoretical: number, methodological: number, experimental: number) => ({
  aspects: { theoretical, methodological, experimental },
});

/**
 * An instructor's reason that lets a grade be entered before its rule is met (the presentation has
 * started, a report was accepted): for tests about grade math, mail and access. The rules and their
 * refusals are tested in grades-rules.test.ts.
 */
export const waived = { reason: 'Entered before its rule is met (rules are tested in grades-rules.test.ts)' };
