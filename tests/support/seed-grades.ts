import { demoCourse } from '../../shared/demo/demo-course.js';
import { newId } from '../../shared/groups/new-id.js';
import { studentEntity } from '../../shared/store/course-repo.js';
import { gradeItem, memberGradesItem } from '../../shared/store/grade-repo.js';
import { groupItem, type GroupRecord } from '../../shared/store/group-repo.js';
import { listStudents } from '../../shared/store/roster-repo.js';
import { batchWriteAll, type BatchWrite, type Db, type Item } from '../../shared/store/table-ops.js';

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

/** BatchWrite streams at once: DynamoDB Local answers a few in parallel faster than one by one. */
const WRITERS = 4;

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
  const groups: GroupRecord[] = Array.from({ length: Math.ceil(o.students.length / groupSize) }, (_, i) => ({
    courseId,
    groupId: newId('g'),
    members: o.students.slice(i * groupSize, (i + 1) * groupSize),
    paperId: papers[i % papers.length] as string,
    invited: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  const groupOf = new Map(groups.flatMap((g) => g.members.map((m) => [m, g.groupId] as const)));
  const roster = (await listStudents(d, courseId)).filter((s) => groupOf.has(s.email));
  if (roster.length !== groupOf.size)
    throw new Error(
      `seedGradedGroups: ${groupOf.size - roster.length} of the students are not on the roster`,
    );
  const graded = groups.slice(ungraded);
  const base = { courseId, version: 1, updatedAt: now, updatedBy: instructor };
  const items: Item[] = [
    ...roster.map((s) => studentEntity.toItem({ ...s, groupId: groupOf.get(s.email) })),
    ...groups.map(groupItem),
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
  const writes: BatchWrite[] = items.map((Item) => ({ PutRequest: { Item } }));
  const share = Math.ceil(writes.length / WRITERS / 25) * 25;
  await Promise.all(
    Array.from({ length: WRITERS }, (_, w) => batchWriteAll(d, writes.slice(w * share, (w + 1) * share))),
  );
  return { groups, graded, items: items.length };
};
