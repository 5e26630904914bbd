import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AllocationInputError,
  allocatePapers,
  linearRankCost,
  publishedOrder,
  squaredRankCost,
  type Allocation,
  type AllocationInput,
  type RankCost,
} from '../../shared/domain/paper-allocation.js';

const seed = 'genmod-2023';
/** `printf '%s' 'genmod-2023:g1' | sha256sum` etc.: the order a student can recompute. */
const genmodOrder = ['g1', 'g4', 'g3', 'g2'];

const paperOf = (a: Allocation) => Object.fromEntries(a.assignments.map((x) => [x.groupId, x.paperId]));

/**
 * Every allocation, enumerated: the best by (groups without a paper, total cost, then each group's
 * rank in the published order with "no paper" last), which is the module's rule read literally.
 */
const bruteForce = (input: AllocationInput, rankCost: RankCost) => {
  const order = publishedOrder(
    input.seed,
    input.groups.map((g) => g.groupId),
  );
  const rankingOf = new Map(input.groups.map((g) => [g.groupId, g.ranking]));
  const cap = new Map(input.papers.map((p) => [p.id, p.cap ?? Infinity]));
  const load = new Map<string, number>();
  const picks: (number | null)[] = [];
  let best: { key: number[]; picks: (number | null)[] } | undefined;
  const better = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
    return false;
  };
  const visit = (i: number) => {
    if (i === order.length) {
      const key = [
        picks.filter((r) => r === null).length,
        picks.reduce<number>((s, r) => s + (r === null ? 0 : rankCost(r)), 0),
        ...picks.map((r) => r ?? Infinity),
      ];
      if (!best || better(key, best.key)) best = { key, picks: [...picks] };
      return;
    }
    rankingOf.get(order[i]!.groupId)!.forEach((paperId, j) => {
      const n = load.get(paperId) ?? 0;
      if (n >= cap.get(paperId)!) return;
      load.set(paperId, n + 1);
      picks.push(j + 1);
      visit(i + 1);
      picks.pop();
      load.set(paperId, n);
    });
    picks.push(null);
    visit(i + 1);
    picks.pop();
  };
  visit(0);
  const chosen = best!;
  return {
    assignments: order.map(({ groupId }, i) => {
      const rank = chosen.picks[i]!;
      return {
        groupId,
        priority: i + 1,
        paperId: rank === null ? null : rankingOf.get(groupId)![rank - 1]!,
        rank,
      };
    }),
    unassigned: chosen.key[0],
    totalCost: chosen.key[1],
  };
};

/**
 * An optimality certificate independent of the solver, for inputs too big to enumerate: an
 * allocation is best (fewest groups without a paper, then least cost) exactly when no cycle of
 * exchanges lowers the cost, i.e. its exchange graph has no negative cycle (Bellman-Ford). "No paper"
 * costs more than all the others could save, as in the objective.
 */
const hasImprovingExchange = (input: AllocationInput, a: Allocation, rankCost: RankCost) => {
  const n = input.groups.length;
  const longest = Math.max(0, ...input.groups.map((g) => g.ranking.length));
  const none = n * (longest ? rankCost(longest) : 0) + 1;
  const slots = [...input.papers.map((p) => ({ id: p.id, cap: p.cap ?? n })), { id: '(none)', cap: n }];
  const node = new Map<string, number>(slots.map((p, i) => [`paper:${p.id}`, i]));
  const sink = slots.length;
  input.groups.forEach((g, i) => node.set(`group:${g.groupId}`, sink + 1 + i));
  const edges: [number, number, number][] = [];
  const load = new Map<string, number>();
  for (const x of a.assignments) {
    const g = node.get(`group:${x.groupId}`)!;
    const ranking = input.groups.find((y) => y.groupId === x.groupId)!.ranking;
    const options = [
      ...ranking.map((id, j) => ({ id, cost: rankCost(j + 1) })),
      { id: '(none)', cost: none },
    ];
    const taken = x.paperId ?? '(none)';
    load.set(taken, (load.get(taken) ?? 0) + 1);
    for (const o of options) {
      const p = node.get(`paper:${o.id}`)!;
      edges.push(o.id === taken ? [p, g, -o.cost] : [g, p, o.cost]);
    }
  }
  slots.forEach((p, i) => {
    const l = load.get(p.id) ?? 0;
    if (l < p.cap) edges.push([i, sink, 0]);
    if (l > 0) edges.push([sink, i, 0]);
  });
  const dist = new Array<number>(sink + 1 + n).fill(0);
  for (let round = 0; round <= dist.length; round++) {
    let changed = false;
    for (const [u, v, c] of edges)
      if (dist[u]! + c < dist[v]!) {
        dist[v] = dist[u]! + c;
        changed = true;
      }
    if (!changed) return false;
  }
  return true;
};

