import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import {
  add,
  compare,
  div,
  frac,
  fromNumber,
  mul,
  sum,
  toText,
  type Fraction,
} from '../../shared/domain/fraction.js';
import {
  componentValue,
  displayValue,
  finalGrade,
  memberComponentValue,
  round,
  roundToStep,
  stepDecimals,
  toDecimalText,
  type ComponentResult,
  type GradingSpec,
  type RoundingMode,
  type RoundingRule,
} from '../../shared/domain/grade-math.js';
import { memberResult, visibleGrades } from '../../shared/grades/grade-book.js';
import type { GradeRecord } from '../../shared/store/grade-repo.js';

const grading = CourseConfig.parse(demoCourse).grading;
const ok = (value: Fraction): ComponentResult => ({ ok: true, value });
const n = (x: number) => fromNumber(x);

const finalOf = (values: Record<string, number>, spec: GradingSpec = grading) =>
  finalGrade(spec, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, ok(n(v))])));

describe('final grade on the demo course (G1 2/3, G2 1/3, to 0.01 half up)', () => {
  it('G1 = 14, G2 = 15 gives 14.33; G1 = 12.5, G2 = 17 gives 14.00', () => {
    const a = finalOf({ report: 14, presentation: 15 });
    expect(toText(a.exact as Fraction)).toBe('43/3');
    expect(displayValue(a.exact as Fraction, grading.rounding)).toEqual({ text: '14.33', number: 14.33 });
    const b = finalOf({ report: 12.5, presentation: 17 });
    expect(toText(b.exact as Fraction)).toBe('14');
    expect(displayValue(b.exact as Fraction, grading.rounding)).toEqual({ text: '14.00', number: 14 });
  });

  it('combines aspects exactly, without rounding them first', () => {
    const report = grading.components[0];
    if (!report) throw new Error('demo has a report');
    const g1 = componentValue(report, { aspects: { theoretical: 13, methodological: 14, experimental: 16 } });
    expect(g1.ok && toText(g1.value)).toBe('43/3');
    // 2/3 · 43/3 + 1/3 · 15 = 131/9 = 14.555… → 14.56; rounding G1 to 14.33 first would give 14.55.
    const f = finalGrade(grading, { report: g1, presentation: ok(n(15)) });
    expect(toText(f.exact as Fraction)).toBe('131/9');
    expect(displayValue(f.exact as Fraction, grading.rounding).text).toBe('14.56');
    const twice = round(add(mul(frac(2n, 3n), n(14.33)), n(5)), grading.rounding);
    expect(toDecimalText(twice, 2)).toBe('14.55');
  });

  it('leaves the final empty, with the reason, when a component is missing (never 0)', () => {
    const f = finalGrade(grading, { report: ok(n(14)) });
    expect(f.exact).toBeNull();
    expect(f.rounded).toBeNull();
    expect(f.reason).toContain('Presentation (G2)');
    const report = grading.components[0];
    if (!report) throw new Error('demo has a report');
    const partial = componentValue(report, { aspects: { theoretical: 13 } });
    expect(partial.ok).toBe(false);
    expect(!partial.ok && partial.reason).toContain('Methodological, Experimental');
  });

  it('adjusts a member (clamped to 0..scale) or overrides them', () => {
    expect(
      toText(
        (memberComponentValue(ok(n(19)), { kind: 'adjustment', value: 2 }, 20) as { value: Fraction }).value,
      ),
    ).toBe('20');
    expect(
      toText(
        (memberComponentValue(ok(n(1)), { kind: 'adjustment', value: -2.5 }, 20) as { value: Fraction })
          .value,
      ),
    ).toBe('0');
    expect(
      toText(
        (memberComponentValue(ok(n(12)), { kind: 'adjustment', value: 1.5 }, 20) as { value: Fraction })
          .value,
      ),
    ).toBe('27/2');
    expect(
      toText(
        (memberComponentValue(ok(n(12)), { kind: 'override', value: 9.25 }, 20) as { value: Fraction }).value,
      ),
    ).toBe('37/4');
    const missing = memberComponentValue(
      { ok: false, reason: 'no grade' },
      { kind: 'adjustment', value: 1 },
      20,
    );
    expect(missing.ok).toBe(false);
    expect(
      memberComponentValue({ ok: false, reason: 'no grade' }, { kind: 'override', value: 11 }, 20).ok,
    ).toBe(true);
  });

  it('shows a student without a group with empty grades and the reason', () => {
    const r = memberResult(grading, undefined);
    expect(visibleGrades(grading, r)).toEqual({
      components: { report: null, presentation: null },
      final: null,
      finalText: null,
      finalReason: 'not in a group',
    });
  });

  it('computes a member from stored grade records', () => {
    const base = { courseId: 'c', groupId: 'g', version: 1, updatedAt: '', updatedBy: '' };
    const grades = new Map<string, GradeRecord>([
      [
        'report',
        {
          ...base,
          componentId: 'report',
          aspects: { theoretical: 14, methodological: 14, experimental: 14 },
        },
      ],
      ['presentation', { ...base, componentId: 'presentation', score: 15 }],
    ]);
    expect(visibleGrades(grading, memberResult(grading, grades)).final).toBe(14.33);
    const adjusted = memberResult(grading, grades, {
      presentation: {
        componentId: 'presentation',
        kind: 'adjustment',
        value: 3,
        reason: 'r',
        by: 'x',
        at: '',
        version: 1,
      },
    });
    // 2/3 · 14 + 1/3 · 18 = 46/3 = 15.33
    expect(visibleGrades(grading, adjusted)).toMatchObject({
      final: 15.33,
      components: { presentation: 18 },
    });
  });
});

