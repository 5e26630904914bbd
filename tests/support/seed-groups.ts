import { newId } from '../../shared/groups/new-id.js';
import { studentEntity } from '../../shared/store/course-repo.js';
import { groupItem, paperSeatsEntity, type GroupRecord } from '../../shared/store/group-repo.js';
import { listStudents } from '../../shared/store/roster-repo.js';
import { batchWriteAll, type BatchWrite, type Db, type Item } from '../../shared/store/table-ops.js';

/** BatchWrite streams at once: DynamoDB Local answers a few in parallel faster than one by one. */
const WRITERS = 4;

/** Puts `items` with BatchWrite, WRITERS streams at once. */
export const putAll = async (d: Db, items: readonly Item[]): Promise<void> => {
  const writes: BatchWrite[] = items.map((Item) => ({ PutRequest: { Item } }));
  const share = Math.ceil(writes.length / WRITERS / 25) * 25;
  await Promise.all(
    Array.from({ length: WRITERS }, (_, w) => batchWriteAll(d, writes.slice(w * share, (w + 1) * share))),
  );
};

interface SeedGroupsOptions {
  courseId: string;
  /** Each group's members (roster emails), in order. */
  members: readonly (readonly string[])[];
  paperOf: (index: number) => string;
}

/**
 * The items of groups of a course whose roster is already in (through the API): the group items,
 * the members' roster entries with their `groupId` (one Query reads them) and the papers' seat
 * counts, each built by its entity, as the group transaction leaves them.
 */
export const groupSeedItems = async (
  d: Db,
  o: SeedGroupsOptions,
): Promise<{ groups: GroupRecord[]; items: Item[] }> => {
  const { courseId } = o;
  const now = new Date().toISOString();
  const groups: GroupRecord[] = o.members.map((members, i) => ({
    courseId,
    groupId: newId('g'),
    members: [...members],
    paperId: o.paperOf(i),
    invited: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  const groupOf = new Map(groups.flatMap((g) => g.members.map((m) => [m, g.groupId] as const)));
  const roster = (await listStudents(d, courseId)).filter((s) => groupOf.has(s.email));
  if (roster.length !== groupOf.size)
    throw new Error(`seedGroups: ${groupOf.size - roster.length} of the students are not on the roster`);
  const seats = new Map<string, number>();
  for (const g of groups) if (g.paperId) seats.set(g.paperId, (seats.get(g.paperId) ?? 0) + 1);
  const items: Item[] = [
    ...roster.map((s) => studentEntity.toItem({ ...s, groupId: groupOf.get(s.email) })),
    ...groups.map(groupItem),
    ...[...seats].map(([paperId, taken]) => paperSeatsEntity.toItem({ courseId, paperId, taken })),
  ];
  return { groups, items };
};

/**
 * Groups written straight into the table, for fixtures whose tests are about what comes after
 * forming (uploads, bookings, grades): forming through the API costs three calls and a few mails
 * per group, and the tests of forming cover that on their own. Returns the groups in order.
 */
export const seedGroups = async (d: Db, o: SeedGroupsOptions): Promise<GroupRecord[]> => {
  const { groups, items } = await groupSeedItems(d, o);
  await putAll(d, items);
  return groups;
};
