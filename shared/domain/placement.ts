/** Placing the students left without a group after the group deadline. Pure and deterministic. */
export interface PlacementInput {
  unassigned: string[];
  groups: { groupId: string; members: string[]; paperId?: string | undefined; createdAt: string }[];
  papers: { id: string }[];
  minSize: number;
  maxSize: number;
  maxGroupsPerPaper?: number;
}

export type Placement =
  | { kind: 'join'; groupId: string; members: string[] }
  | { kind: 'create'; members: string[]; paperId: string };

export interface PlacementPlan {
  placements: Placement[];
  /** Students who could not be placed without breaking the size rules. */
  unplaced: string[];
}

/** Splits n students into the fewest groups within [min, max], as even as possible; undefined if impossible. */
export const splitIntoGroups = (n: number, min: number, max: number): number[] | undefined => {
  if (n === 0) return [];
  const count = Math.ceil(n / max);
  if (count * min > n) return undefined;
  const base = Math.floor(n / count);
  return Array.from({ length: count }, (_, i) => base + (i < n % count ? 1 : 0));
};

/**
 * First bring incomplete groups up to the minimum, then form new groups from whoever is left (on
 * the papers with the fewest groups), and put any remainder too small for a group of its own into
 * groups with room, the smallest first. Students are taken in email order, groups in creation order.
 */
export const planPlacement = (input: PlacementInput): PlacementPlan => {
  const queue = [...input.unassigned].sort();
  const groups = [...input.groups]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.groupId.localeCompare(b.groupId))
    .map((g) => ({ ...g, added: [] as string[] }));
  const size = (g: (typeof groups)[number]) => g.members.length + g.added.length;

  for (const g of groups)
    while (g.members.length > 0 && size(g) < input.minSize && queue.length) g.added.push(queue.shift()!);

  const placements: Placement[] = [];
  const load = new Map(input.papers.map((p) => [p.id, 0]));
  for (const g of groups) if (g.paperId) load.set(g.paperId, (load.get(g.paperId) ?? 0) + 1);
  const leastUsedPaper = () =>
    input.papers
      .filter((p) => input.maxGroupsPerPaper === undefined || (load.get(p.id) ?? 0) < input.maxGroupsPerPaper)
      .sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0))[0]?.id;

  let sizes = splitIntoGroups(queue.length, input.minSize, input.maxSize);
  // Too few for a group of their own: keep them for groups with room.
  if (!sizes) sizes = [];
  for (const n of sizes) {
    const paperId = leastUsedPaper();
    if (!paperId) break;
    load.set(paperId, (load.get(paperId) ?? 0) + 1);
    placements.push({ kind: 'create', members: queue.splice(0, n), paperId });
  }
  while (queue.length) {
    const roomy = groups
      .filter((g) => g.members.length > 0 && size(g) < input.maxSize)
      .sort((a, b) => size(a) - size(b))[0];
    if (!roomy) break;
    roomy.added.push(queue.shift()!);
  }
  for (const g of groups)
    if (g.added.length) placements.unshift({ kind: 'join', groupId: g.groupId, members: g.added });
  return { placements, unplaced: queue };
};
