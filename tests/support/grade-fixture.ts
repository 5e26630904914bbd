import type { CourseFixture } from './course-fixture.js';

/** Before the demo course's group deadline (Monday 13 March 2023, 23:59 Paris). */
export const BEFORE_GROUP_DEADLINE = '2023-03-01T10:00:00+01:00';

/** Forms groups (by student index) through the API, each by its first member; returns the group ids. */
export const formGroups = async (
  c: CourseFixture,
  groups: { members: number[]; paperId: string }[],
): Promise<string[]> => {
  const ids: string[] = [];
  for (const g of groups) {
    const first = g.members[0] ?? 0;
    const res = await c
      .student(first)
      .at(BEFORE_GROUP_DEADLINE)
      .post(`/courses/${c.courseId}/groups`, {
        members: g.members.map((i) => c.students[i]),
        paperId: g.paperId,
      });
    if (res.status !== 201) throw new Error(`group: ${res.status} ${res.text}`);
    ids.push(res.body.groupId as string);
  }
  return ids;
};

export const gradePath = (c: CourseFixture, groupId: string, componentId: string) =>
  `/courses/${c.courseId}/groups/${groupId}/grades/${componentId}`;

export const memberPath = (c: CourseFixture, groupId: string, email: string) =>
  `/courses/${c.courseId}/groups/${groupId}/grades/members/${encodeURIComponent(email)}`;

export const aspects = (theoretical: number, methodological: number, experimental: number) => ({
  aspects: { theoretical, methodological, experimental },
});
