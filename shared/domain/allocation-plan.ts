import { allocatePapers, publishedOrder } from './paper-allocation.js';

/**
 * What happens to the groups without a paper at the group deadline, as a pure plan: the solver of
 * paper-allocation.ts for ranked courses (its published order and tie rule), then, in both modes,
 * a paper with seats left for every group the rankings did not place. Groups that already have a
 * paper keep it: their seats are taken out of the caps before anything is allocated.
 */
export type PaperChoice = 'first-come' | 'ranked';

export interface PlanInput {
  mode: PaperChoice;
  /** The tie-break seed (the course id), published with the result. */
  seed: string;
  /** The course's papers, in course order (the order that settles a tie between equally loaded papers). */
  papers: { id: string }[];
  /** groups.maxGroupsPerPaper; undefined: no cap. */
  cap: number | undefined;
  /** Seats already taken on each paper (the paper-seat counters). */
  taken: ReadonlyMap<string, number>;
  /** The groups without a paper. */
  waiting: { groupId: string }[];
  /** Each group's ranking, best first (ranked mode; ignored in first-come mode). */
  rankings: ReadonlyMap<string, readonly string[]>;
  /** Groups that already had a paper (reported, never moved). */
  kept: number;
}

/** ranked: a paper it ranked; seats-left: a paper with seats left; unplaced: every paper is full. */
export type PlacedBy = 'ranked' | 'seats-left' | 'unplaced';

export interface PlannedGroup {
  groupId: string;
  /** Position in the published order (1 = first). */
  priority: number;
  /** SHA-256 of `<seed>:<groupId>`, hex: the published order sorts by it. */
  key: string;
  /** The ranking the plan used (known papers only, best first). */
  ranking: string[];
  paperId: string | null;
  /** Rank of paperId in the ranking (1 = first choice); null when it was not ranked or no paper. */
  rank: number | null;
  placedBy: PlacedBy;
}

export interface SatisfactionReport {
  /** Groups that had no paper at the deadline. */
  waiting: number;
  /** Groups that already had a paper and kept it. */
  kept: number;
  /** Groups without a paper that had ranked at least one paper. */
  ranked: number;
  /** How many groups got their 1st, 2nd, … choice, from rank 1 to the worst given. */
  byRank: { rank: number; groups: number }[];
  /** Placed on a paper they did not rank (no ranking, or none of theirs had a seat). */
  onUnranked: number;
  /** Left without a paper: every paper was full. */
  unplaced: number;
}

export interface AllocationPlan {
  mode: PaperChoice;
  seed: string;
  /** The waiting groups in the published order. */
  groups: PlannedGroup[];
  report: SatisfactionReport;
}

/** Seats left on a paper under the cap; null when uncapped. */
const seatsLeft = (cap: number | undefined, taken: number): number | null =>
  cap === undefined ? null : Math.max(0, cap - taken);

export const planAllocation = (input: PlanInput): AllocationPlan => {
  const known = new Set(input.papers.map((p) => p.id));
  // A paper removed from the course since a group ranked it is skipped, as is a repeat.
  const rankingOf = (groupId: string) =>
    input.mode === 'ranked'
      ? [...new Set(input.rankings.get(groupId) ?? [])].filter((id) => known.has(id))
      : [];
  const waiting = input.waiting.map((g) => ({ groupId: g.groupId, ranking: rankingOf(g.groupId) }));
  const order = publishedOrder(
    input.seed,
    waiting.map((g) => g.groupId),
  );
  const solved = new Map(
    input.mode === 'ranked'
      ? allocatePapers({
          seed: input.seed,
          papers: input.papers.map((p) => ({
            id: p.id,
            cap: seatsLeft(input.cap, input.taken.get(p.id) ?? 0),
          })),
          groups: waiting,
        }).assignments.map((a) => [a.groupId, a] as const)
      : [],
  );
  const load = new Map(input.papers.map((p) => [p.id, input.taken.get(p.id) ?? 0]));
  for (const a of solved.values()) if (a.paperId) load.set(a.paperId, (load.get(a.paperId) ?? 0) + 1);
  // The paper with seats left and the fewest groups; equal loads go by course order.
  const leastLoaded = () => {
    let best: string | undefined;
    for (const { id } of input.papers) {
      const n = load.get(id) ?? 0;
      if (input.cap !== undefined && n >= input.cap) continue;
      if (best === undefined || n < (load.get(best) ?? 0)) best = id;
    }
    return best;
  };
  const rankingById = new Map(waiting.map((g) => [g.groupId, g.ranking]));
  // The groups the rankings did not place get their paper in the published order too.
  const groups = order.map(({ groupId, key }, i): PlannedGroup => {
    const ranking = rankingById.get(groupId) ?? [];
    const base = { groupId, priority: i + 1, key, ranking };
    const a = solved.get(groupId);
    if (a?.paperId) return { ...base, paperId: a.paperId, rank: a.rank, placedBy: 'ranked' };
    const paperId = leastLoaded();
    if (paperId === undefined) return { ...base, paperId: null, rank: null, placedBy: 'unplaced' };
    load.set(paperId, (load.get(paperId) ?? 0) + 1);
    return { ...base, paperId, rank: null, placedBy: 'seats-left' };
  });
  return { mode: input.mode, seed: input.seed, groups, report: reportOf(groups, input.kept) };
};

export const reportOf = (groups: PlannedGroup[], kept: number): SatisfactionReport => {
  const ranks = groups.flatMap((g) => (g.rank === null ? [] : [g.rank]));
  const worst = Math.max(0, ...ranks);
  return {
    waiting: groups.length,
    kept,
    ranked: groups.filter((g) => g.ranking.length > 0).length,
    byRank: Array.from({ length: worst }, (_, j) => ({
      rank: j + 1,
      groups: ranks.filter((r) => r === j + 1).length,
    })),
    onUnranked: groups.filter((g) => g.placedBy === 'seats-left').length,
    unplaced: groups.filter((g) => g.placedBy === 'unplaced').length,
  };
};

/** 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, … 21st. */
export const ordinal = (n: number): string => {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** The report as lines of text, for the instructors' deadline summary and the demo. */
export const reportLines = (r: SatisfactionReport, mode: PaperChoice): string[] => [
  ...(mode === 'ranked'
    ? [
        `${r.waiting} group(s) had no paper at the deadline; ${r.ranked} of them ranked papers.`,
        ...r.byRank.map((x) => `  ${ordinal(x.rank)} choice: ${x.groups}`),
      ]
    : [`${r.waiting} group(s) had no paper at the deadline.`]),
  `  on a paper with seats left${mode === 'ranked' ? ' they did not rank' : ''}: ${r.onUnranked}`,
  `  no paper (every paper full): ${r.unplaced}`,
  `${r.kept} group(s) kept the paper they had.`,
];

export interface RankingProblem {
  path: string;
  message: string;
}

/** A ranking's problems, each at `body.ranking[i]`: a paper the course does not have, a paper ranked twice. */
export const rankingProblems = (
  ranking: readonly string[],
  paperIds: readonly string[],
): RankingProblem[] => {
  const known = new Set(paperIds);
  const firstAt = new Map<string, number>();
  return ranking.flatMap((paperId, i) => {
    const path = `body.ranking[${i}]`;
    if (!known.has(paperId)) return [{ path, message: `no paper "${paperId}" in this course` }];
    const earlier = firstAt.get(paperId);
    if (earlier !== undefined)
      return [{ path, message: `"${paperId}" is ranked twice (also at body.ranking[${earlier}])` }];
    firstAt.set(paperId, i);
    return [];
  });
};
