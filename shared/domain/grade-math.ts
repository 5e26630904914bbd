/**
 * Grade arithmetic, exact from end to end: scores are read at their decimal spelling, aspects and
 * components are combined as bigint fractions, and the final is rounded once, at the very end, by
 * the course's rule. Pure: no AWS, no clock.
 */
import {
  ZERO,
  add,
  compare,
  frac,
  fromNumber,
  mul,
  parseDecimal,
  parseFraction,
  sum,
  toText,
  type Fraction,
} from './fraction.js';

export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

export interface RoundingRule {
  /** A positive decimal, e.g. "0.01". */
  step: string;
  mode: RoundingMode;
}

export const DEFAULT_ROUNDING: RoundingRule = { step: '0.01', mode: 'half-up' };

export interface AspectSpec {
  id: string;
  title?: string;
  weight: string;
}

export interface ComponentSpec {
  id: string;
  title: string;
  weight: string;
  aspects?: AspectSpec[];
}

export interface GradingSpec {
  scale: number;
  components: ComponentSpec[];
  rounding?: RoundingRule;
}

/** What an instructor entered for a group: one score, or one score per aspect. */
export interface RawComponentGrade {
  score?: number;
  aspects?: Record<string, number>;
}

/** A per-member change of one component: a signed adjustment (clamped) or a replacement value. */
export interface MemberChange {
  kind: 'adjustment' | 'override';
  value: number;
}

const weights = new Map<string, Fraction>();
const weightOf = (text: string): Fraction => {
  let w = weights.get(text);
  if (!w) {
    w = parseFraction(text);
    if (!w) throw new RangeError(`not a weight: ${text}`);
    weights.set(text, w);
  }
  return w;
};

/**
 * A score at its shortest decimal spelling (14.3 is 143/10), like fraction.ts's fromNumber, but
 * through Number#toString (shortest round-trip digits) rather than Intl, which is ~100× slower and
 * matters when a listing reads thousands of scores. Exponent spellings go the slow, general way.
 */
export const exactScore = (value: number): Fraction => {
  const text = String(value);
  if (text.includes('e')) return fromNumber(value);
  const parsed = parseDecimal(text);
  if (!parsed) throw new RangeError(`not a finite number: ${value}`);
  return parsed;
};

/** Floor of n/d for d > 0, also for negative n (bigint division truncates toward zero). */
const floorDiv = (n: bigint, d: bigint): bigint => {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
};

export const stepOf = (rule: RoundingRule = DEFAULT_ROUNDING): Fraction => {
  const step = parseDecimal(rule.step);
  if (!step || step.n <= 0n) throw new RangeError(`not a rounding step: ${rule.step}`);
  return step;
};

/**
 * Rounds to a multiple of the step. half-up: ties away from zero; half-even: ties to the even
 * multiple; down: toward −∞; up: toward +∞ (grades are never negative, so these are the usual ones).
 */
export const roundToStep = (value: Fraction, step: Fraction, mode: RoundingMode): Fraction => {
  const q = frac(value.n * step.d, value.d * step.n); // value / step, denominator > 0
  const floor = floorDiv(q.n, q.d);
  const rem = q.n - floor * q.d; // 0 ≤ rem < q.d
  let k = floor;
  if (rem !== 0n) {
    const twice = 2n * rem;
    switch (mode) {
      case 'down':
        break;
      case 'up':
        k = floor + 1n;
        break;
      case 'half-up':
        if (twice > q.d || (twice === q.d && value.n >= 0n)) k = floor + 1n;
        break;
      case 'half-even':
        if (twice > q.d || (twice === q.d && floor % 2n !== 0n)) k = floor + 1n;
        break;
    }
  }
  return mul(frac(k), step);
};

export const round = (value: Fraction, rule: RoundingRule = DEFAULT_ROUNDING): Fraction =>
  roundToStep(value, stepOf(rule), rule.mode);

/** Digits after the decimal point that a multiple of the step needs ("0.01" → 2, "0.5" → 1, "1" → 0). */
export const stepDecimals = (step: Fraction): number => {
  let digits = 0;
  let scale = 1n;
  while ((scale * step.n) % step.d !== 0n) {
    scale *= 10n;
    digits++;
    if (digits > 30) throw new RangeError('step is not a decimal');
  }
  return digits;
};