describe('rounding to a step', () => {
  const r = (text: string, step: string, mode: RoundingMode) =>
    toDecimalText(round(fromNumber(Number(text)), { step, mode }), stepDecimals(fromNumber(Number(step))));
  it('rounds exact ties as decided, not as binary floats would', () => {
    // 14.335 as a double is 14.33499…; read at its decimal spelling it is an exact tie.
    expect(r('14.335', '0.01', 'half-up')).toBe('14.34');
    expect(r('14.325', '0.01', 'half-even')).toBe('14.32');
    expect(r('14.335', '0.01', 'half-even')).toBe('14.34');
    expect(r('14.339', '0.01', 'down')).toBe('14.33');
    expect(r('14.331', '0.01', 'up')).toBe('14.34');
    expect(r('12.25', '0.5', 'half-up')).toBe('12.5');
    expect(r('12.24', '0.5', 'half-up')).toBe('12.0');
    expect(r('12.5', '1', 'half-even')).toBe('12');
    expect(r('13.5', '1', 'half-even')).toBe('14');
  });
  it('writes decimals with the step’s precision', () => {
    expect(stepDecimals(fromNumber(0.01))).toBe(2);
    expect(stepDecimals(fromNumber(0.25))).toBe(2);
    expect(stepDecimals(fromNumber(1))).toBe(0);
    expect(toDecimalText(frac(14n), 2)).toBe('14.00');
    expect(toDecimalText(frac(7n, 100n), 2)).toBe('0.07');
  });
});

// ---------- properties ----------

const modes: RoundingMode[] = ['half-up', 'half-even', 'down', 'up'];
const steps = ['0.01', '0.1', '0.25', '0.5', '1'];
const ruleArb: fc.Arbitrary<RoundingRule> = fc.record({
  step: fc.constantFrom(...steps),
  mode: fc.constantFrom(...modes),
});
/** Scores as instructors type them: 0..20 with up to 2 decimals. */
const scoreArb = fc.integer({ min: 0, max: 2000 }).map((c) => c / 100);

/** 1..5 components with positive integer shares, as exact weight strings summing to 1. */
const gradingArb = fc
  .array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 })
  .chain((shares) => {
    const total = shares.reduce((a, b) => a + b, 0);
    return fc.record({
      rule: ruleArb,
      spec: fc.constant<GradingSpec>({
        scale: 20,
        components: shares.map((s, i) => ({ id: `c${i}`, title: `C${i}`, weight: `${s}/${total}` })),
      }),
    });
  })
  .map(({ rule, spec }) => ({ ...spec, rounding: rule }));

