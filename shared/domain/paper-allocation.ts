import { createHash } from 'node:crypto';
import * as z from 'zod';
import { FlowGraph } from './min-cost-flow.js';

/**
 * Allocating papers to groups from their ranked preferences, at the ranking deadline. Pure and
 * deterministic: the result depends only on the input (not its order) and the seed.
 *
 * What the allocation optimises, in this order:
 * 1. as many groups as possible get a paper they ranked, no paper taking more groups than its cap;
 * 2. among those allocations, the least total cost, where a group's cost is a function of the rank
 *    of its paper (by default (rank − 1)²: 0 for a 1st choice, 1 for a 2nd, 4 for a 3rd, 9 for a 4th…);
 * 3. ties (several allocations equally good by 1 and 2) go by the published order below.
 *
 * Why (rank − 1)² rather than rank: the square makes one group's big disappointment cost more than
 * two small ones. Two groups at their 2nd choice (1 + 1) beat one at its 1st and one at its 3rd
 * (0 + 4); with cost = rank both cost the same and the lottery order alone would decide, so bad
 * outcomes would pile up on the groups late in the order. `linearRankCost` is there for a course
 * that prefers the most 1st choices; the cost is a parameter.
 *
 * The published order and the tie rule, as a student can check them: each group's key is the
 * SHA-256 hash, in lower-case hexadecimal, of the text `<seed>:<group id>` (for the course
 * genmod-2023 and group g1, `printf '%s' 'genmod-2023:g1' | sha256sum`). Groups are ordered by key,
 * smallest first; that is the published order. Among the allocations that are best by 1 and 2, the
 * first group in the order gets the best rank it has in any of them; among those that give it that,
 * the second group gets the best rank it can; and so on down the order. Being left without a paper
 * counts as worse than any rank. So nobody's result could improve in a best allocation without a
 * group earlier in the order doing worse.
 *
 * A group gets `paperId: null` when it ranked no paper, or when the caps cannot seat it together
 * with as many other groups (the tie rule then says which group that is). It is never put on a
 * paper it did not rank: the caller places it, e.g. on a paper with seats left, as it places
 * students without a group.
 *
 * The solver is a min-cost flow (source → group → ranked paper → sink, a paper's edge to the sink
 * carrying its cap; every group also has an edge to "no paper" costing more than any allocation of
 * the others could save, so fewer groups without a paper always comes first), which is exact. The
 * tie rule is then applied by moving each group in the order to its best paper that some best
 * allocation gives it, without touching the groups before it (a zero-cost cycle in the residual
 * graph; see `FlowGraph.zeroCostPath`). Small npm solvers (munkres-js, min-cost-flow) were not used:
 * the Hungarian ones want a square cost matrix (a column per seat) and none exposes the dual
 * potentials that this tie rule needs; the ~250 lines here are tested against brute force.
 */

export const AllocationPaper = z.object({
  id: z.string().min(1),
  /** The effective cap (the paper's own or the course default); null: no cap. */
  cap: z.number().int().min(0).nullable(),
});
export const AllocationGroup = z.object({
  groupId: z.string().min(1),
  /** Paper ids, best first; any number of them, each at most once. */
  ranking: z.array(z.string()),
});
export const AllocationInput = z.object({
  papers: z.array(AllocationPaper),
  groups: z.array(AllocationGroup),
  /** The tie-break seed, e.g. the course id; published with the result. */
  seed: z.string().min(1),
});
export type AllocationInput = z.infer<typeof AllocationInput>;

/** A group's cost for getting its choice of this rank (1 = first); a non-negative integer, never lower for a worse rank. */
export type RankCost = (rank: number) => number;
export const squaredRankCost: RankCost = (rank) => (rank - 1) ** 2;
export const linearRankCost: RankCost = (rank) => rank - 1;

export interface AllocationOptions {
  /** Default `squaredRankCost`. */
  rankCost?: RankCost;
}

