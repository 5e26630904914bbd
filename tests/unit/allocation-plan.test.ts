import { describe, expect, it } from 'vitest';
import {
  ordinal,
  planAllocation,
  rankingProblems,
  reportLines,
  type PlanInput,
} from '../../shared/domain/allocation-plan.js';
import { publishedOrder } from '../../shared/domain/paper-allocation.js';

const papers = [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }];
const base: PlanInput = {
  mode: 'ranked',
  seed: 'course-x',
  papers,
  cap: 1,
  taken: new Map(),
  waiting: [],
  rankings: new Map(),
  kept: 0,
};
const waiting = (...ids: string[]) => ids.map((groupId) => ({ groupId }));
const paperOf = (plan: ReturnType<typeof planAllocation>) =>
  Object.fromEntries(plan.groups.map((g) => [g.groupId, g.paperId]));

describe('rankingProblems', () => {
  it('names each unknown or repeated paper by its index in body.ranking', () => {
    expect(rankingProblems(['p1', 'nope', 'p2', 'p1'], ['p1', 'p2'])).toEqual([
      { path: 'body.ranking[1]', message: 'no paper "nope" in this course' },
      { path: 'body.ranking[3]', message: '"p1" is ranked twice (also at body.ranking[0])' },
    ]);
    expect(rankingProblems([], ['p1'])).toEqual([]);
    expect(rankingProblems(['p2', 'p1'], ['p1', 'p2'])).toEqual([]);
  });
});

