import { add, div, frac, mul, ZERO, type Fraction } from './fraction.js';

/**
 * WebPA peer assessment (Loughborough University's WebPA algorithm), in exact fractions.
 *
 * Every member rates every member of the group, themselves included. Each rater's scores are
 * normalised by that rater's own total, so a generous and a harsh rater weigh the same: rater r gives
 * member m the fraction score_r(m) / total_r. A member's factor is the sum of the fractions received.
 * With every member rating, the factors sum to the group size and average 1: 1 is "did a fair share".
 *
 * Missing raters (WebPA's non-submission rule): when only s of the n members rated, the sums are
 * multiplied by n / s, so that the factors still sum to n; a member who did not rate is still rated
 * by the others. Which ratings count:
 * - only raters who are current members (a member who left no longer rates);
 * - only ratings that cover every current member (a rating made before someone joined is stale:
 *   the rater is listed as missing until they rate again; scores of people who left are ignored);
 * - a rating whose total is 0 counts as not given (nothing to normalise).
 * With no counted rater there is no factor (null).
 */
export interface WebpaMember {
  email: string;
  /** Sum of the normalised fractions received, times n / s; null when nobody's rating counts. */
  factor: Fraction | null;
}

export interface WebpaResult {
  members: WebpaMember[];
  /** Members whose rating counts, in member order. */
  raters: string[];
  /** Members without a counted rating (none yet, or stale), in member order. */
  missing: string[];
}

export type Ratings = ReadonlyMap<string, Readonly<Record<string, number>>>;

export const webpaFactors = (members: readonly string[], ratings: Ratings): WebpaResult => {
  const counted = members.flatMap((rater) => {
    const given = ratings.get(rater);
    if (!given || !members.every((m) => Number.isInteger(given[m]) && (given[m] ?? -1) >= 0)) return [];
    const total = members.reduce((t, m) => t + BigInt(given[m] ?? 0), 0n);
    return total > 0n ? [{ rater, given, total }] : [];
  });
  const raters = counted.map((c) => c.rater);
  const missing = members.filter((m) => !raters.includes(m));
  if (!counted.length) return { members: members.map((email) => ({ email, factor: null })), raters, missing };
  const fudge = frac(BigInt(members.length), BigInt(counted.length));
  return {
    members: members.map((email) => ({
      email,
      factor: mul(
        counted.reduce<Fraction>(
          (sum, c) => add(sum, div(frac(BigInt(c.given[email] ?? 0)), frac(c.total))),
          ZERO,
        ),
        fudge,
      ),
    })),
    raters,
    missing,
  };
};