export interface GroupAssignment {
  groupId: string;
  /** Position in the published order (1 = first), which settles ties. */
  priority: number;
  /** null: no paper it ranked could be given; the caller places the group. */
  paperId: string | null;
  /** The rank of `paperId` in the group's ranking (1 = first choice); null with no paper. */
  rank: number | null;
}

export interface Allocation {
  /** One per group, in the published order. */
  assignments: GroupAssignment[];
  /** How many groups got their 1st, 2nd, … choice, from rank 1 to the worst rank given. */
  satisfaction: { rank: number; groups: number }[];
  /** Groups left without a paper. */
  unassigned: number;
  /** Sum of the rank costs of the assigned groups. */
  totalCost: number;
}

export interface AllocationProblem {
  path: string;
  message: string;
}

/** The input breaks a rule; every problem names the group or paper at fault. */
export class AllocationInputError extends Error {
  constructor(readonly problems: AllocationProblem[]) {
    super(`invalid allocation input: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'AllocationInputError';
  }
}

/** The published order: groups by SHA-256 of `${seed}:${groupId}` (hex), smallest first. */
export const publishedOrder = (seed: string, groupIds: string[]): { groupId: string; key: string }[] =>
  groupIds
    .map((groupId) => ({ groupId, key: createHash('sha256').update(`${seed}:${groupId}`).digest('hex') }))
    // Code-unit comparison, not localeCompare: the order must not depend on the machine's locale.
    .sort((a, b) => cmp(a.key, b.key) || cmp(a.groupId, b.groupId));

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const inputProblems = (input: AllocationInput): AllocationProblem[] => {
  const problems: AllocationProblem[] = [];
  const papers = new Set<string>();
  input.papers.forEach((p, i) => {
    if (papers.has(p.id))
      problems.push({ path: `papers[${i}]`, message: `paper ${p.id} is listed more than once` });
    papers.add(p.id);
  });
  const groups = new Set<string>();
  input.groups.forEach((g, i) => {
    if (groups.has(g.groupId))
      problems.push({ path: `groups[${i}]`, message: `group ${g.groupId} is listed more than once` });
    groups.add(g.groupId);
    const rankOf = new Map<string, number>();
    g.ranking.forEach((paperId, j) => {
      const path = `groups[${i}].ranking[${j}]`;
      const earlier = rankOf.get(paperId);
      if (!papers.has(paperId))
        problems.push({
          path,
          message: `group ${g.groupId} ranks paper ${paperId}, which is not a paper of the course`,
        });
      else if (earlier !== undefined)
        problems.push({
          path,
          message: `group ${g.groupId} ranks paper ${paperId} more than once (ranks ${earlier} and ${j + 1})`,
        });
      else rankOf.set(paperId, j + 1);
    });
  });
  return problems;
};

/** The cost of each rank 1..longest, checked to be usable by the exact solver. */
const rankCosts = (rankCost: RankCost, longest: number): number[] => {
  const costs: number[] = [];
  for (let rank = 1; rank <= longest; rank++) {
    const c = rankCost(rank);
    if (!Number.isSafeInteger(c) || c < 0)
      throw new RangeError(`rank cost of rank ${rank} is ${c}, not an integer ≥ 0`);
    if (rank > 1 && c < costs[rank - 2]!)
      throw new RangeError(`rank cost of rank ${rank} (${c}) is lower than that of rank ${rank - 1}`);
    costs.push(c);
  }
  return costs;
};

interface Option {
  edge: number;
  paperId: string | null;
  rank: number | null;
}

const SOURCE = 0;
const SINK = 1;
const NO_PAPER = 2;

/** Allocates papers to groups (see the module comment). Throws `AllocationInputError` on bad input. */
export const allocatePapers = (raw: AllocationInput, options: AllocationOptions = {}): Allocation => {
  const parsed = AllocationInput.safeParse(raw);
  if (!parsed.success)
    throw new AllocationInputError(
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(input)', message: i.message })),
    );
  const input = parsed.data;
  const problems = inputProblems(input);
  if (problems.length) throw new AllocationInputError(problems);

  const rankingOf = new Map(input.groups.map((g) => [g.groupId, g.ranking]));
  const order = publishedOrder(
    input.seed,
    input.groups.map((g) => g.groupId),
  );
  const costs = rankCosts(
    options.rankCost ?? squaredRankCost,
    Math.max(0, ...input.groups.map((g) => g.ranking.length)),
  );
  const n = order.length;
  // More than any allocation of the other groups could save: one group fewer without a paper always wins.
  const noPaperCost = n * (costs.at(-1) ?? 0) + 1;

  // Papers in id order and groups in the published order, so that the graph does not depend on input order.
  const papers = [...input.papers].sort((a, b) => cmp(a.id, b.id));
  const paperNode = new Map(papers.map((p, i) => [p.id, 3 + i]));
  const groupNode = (i: number) => 3 + papers.length + i;
  const graph = new FlowGraph(3 + papers.length + n);
  for (const p of papers) graph.addEdge(paperNode.get(p.id)!, SINK, Math.min(p.cap ?? n, n), 0);
  graph.addEdge(NO_PAPER, SINK, n, 0);
  const optionsOf: Option[][] = order.map(({ groupId }, i) => {
    graph.addEdge(SOURCE, groupNode(i), 1, 0);
    const ranked = rankingOf.get(groupId)!.map((paperId, j) => ({
      edge: graph.addEdge(groupNode(i), paperNode.get(paperId)!, 1, costs[j]!),
      paperId,
      rank: j + 1,
    }));
    return [
      ...ranked,
      { edge: graph.addEdge(groupNode(i), NO_PAPER, 1, noPaperCost), paperId: null, rank: null },
    ];
  });

  const { flow } = graph.minCostFlow(SOURCE, SINK);
  if (flow !== n) throw new Error(`allocation flow ${flow} ≠ ${n} groups`); // every group has "no paper"

  // The tie rule: each group in turn moves to the best option some best allocation gives it while
  // the groups before it keep theirs. Residual edges of reduced cost 0 are exactly the changes that
  // keep an allocation best, so a zero-cost path from the better paper back to the current one,
  // avoiding the groups already settled, is such a move; if there is none, no best allocation has it.
  const settled = new Uint8Array(graph.nodes);
  settled[SOURCE] = 1;
  const current = (opts: Option[]) => opts.find((o) => graph.flow(o.edge) === 1)!;
  optionsOf.forEach((opts, i) => {
    settled[groupNode(i)] = 1;
    const now = current(opts);
    // A flow edge of negative reduced cost is one that no best allocation leaves (closing the cycle
    // through it would cost more). This graph's potentials keep it at 0, but the rule must not rely on that.
    if (graph.reducedCost(now.edge) !== 0) return;
    for (const better of opts) {
      if (better === now) break;
      if (graph.residual(better.edge) === 0 || graph.reducedCost(better.edge) !== 0) continue;
      const path = graph.zeroCostPath(graph.to(better.edge), graph.to(now.edge), (v) => settled[v] === 1);
      if (!path) continue;
      for (const e of [better.edge, ...path, graph.reverse(now.edge)]) graph.push(e, 1);
      return;
    }
  });

  const assignments = optionsOf.map((opts, i): GroupAssignment => {
    const { paperId, rank } = current(opts);
    return { groupId: order[i]!.groupId, priority: i + 1, paperId, rank };
  });
  const ranks = assignments.flatMap((a) => (a.rank === null ? [] : [a.rank]));
  const worst = Math.max(0, ...ranks);
  return {
    assignments,
    satisfaction: Array.from({ length: worst }, (_, j) => ({
      rank: j + 1,
      groups: ranks.filter((r) => r === j + 1).length,
    })),
    unassigned: n - ranks.length,
    totalCost: ranks.reduce((s, r) => s + costs[r - 1]!, 0),
  };
};