/** A decimal text with exactly `decimals` digits; the value must be a multiple of 10^-decimals. */
export const toDecimalText = (value: Fraction, decimals: number): string => {
  const scaled = value.n * 10n ** BigInt(decimals);
  if (scaled % value.d !== 0n) throw new RangeError(`${toText(value)} has more than ${decimals} decimals`);
  const units = scaled / value.d;
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const part = decimals ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${negative ? '-' : ''}${whole}${part}`;
};

/** The value rounded by the rule, as text with the step's decimals ("14.00") and as a number (14). */
export const displayValue = (value: Fraction, rule: RoundingRule = DEFAULT_ROUNDING) => {
  const step = stepOf(rule);
  const text = toDecimalText(roundToStep(value, step, rule.mode), stepDecimals(step));
  return { text, number: Number(text) };
};

export const clamp = (value: Fraction, low: Fraction, high: Fraction): Fraction =>
  compare(value, low) < 0 ? low : compare(value, high) > 0 ? high : value;

/** Σ weight · value, exact. */
export const weightedSum = (parts: readonly { weight: Fraction; value: Fraction }[]): Fraction =>
  sum(parts.map((p) => mul(p.weight, p.value)));

export type ComponentResult = { ok: true; value: Fraction } | { ok: false; reason: string };

/**
 * The exact value of a group's component grade under the current config. Aspects are combined by
 * their weights without rounding. A grade that no longer matches the config (an aspect was added
 * since) counts as missing, with the reason.
 */
export const componentValue = (spec: ComponentSpec, raw: RawComponentGrade | undefined): ComponentResult => {
  if (!raw) return { ok: false, reason: `no grade for ${spec.title}` };
  if (spec.aspects?.length) {
    const scores = raw.aspects ?? {};
    const missing = spec.aspects.filter((a) => typeof scores[a.id] !== 'number');
    if (missing.length)
      return {
        ok: false,
        reason: `${spec.title}: no score for ${missing.map((a) => a.title ?? a.id).join(', ')}`,
      };
    return {
      ok: true,
      value: weightedSum(
        spec.aspects.map((a) => ({ weight: weightOf(a.weight), value: exactScore(scores[a.id] as number) })),
      ),
    };
  }
  if (typeof raw.score !== 'number') return { ok: false, reason: `${spec.title}: no score` };
  return { ok: true, value: exactScore(raw.score) };
};

/** The member's value of a component: the group's, adjusted (clamped to 0..scale) or overridden. */
export const memberComponentValue = (
  group: ComponentResult,
  change: MemberChange | undefined,
  scale: number,
): ComponentResult => {
  if (!change) return group;
  if (change.kind === 'override') return { ok: true, value: exactScore(change.value) };
  if (!group.ok) return group;
  return { ok: true, value: clamp(add(group.value, exactScore(change.value)), ZERO, exactScore(scale)) };
};

export interface FinalResult {
  /** Σ weightᵢ · componentᵢ, exact; null when a component is missing. */
  exact: Fraction | null;
  /** The exact value rounded once by the course rule. */
  rounded: Fraction | null;
  /** Why the final is empty. */
  reason?: string;
}

/** The final grade from each component's (member) value: exact sum, one rounding, or null with the reason. */
export const finalGrade = (
  grading: GradingSpec,
  values: Record<string, ComponentResult | undefined>,
): FinalResult => {
  const reasons: string[] = [];
  const parts: { weight: Fraction; value: Fraction }[] = [];
  for (const c of grading.components) {
    const r = values[c.id] ?? { ok: false, reason: `no grade for ${c.title}` };
    if (r.ok) parts.push({ weight: weightOf(c.weight), value: r.value });
    else reasons.push(r.reason);
  }
  if (reasons.length) return { exact: null, rounded: null, reason: reasons.join('; ') };
  const exact = weightedSum(parts);
  return { exact, rounded: round(exact, grading.rounding ?? DEFAULT_ROUNDING) };
};

/** Whether a number lies within 0..scale (both included). */
export const withinScale = (value: number, scale: number): boolean =>
  Number.isFinite(value) &&
  compare(fromNumber(value), ZERO) >= 0 &&
  compare(fromNumber(value), fromNumber(scale)) <= 0;
