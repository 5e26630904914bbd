import { describe, expect, it } from 'vitest';
import { ONE, sum, toNumber, toText, type Fraction } from '../../shared/domain/fraction.js';
import { webpaFactors } from '../../shared/domain/webpa.js';

const [A, B, C, D, E] = ['alice', 'bob', 'claire', 'david', 'elaine'] as const;
const team = [A, B, C, D, E];
const row = (scores: number[]) => Object.fromEntries(team.map((m, i) => [m, scores[i] ?? 0]));

/**
 * WebPA's own worked example (webpaproject.lboro.ac.uk, "A worked example of the scoring
 * algorithm"): five members, Elaine rates nobody, Bob gives Elaine 0. Their rounded results:
 * Alice 1.13, Bob 1.48, Claire 1.12, David 0.86, Elaine 0.42 (sums × 5/4 for the missing rater).
 */
const reference = new Map([
  [A, row([4, 4, 3, 2, 1])],
  [B, row([3, 5, 3, 2, 0])],
  [C, row([4, 4, 4, 4, 4])],
  [D, row([3, 5, 4, 3, 1])],
]);

const factorsOf = (r: ReturnType<typeof webpaFactors>) =>
  Object.fromEntries(r.members.map((m) => [m.email, m.factor]));

describe('WebPA factors', () => {
  it("reproduces WebPA's worked example, exactly and to its rounding", () => {
    const r = webpaFactors(team, reference);
    expect(r.raters).toEqual([A, B, C, D]);
    expect(r.missing).toEqual([E]);
    const f = factorsOf(r) as Record<string, Fraction>;
    // Alice: (4/14 + 3/13 + 4/20 + 3/16) × 5/4
    expect(toText(f[A]!)).toBe('6581/5824');
    expect(team.map((m) => toNumber(f[m]!).toFixed(2))).toEqual(['1.13', '1.48', '1.12', '0.86', '0.42']);
    // The factors still sum to the group size.
    expect(toText(sum(team.map((m) => f[m]!)))).toBe('5');
  });

  it('gives everyone 1 when every rater spreads their scores evenly, whatever their scale', () => {
    const even = new Map([
      [A, row([5, 5, 5, 5, 5])],
      [B, row([1, 1, 1, 1, 1])],
      [C, row([3, 3, 3, 3, 3])],
    ]);
    const r = webpaFactors(team, even);
    for (const m of r.members) expect(m.factor).toEqual(ONE);
  });

  it('weighs a harsh and a generous rater the same (scores are normalised per rater)', () => {
    const pair = ['x', 'y'];
    const generous = webpaFactors(
      pair,
      new Map([
        ['x', { x: 5, y: 5 }],
        ['y', { x: 4, y: 2 }],
      ]),
    );
    const harsh = webpaFactors(
      pair,
      new Map([
        ['x', { x: 1, y: 1 }],
        ['y', { x: 2, y: 1 }],
      ]),
    );
    expect(generous.members.map((m) => toText(m.factor!))).toEqual(['7/6', '5/6']);
    expect(harsh.members).toEqual(generous.members);
  });

  it('ignores raters who left, scores of people who left, stale and all-zero ratings', () => {
    const members = [A, B, C];
    const r = webpaFactors(
      members,
      new Map<string, Record<string, number>>([
        [A, { [A]: 2, [B]: 1, [C]: 1, [E]: 5 }], // Elaine left: her score is ignored
        [B, { [A]: 1, [B]: 1 }], // made before Claire joined: stale
        [C, { [A]: 0, [B]: 0, [C]: 0 }], // nothing to normalise
        [E, { [A]: 5, [B]: 1, [C]: 1 }], // no longer a member
      ]),
    );
    expect(r.raters).toEqual([A]);
    expect(r.missing).toEqual([B, C]);
    // One counted rater of three: (2/4, 1/4, 1/4) × 3.
    expect(r.members.map((m) => toText(m.factor!))).toEqual(['3/2', '3/4', '3/4']);
  });

  it('has no factor while nobody has rated', () => {
    const r = webpaFactors([A, B], new Map());
    expect(r.members).toEqual([
      { email: A, factor: null },
      { email: B, factor: null },
    ]);
    expect(r.missing).toEqual([A, B]);
  });
});