const smallInput = (maxGroups: number, maxPapers: number, maxCap: number): fc.Arbitrary<AllocationInput> =>
  fc.integer({ min: 1, max: maxPapers }).chain((m) => {
    const ids = Array.from({ length: m }, (_, i) => `p${i}`);
    return fc.record({
      papers: fc
        .array(fc.option(fc.integer({ min: 0, max: maxCap }), { nil: null, freq: 4 }), {
          minLength: m,
          maxLength: m,
        })
        .map((caps) => caps.map((cap, i) => ({ id: ids[i]!, cap }))),
      groups: fc.uniqueArray(
        fc.record({
          groupId: fc.integer({ min: 0, max: 99 }).map((i) => `g${i}`),
          ranking: fc.shuffledSubarray(ids),
        }),
        { selector: (g) => g.groupId, maxLength: maxGroups },
      ),
      seed: fc.string({ minLength: 1, maxLength: 8 }),
    });
  });

const permutation = <T>(items: T[]) =>
  fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });

describe('publishedOrder', () => {
  it('orders groups by the SHA-256 of seed:groupId, a student can recompute it', () => {
    expect(publishedOrder(seed, ['g2', 'g1', 'g3', 'g4'])).toEqual([
      { groupId: 'g1', key: '67ef3b6b2edbf0a9d1e8d176ac7c46f817a47dc8d59e9b183c8754df981da310' },
      { groupId: 'g4', key: 'ca334ad2174589efdd1024345f61b6aa9e29ae60e8ec9936871818f1b57507ec' },
      { groupId: 'g3', key: 'eca9602fe11b9843d015cef8264bf90c82fd0b5b681467e691c16253cf56e458' },
      { groupId: 'g2', key: 'f7b51711d2f6daaf92cfe868efecba0d2c3bb5a7eea0fd25d6f049be49431a5d' },
    ]);
  });
});