const withScores = gradingArb.chain((spec) =>
  fc.record({
    spec: fc.constant(spec),
    scores: fc.array(scoreArb, { minLength: spec.components.length, maxLength: spec.components.length }),
  }),
);

const values = (spec: GradingSpec, scores: number[]) =>
  Object.fromEntries(spec.components.map((c, i) => [c.id, ok(n(scores[i] as number))]));

const min = (xs: Fraction[]) => xs.reduce((a, b) => (compare(a, b) <= 0 ? a : b));
const max = (xs: Fraction[]) => xs.reduce((a, b) => (compare(a, b) >= 0 ? a : b));

describe('final grade properties (fast-check)', () => {
  it('lies between the smallest and the largest component (exact, and after rounding)', () => {
    fc.assert(
      fc.property(withScores, ({ spec, scores }) => {
        const f = finalGrade(spec, values(spec, scores));
        const xs = scores.map(n);
        const rule = spec.rounding as RoundingRule;
        expect(compare(f.exact as Fraction, min(xs))).toBeGreaterThanOrEqual(0);
        expect(compare(f.exact as Fraction, max(xs))).toBeLessThanOrEqual(0);
        // Rounding is monotone, so the rounded final lies between the rounded extremes.
        expect(compare(f.rounded as Fraction, round(min(xs), rule))).toBeGreaterThanOrEqual(0);
        expect(compare(f.rounded as Fraction, round(max(xs), rule))).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the value itself when every component has it', () => {
    fc.assert(
      fc.property(gradingArb, scoreArb, (spec, v) => {
        const f = finalGrade(
          spec,
          values(
            spec,
            spec.components.map(() => v),
          ),
        );
        expect(toText(f.exact as Fraction)).toBe(toText(n(v)));
        expect(toText(f.rounded as Fraction)).toBe(toText(round(n(v), spec.rounding as RoundingRule)));
      }),
      { numRuns: 300 },
    );
  });

  it('rounds once: the final is the exact weighted sum rounded, within half a step (a step when directed)', () => {
    fc.assert(
      fc.property(withScores, ({ spec, scores }) => {
        const rule = spec.rounding as RoundingRule;
        const step = fromNumber(Number(rule.step));
        // The weighted sum computed independently, straight from the weight strings.
        const exact = sum(
          spec.components.map((c, i) => {
            const [a, b] = c.weight.split('/').map((x) => BigInt(x));
            return div(mul(frac(a as bigint), n(scores[i] as number)), frac(b as bigint));
          }),
        );
        const f = finalGrade(spec, values(spec, scores));
        expect(toText(f.exact as Fraction)).toBe(toText(exact));
        expect(toText(f.rounded as Fraction)).toBe(toText(roundToStep(exact, step, rule.mode)));
        const error = add(f.rounded as Fraction, mul(exact, frac(-1n)));
        const absError = error.n < 0n ? frac(-error.n, error.d) : error;
        const bound = rule.mode.startsWith('half') ? div(step, frac(2n)) : step;
        expect(compare(absError, bound)).toBeLessThanOrEqual(0);
        // …and the result is a multiple of the step.
        expect(div(f.rounded as Fraction, step).d).toBe(1n);
      }),
      { numRuns: 500 },
    );
  });

  it('combines aspects exactly: equal aspects give that score, and the mean of three thirds is exact', () => {
    const report = grading.components[0];
    if (!report) throw new Error('demo has a report');
    fc.assert(
      fc.property(scoreArb, scoreArb, scoreArb, (a, b, c) => {
        const v = componentValue(report, { aspects: { theoretical: a, methodological: b, experimental: c } });
        expect(v.ok).toBe(true);
        if (!v.ok) return;
        expect(toText(v.value)).toBe(toText(div(sum([n(a), n(b), n(c)]), frac(3n))));
        const same = componentValue(report, {
          aspects: { theoretical: a, methodological: a, experimental: a },
        });
        expect(same.ok && toText(same.value)).toBe(toText(n(a)));
      }),
      { numRuns: 300 },
    );
  });
});
