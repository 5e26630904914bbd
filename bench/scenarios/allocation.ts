import {
  allocatePapers,
  linearRankCost,
  type AllocationInput,
  type GroupAssignment,
} from '../../shared/domain/paper-allocation.js';
import type { BenchRow, BenchScenario } from '../bench-types.js';

const GROUPS = 200;
const PAPERS = 30;
const RUNS = 5;
/** The greedy baseline takes microseconds: each of its runs repeats it this often, for a readable time. */
const GREEDY_REPEATS = 1000;

/** mulberry32: a small seeded PRNG, so every run allocates the same instance. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/**
 * 200 groups, 30 papers with 220 seats (1.1 seats a group: 10 papers of cap 8, 20 of cap 7), each
 * group ranking 5–10 papers drawn without replacement with a Zipf skew (paper i weighs 1/(i+1)), so
 * the popular papers are over-asked and the caps bind. Also the order the rankings "came in", for
 * the first-come baseline.
 */
const instance = () => {
  const random = prng(2023);
  const papers = Array.from({ length: PAPERS }, (_, i) => ({ id: `paper-${i}`, cap: i % 3 === 0 ? 8 : 7 }));
  const weights = papers.map((_, i) => 1 / (i + 1));
  const groups = Array.from({ length: GROUPS }, (_, g) => {
    const left = papers.map((p, i) => ({ id: p.id, w: weights[i]! }));
    const ranking: string[] = [];
    for (let length = 5 + Math.floor(random() * 6); ranking.length < length;) {
      let x = random() * left.reduce((s, p) => s + p.w, 0);
      let i = 0;
      while (i < left.length - 1 && (x -= left[i]!.w) >= 0) i++;
      ranking.push(left.splice(i, 1)[0]!.id);
    }
    return { groupId: `group-${String(g).padStart(3, '0')}`, ranking };
  });
  const arrival = groups.map((g) => ({ g, at: random() })).sort((a, b) => a.at - b.at);
  const input: AllocationInput = { papers, groups, seed: 'bench-2023' };
  return { input, arrival: arrival.map((a) => a.g) };
};

/** First come, first served: each group in arrival order takes its best ranked paper with a seat left. */
const greedy = (input: AllocationInput, arrival: AllocationInput['groups']): (number | null)[] => {
  const seats = new Map(input.papers.map((p) => [p.id, p.cap ?? Infinity]));
  return arrival.map((g) => {
    const j = g.ranking.findIndex((id) => seats.get(id)! > 0);
    if (j < 0) return null;
    seats.set(g.ranking[j]!, seats.get(g.ranking[j]!)! - 1);
    return j + 1;
  });
};

const timed = (f: () => void) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

/** The optimal allocation's solve time against a first-come greedy in the same run, and the groups' satisfaction under each. */
export const scenario: BenchScenario = {
  name: 'allocation',
  async run() {
    const { input, arrival } = instance();
    const optimal = allocatePapers(input); // also the warm-up (JIT)
    const linear = allocatePapers(input, { rankCost: linearRankCost });
    const first = greedy(input, arrival);
    const solveMs = median(Array.from({ length: RUNS }, () => timed(() => allocatePapers(input))));
    const greedyMs = median(
      Array.from({ length: RUNS }, () =>
        timed(() => {
          for (let i = 0; i < GREEDY_REPEATS; i++) greedy(input, arrival);
        }),
      ),
    );
    const perGreedyMs = greedyMs / GREEDY_REPEATS;

    const rows: BenchRow[] = [
      {
        scenario: 'allocation',
        metric: `optimal solve, ${GROUPS} groups × ${PAPERS} papers (median of ${RUNS})`,
        value: Math.round(solveMs * 100) / 100,
        unit: 'ms',
        detail: `${Math.round(solveMs / perGreedyMs)}× greedy`,
        note: `one warm-up run first; in the bench process; seats ${input.papers.reduce((s, p) => s + (p.cap ?? 0), 0)}, rankings of 5–10 papers with a Zipf skew, the same instance every run`,
      },
      {
        scenario: 'allocation',
        metric: 'greedy first-come allocation (baseline)',
        value: Math.round(perGreedyMs * 10_000) / 10,
        unit: 'µs',
        detail: 'baseline',
        note: `median of ${RUNS} runs of ${GREEDY_REPEATS} allocations each, divided by ${GREEDY_REPEATS}`,
      },
    ];
    const ranksOf = (as: GroupAssignment[]) => as.map((a) => a.rank);
    const methods: [string, (number | null)[]][] = [
      ['optimal, cost (rank−1)² (default)', ranksOf(optimal.assignments)],
      ['optimal, cost rank−1', ranksOf(linear.assignments)],
      ['greedy first-come', first],
    ];
    const pct = (n: number) => Math.round((n / GROUPS) * 1000) / 10;
    for (const [name, ranks] of methods) {
      const given = ranks.filter((r): r is number => r !== null);
      rows.push(
        {
          scenario: 'allocation',
          metric: `1st choice, ${name}`,
          value: pct(given.filter((r) => r === 1).length),
          unit: '%',
        },
        {
          scenario: 'allocation',
          metric: `≤ 3rd choice, ${name}`,
          value: pct(given.filter((r) => r <= 3).length),
          unit: '%',
        },
        {
          scenario: 'allocation',
          metric: `no ranked paper, ${name}`,
          value: GROUPS - given.length,
          unit: 'groups',
        },
        {
          scenario: 'allocation',
          metric: `worst rank given, ${name}`,
          value: Math.max(0, ...given),
          unit: 'rank',
          detail: `mean ${(given.reduce((s, r) => s + r, 0) / (given.length || 1)).toFixed(2)}`,
        },
      );
    }
    return rows;
  },
};