describe('planAllocation', () => {
  it('gives every group its first choice when the caps allow, and reports it', () => {
    const plan = planAllocation({
      ...base,
      waiting: waiting('a', 'b'),
      rankings: new Map([
        ['a', ['p1', 'p2']],
        ['b', ['p2', 'p1']],
      ]),
      kept: 2,
    });
    expect(paperOf(plan)).toEqual({ a: 'p1', b: 'p2' });
    expect(plan.groups.every((g) => g.placedBy === 'ranked' && g.rank === 1)).toBe(true);
    expect(plan.report).toEqual({
      waiting: 2,
      kept: 2,
      ranked: 2,
      byRank: [{ rank: 1, groups: 2 }],
      onUnranked: 0,
      unplaced: 0,
    });
  });

  it('takes the seats of groups that already have a paper out of the caps', () => {
    // p1 is taken by a group that keeps it: a, which ranked it first, gets its 2nd choice.
    const plan = planAllocation({
      ...base,
      taken: new Map([['p1', 1]]),
      waiting: waiting('a'),
      rankings: new Map([['a', ['p1', 'p3']]]),
    });
    expect(plan.groups[0]).toMatchObject({ groupId: 'a', paperId: 'p3', rank: 2, placedBy: 'ranked' });
    expect(plan.report.byRank).toEqual([
      { rank: 1, groups: 0 },
      { rank: 2, groups: 1 },
    ]);
  });

  it('settles a tie by the published order: the first group gets the contested paper', () => {
    const ids = ['a', 'b', 'c'];
    const order = publishedOrder('course-x', ids).map((o) => o.groupId);
    const plan = planAllocation({
      ...base,
      cap: undefined,
      papers: [{ id: 'p1' }, { id: 'p2' }],
      taken: new Map(),
      waiting: waiting(...ids),
      rankings: new Map(ids.map((id) => [id, ['p1', 'p2']])),
    });
    // Uncapped: everyone gets p1.
    expect(plan.groups.map((g) => g.paperId)).toEqual(['p1', 'p1', 'p1']);
    const capped = planAllocation({
      ...base,
      cap: 2,
      papers: [{ id: 'p1' }, { id: 'p2' }],
      taken: new Map([['p1', 1]]),
      waiting: waiting(...ids),
      rankings: new Map(ids.map((id) => [id, ['p1', 'p2']])),
    });
    expect(capped.groups.map((g) => g.groupId)).toEqual(order);
    expect(capped.groups.map((g) => g.priority)).toEqual([1, 2, 3]);
    // One seat left on p1 and two on p2: the first in the published order gets p1.
    expect(capped.groups.map((g) => g.paperId)).toEqual(['p1', 'p2', 'p2']);
  });

  it('gives groups without a ranking, or with none of theirs free, the least loaded paper with seats left', () => {
    const plan = planAllocation({
      ...base,
      cap: 2,
      taken: new Map([
        ['p1', 2],
        ['p2', 1],
      ]),
      waiting: waiting('ranked-full', 'silent'),
      rankings: new Map([['ranked-full', ['p1']]]),
    });
    const byId = Object.fromEntries(plan.groups.map((g) => [g.groupId, g]));
    // p3 (0 groups) goes first, then p2 and p3 are level at 1: course order picks p2.
    const given = plan.groups.map((g) => g.paperId);
    expect(given).toEqual(['p3', 'p2']);
    expect(byId['ranked-full']).toMatchObject({ placedBy: 'seats-left', rank: null, ranking: ['p1'] });
    expect(byId.silent).toMatchObject({ placedBy: 'seats-left', rank: null, ranking: [] });
    expect(plan.report).toMatchObject({ ranked: 1, onUnranked: 2, unplaced: 0, byRank: [] });
  });

  it('leaves a group unplaced when every paper is full', () => {
    const plan = planAllocation({
      ...base,
      taken: new Map(papers.map((p) => [p.id, 1])),
      waiting: waiting('a'),
      rankings: new Map([['a', ['p1']]]),
    });
    expect(plan.groups[0]).toMatchObject({ paperId: null, placedBy: 'unplaced' });
    expect(plan.report.unplaced).toBe(1);
  });

  it('in first-come mode ignores rankings and spreads groups over the papers with seats left', () => {
    const plan = planAllocation({
      ...base,
      mode: 'first-come',
      cap: undefined,
      taken: new Map([['p1', 3]]),
      waiting: waiting('a', 'b', 'c'),
      rankings: new Map([['a', ['p1']]]),
    });
    expect(plan.groups.every((g) => g.placedBy === 'seats-left' && g.ranking.length === 0)).toBe(true);
    expect(plan.groups.map((g) => g.paperId)).toEqual(['p2', 'p3', 'p2']);
    expect(plan.report.ranked).toBe(0);
  });

  it('skips papers no longer in the course and repeats in a stored ranking', () => {
    const plan = planAllocation({
      ...base,
      waiting: waiting('a'),
      rankings: new Map([['a', ['gone', 'p2', 'p2', 'p1']]]),
    });
    expect(plan.groups[0]).toMatchObject({ ranking: ['p2', 'p1'], paperId: 'p2', rank: 1 });
  });

  it('does not depend on the order of its input', () => {
    const rankings = new Map([
      ['a', ['p1', 'p2']],
      ['b', ['p1', 'p3']],
      ['c', ['p1']],
      ['d', []],
    ]);
    const one = planAllocation({ ...base, waiting: waiting('a', 'b', 'c', 'd'), rankings });
    const two = planAllocation({
      ...base,
      waiting: waiting('d', 'c', 'b', 'a'),
      rankings: new Map([...rankings].reverse()),
    });
    expect(two).toEqual(one);
  });
});

describe('the report as text', () => {
  it('counts by ordinal rank', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 103].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '103rd',
    ]);
    const report = {
      waiting: 3,
      kept: 1,
      ranked: 2,
      byRank: [
        { rank: 1, groups: 1 },
        { rank: 2, groups: 1 },
      ],
      onUnranked: 1,
      unplaced: 0,
    };
    expect(reportLines(report, 'ranked')).toEqual([
      '3 group(s) had no paper at the deadline; 2 of them ranked papers.',
      '  1st choice: 1',
      '  2nd choice: 1',
      '  on a paper with seats left they did not rank: 1',
      '  no paper (every paper full): 0',
      '1 group(s) kept the paper they had.',
    ]);
  });
});