describe('allocatePapers', () => {
  it('gives everyone their first choice when no paper has a cap', () => {
    const a = allocatePapers({
      papers: [
        { id: 'p1', cap: null },
        { id: 'p2', cap: null },
      ],
      groups: ['g1', 'g2', 'g3'].map((groupId) => ({ groupId, ranking: ['p1', 'p2'] })),
      seed,
    });
    expect(a.assignments).toEqual([
      { groupId: 'g1', priority: 1, paperId: 'p1', rank: 1 },
      { groupId: 'g3', priority: 2, paperId: 'p1', rank: 1 },
      { groupId: 'g2', priority: 3, paperId: 'p1', rank: 1 },
    ]);
    expect(a).toMatchObject({ satisfaction: [{ rank: 1, groups: 3 }], unassigned: 0, totalCost: 0 });
  });

  it('gives a paper of cap 1 wanted by 3 groups to the first of them in the published order', () => {
    const input = {
      papers: [
        { id: 'p1', cap: 1 },
        { id: 'p2', cap: null },
      ],
      groups: ['g2', 'g3', 'g1'].map((groupId) => ({ groupId, ranking: ['p1'] })),
      seed,
    };
    const only = allocatePapers(input);
    expect(paperOf(only)).toEqual({ g1: 'p1', g2: null, g3: null });
    expect(only).toMatchObject({ satisfaction: [{ rank: 1, groups: 1 }], unassigned: 2, totalCost: 0 });

    const withSecond = allocatePapers({
      ...input,
      groups: input.groups.map((g) => ({ ...g, ranking: ['p1', 'p2'] })),
    });
    expect(paperOf(withSecond)).toEqual({ g1: 'p1', g2: 'p2', g3: 'p2' });
    expect(withSecond).toMatchObject({
      satisfaction: [
        { rank: 1, groups: 1 },
        { rank: 2, groups: 2 },
      ],
      unassigned: 0,
      totalCost: 2,
    });
  });

  it('leaves a group that ranked nothing without a paper, and the others unaffected', () => {
    const a = allocatePapers({
      papers: [{ id: 'p1', cap: 1 }],
      groups: [
        { groupId: 'g1', ranking: [] },
        { groupId: 'g2', ranking: ['p1'] },
      ],
      seed,
    });
    expect(a.assignments).toEqual([
      { groupId: 'g1', priority: 1, paperId: null, rank: null },
      { groupId: 'g2', priority: 2, paperId: 'p1', rank: 1 },
    ]);
    expect(a.unassigned).toBe(1);
  });

  it('with more groups than seats, fills every seat and leaves the last in the order without a paper', () => {
    const a = allocatePapers({
      papers: [
        { id: 'p1', cap: 1 },
        { id: 'p2', cap: 1 },
      ],
      groups: genmodOrder.map((groupId) => ({ groupId, ranking: ['p1', 'p2'] })),
      seed,
    });
    expect(paperOf(a)).toEqual({ g1: 'p1', g4: 'p2', g3: null, g2: null });
    expect(a.unassigned).toBe(2);
  });

  it('assigns as many groups as possible before looking at cost', () => {
    // Cheapest would be g1 on its 1st choice and g2 without a paper; two groups placed come first.
    const a = allocatePapers({
      papers: [
        { id: 'p1', cap: 1 },
        { id: 'p2', cap: 1 },
      ],
      groups: [
        { groupId: 'g1', ranking: ['p1', 'p2'] },
        { groupId: 'g2', ranking: ['p1'] },
      ],
      seed,
    });
    expect(paperOf(a)).toEqual({ g1: 'p2', g2: 'p1' });
    expect(a.totalCost).toBe(1);
  });

  it('by default spreads disappointment: two 2nd choices beat a 1st and a 3rd', () => {
    // g3 alone ranks p3 and keeps it; then either g1 p1 (1st) + g4 p4 (3rd) or g1 p2 + g4 p1 (both 2nd).
    const input = {
      papers: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, cap: 1 })),
      groups: [
        { groupId: 'g1', ranking: ['p1', 'p2'] },
        { groupId: 'g4', ranking: ['p3', 'p1', 'p4'] },
        { groupId: 'g3', ranking: ['p3'] },
      ],
      seed,
    };
    const squared = allocatePapers(input);
    expect(paperOf(squared)).toEqual({ g1: 'p2', g3: 'p3', g4: 'p1' });
    expect(squared.totalCost).toBe(2);
    // With cost = rank both cost 2 and the published order decides: g1 comes before g4.
    const linear = allocatePapers(input, { rankCost: linearRankCost });
    expect(paperOf(linear)).toEqual({ g1: 'p1', g3: 'p3', g4: 'p4' });
    expect(linear.totalCost).toBe(2);
  });

  it('names the group and paper at fault', () => {
    const papers = [
      { id: 'p1', cap: 1 },
      { id: 'p2', cap: null },
    ];
    const run = (input: unknown) => {
      try {
        allocatePapers(input as AllocationInput);
      } catch (error) {
        expect(error).toBeInstanceOf(AllocationInputError);
        return (error as AllocationInputError).problems;
      }
      throw new Error('expected an AllocationInputError');
    };
    expect(run({ papers, groups: [{ groupId: 'g1', ranking: ['p1', 'p9'] }], seed })).toEqual([
      {
        path: 'groups[0].ranking[1]',
        message: 'group g1 ranks paper p9, which is not a paper of the course',
      },
    ]);
    expect(run({ papers, groups: [{ groupId: 'g1', ranking: ['p2', 'p1', 'p2'] }], seed })).toEqual([
      { path: 'groups[0].ranking[2]', message: 'group g1 ranks paper p2 more than once (ranks 1 and 3)' },
    ]);
    expect(
      run({
        papers: [...papers, { id: 'p1', cap: 2 }],
        groups: [
          { groupId: 'g1', ranking: [] },
          { groupId: 'g1', ranking: ['p1'] },
        ],
        seed,
      }),
    ).toEqual([
      { path: 'papers[2]', message: 'paper p1 is listed more than once' },
      { path: 'groups[1]', message: 'group g1 is listed more than once' },
    ]);
    expect(run({ papers: [{ id: 'p1', cap: -1 }], groups: [], seed })).toEqual([
      { path: 'papers.0.cap', message: expect.stringContaining('>=0') as string },
    ]);
    expect(() =>
      allocatePapers({ papers, groups: [{ groupId: 'g1', ranking: ['p1'] }], seed }),
    ).not.toThrow();
  });

  it('refuses a rank cost the exact solver cannot use', () => {
    const input = { papers: [{ id: 'p1', cap: 1 }], groups: [{ groupId: 'g1', ranking: ['p1'] }], seed };
    expect(() => allocatePapers(input, { rankCost: (r) => r / 2 })).toThrow('rank cost of rank 1 is 0.5');
    expect(() =>
      allocatePapers(
        {
          ...input,
          papers: [...input.papers, { id: 'p2', cap: 1 }],
          groups: [{ groupId: 'g1', ranking: ['p1', 'p2'] }],
        },
        { rankCost: (r) => 3 - r },
      ),
    ).toThrow('rank cost of rank 2 (1) is lower than that of rank 1');
  });
});

