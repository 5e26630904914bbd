import { demoCourse } from '../../shared/demo/demo-course.js';
import { gradeItem, memberGradesItem } from '../../shared/store/grade-repo.js';
import type { GroupRecord } from '../../shared/store/group-repo.js';
import type { Db, Item } from '../../shared/store/table-ops.js';
import { groupSeedItems, putAll } from './seed-groups.js';

export interface SeedGradesOptions {
  courseId: string;
  /** Written as `updatedBy` / `by` of the grades and member changes. */
  instructor: string;
  /**
   * Roster emails put into groups, in this order, `groupSize` at a time (the last group may be
   * smaller). Roster students not listed stay without a group (their final: "not in a group").
   */
  students: readonly string[];
  groupSize: number;
  /** The first this many groups get no grade at all (their members' finals stay empty). Default 0. */
  ungradedGroups?: number;
  /**
   * A presentation change for the first member of this many graded groups, alternately an
   * adjustment (+1.5) and an override (15). Default 0.
   */
  memberChanges?: number;
}

/**
 * Groups, grades and member changes of a course whose roster is already in (through the API),
 * written straight into the table with BatchWrite: forming and grading 500 groups through the API
 * would take minutes and is not what the callers measure. Every graded group has both components
 * of the demo course's grading (report with its three aspects, presentation), with values that
 * vary from group to group, so its members' grades are complete and most finals differ.
 * Items are built by the entities' own `toItem` (group, grade, member change) and the roster
 * entries are the ones the roster write left (one Query), re-put with their `groupId`.
 * Returns the groups, graded ones after the ungraded, and the number of items written.
 */
export const seedGradedGroups = async (
  d: Db,
  o: SeedGradesOptions,
): Promise<{ groups: GroupRecord[]; graded: GroupRecord[]; items: number }> => {
  const { courseId, instructor, groupSize } = o;
  const ungraded = o.ungradedGroups ?? 0;
  const now = new Date().toISOString();
  const papers = demoCourse.papers.map((p) => p.id);
  const members = Array.from({ length: Math.ceil(o.students.length / groupSize) }, (_, i) =>
    o.students.slice(i * groupSize, (i + 1) * groupSize),
  );
  const seeded = await groupSeedItems(d, {
    courseId,
    members,
    paperOf: (i) => papers[i % papers.length] as string,
  });
  const { groups } = seeded;
  const graded = groups.slice(ungraded);
  const base = { courseId, version: 1, updatedAt: now, updatedBy: instructor };
  const items: Item[] = [
    ...seeded.items,
    ...graded.flatMap((g, i) => [
      gradeItem({
        ...base,
        groupId: g.groupId,
        componentId: 'report',
        aspects: { theoretical: 10 + (i % 9), methodological: 11 + (i % 7), experimental: 12 + (i % 5) },
        comment: 'Clear and well argued',
      }),
      gradeItem({ ...base, groupId: g.groupId, componentId: 'presentation', score: 8 + (i % 12) + 0.5 }),
    ]),
    ...graded.slice(0, o.memberChanges ?? 0).map((g, i) =>
      memberGradesItem({
        courseId,
        groupId: g.groupId,
        email: g.members[0] as string,
        changes: {
          presentation: {
            componentId: 'presentation',
            kind: i % 2 ? 'override' : 'adjustment',
            value: i % 2 ? 15 : 1.5,
            reason: 'Seeded change',
            by: instructor,
            at: now,
            version: 1,
          },
        },
      }),
    ),
  ];
  await putAll(d, items);
  return { groups, graded, items: items.length };
};