describe('allocatePapers against brute force (≤ 6 groups, ≤ 4 papers, caps 0–3 or none)', () => {
  for (const [name, rankCost] of [
    ['squared', squaredRankCost],
    ['linear', linearRankCost],
  ] as const)
    it(`finds the best allocation and the tie rule's pick (${name} cost)`, () => {
      fc.assert(
        fc.property(smallInput(6, 4, 3), (input) => {
          const a = allocatePapers(input, { rankCost });
          const expected = bruteForce(input, rankCost);
          expect(a.unassigned).toBe(expected.unassigned);
          expect(a.totalCost).toBe(expected.totalCost);
          expect(a.assignments).toEqual(expected.assignments);
        }),
        { numRuns: 300 },
      );
    });
});

describe('allocatePapers properties', () => {
  const mediumInput = smallInput(40, 10, 6);

  it('never exceeds a cap, and only gives a group a paper it ranked, at that rank', () => {
    fc.assert(
      fc.property(mediumInput, (input) => {
        const a = allocatePapers(input);
        const load = new Map<string, number>();
        const byId = new Map(input.groups.map((g) => [g.groupId, g.ranking]));
        expect(a.assignments.map((x) => x.groupId).sort()).toEqual([...byId.keys()].sort());
        for (const x of a.assignments) {
          if (x.paperId === null) {
            expect(x.rank).toBeNull();
            continue;
          }
          expect(byId.get(x.groupId)![x.rank! - 1]).toBe(x.paperId);
          load.set(x.paperId, (load.get(x.paperId) ?? 0) + 1);
        }
        for (const p of input.papers) expect(load.get(p.id) ?? 0).toBeLessThanOrEqual(p.cap ?? Infinity);
        expect(a.satisfaction.reduce((s, r) => s + r.groups, 0)).toBe(input.groups.length - a.unassigned);
      }),
      { numRuns: 200 },
    );
  });

  it('(the certificate itself finds the exchange that improves a worse allocation)', () => {
    const input = {
      papers: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, cap: 1 })),
      groups: [
        { groupId: 'g1', ranking: ['p1', 'p2'] },
        { groupId: 'g4', ranking: ['p3', 'p1', 'p4'] },
        { groupId: 'g3', ranking: ['p3'] },
      ],
      seed,
    };
    const given = (g1: string | null, g4: string | null, g3: string | null): Allocation => ({
      assignments: (
        [
          ['g1', g1],
          ['g4', g4],
          ['g3', g3],
        ] as const
      ).map(([groupId, paperId], i) => ({ groupId, priority: i + 1, paperId, rank: null })),
      satisfaction: [],
      unassigned: 0,
      totalCost: 0,
    });
    expect(hasImprovingExchange(input, given('p1', 'p4', 'p3'), squaredRankCost)).toBe(true);
    expect(hasImprovingExchange(input, given('p1', 'p4', 'p3'), linearRankCost)).toBe(false);
    expect(hasImprovingExchange(input, given('p1', 'p3', null), linearRankCost)).toBe(true);
    expect(hasImprovingExchange(input, given('p2', 'p1', 'p3'), squaredRankCost)).toBe(false);
  });

  for (const [name, rankCost] of [
    ['squared', squaredRankCost],
    ['linear', linearRankCost],
  ] as const)
    it(`leaves no exchange that would place more groups or lower the cost (${name} cost)`, () => {
      fc.assert(
        fc.property(mediumInput, (input) => {
          expect(hasImprovingExchange(input, allocatePapers(input, { rankCost }), rankCost)).toBe(false);
        }),
        { numRuns: 200 },
      );
    });

  it('does not depend on the order of groups or papers', () => {
    fc.assert(
      fc.property(
        mediumInput.chain((input) =>
          fc.record({
            input: fc.constant(input),
            groups: permutation(input.groups),
            papers: permutation(input.papers),
          }),
        ),
        ({ input, groups, papers }) => {
          expect(allocatePapers({ ...input, groups, papers })).toEqual(allocatePapers(input));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a different seed may change who wins a tie, never how many are placed or the cost', () => {
    fc.assert(
      fc.property(mediumInput, fc.string({ minLength: 1 }), (input, other) => {
        const a = allocatePapers(input);
        const b = allocatePapers({ ...input, seed: other });
        expect(b.unassigned).toBe(a.unassigned);
        expect(b.totalCost).toBe(a.totalCost);
      }),
      { numRuns: 200 },
    );
  });
});
