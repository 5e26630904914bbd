/**
 * Second marking and anonymous marking, as pure rules (issue 14, markers): how far two independent
 * marks disagree, which finals the lead may agree, and the opaque label a group is shown under.
 * Exact throughout: marks are read at their decimal spelling and compared as fractions.
 */
import { createHash } from 'node:crypto';
import { add, compare, div, equals, frac, toText, type Fraction } from './fraction.js';
import {
  componentValue,
  exactScore,
  stepDecimals,
  toDecimalText,
  type ComponentSpec,
  type RawComponentGrade,
} from './grade-math.js';

/** One grader's independent mark of a component: a score, or a score per aspect. */
export interface Mark extends RawComponentGrade {
  grader: string;
}

export interface Disagreement {
  /** |value(a) − value(b)|, exact. */
  difference: Fraction;
  /** The difference is strictly over the threshold. */
  flagged: boolean;
}

/** The exact value of a mark under the component's aspect weights (a mark always has every aspect). */
export const markValue = (component: ComponentSpec, mark: RawComponentGrade): Fraction => {
  const r = componentValue(component, mark);
  if (!r.ok) throw new RangeError(r.reason);
  return r.value;
};

export const disagreement = (
  component: ComponentSpec,
  a: RawComponentGrade,
  b: RawComponentGrade,
  threshold: number,
): Disagreement => {
  const va = markValue(component, a);
  const vb = markValue(component, b);
  const difference = compare(va, vb) >= 0 ? add(va, frac(-vb.n, vb.d)) : add(vb, frac(-va.n, va.d));
  return { difference, flagged: compare(difference, exactScore(threshold)) > 0 };
};

/**
 * The mean of two scores as a number whose decimal spelling is the exact mean: the mean of two
 * decimals is a decimal with at most one more digit, so it is stored exactly (14.3 and 15 → 14.65).
 */
export const exactMean = (a: number, b: number): number => {
  const mean = div(add(exactScore(a), exactScore(b)), frac(2n));
  const value = Number(toDecimalText(mean, stepDecimals(mean)));
  // A JS number has ~17 significant digits; a mean that needs more cannot be stored exactly.
  if (!equals(exactScore(value), mean))
    throw new RangeError(`the mean ${toText(mean)} is not storable exactly`);
  return value;
};

/**
 * The mean mark: per aspect (or the score). Aspect weights are linear, so its value is exactly the
 * mean of the two marks' values.
 */
export const meanMark = (a: RawComponentGrade, b: RawComponentGrade): RawComponentGrade => {
  if (a.aspects && b.aspects) {
    const bAspects = b.aspects;
    return {
      aspects: Object.fromEntries(
        Object.entries(a.aspects).map(([id, v]) => [id, exactMean(v, bAspects[id] ?? Number.NaN)]),
      ),
    };
  }
  return { score: exactMean(a.score ?? Number.NaN, b.score ?? Number.NaN) };
};

/** How the lead settles the final: the mean, one grader's mark, or a value of their own. */
export type AgreementChoice =
  { rule: 'mean' } | { rule: 'mark'; grader: string } | { rule: 'own'; mark: RawComponentGrade };

export interface AgreementRefusal {
  /** The field to name in the 400/409. */
  path: string;
  message: string;
  code: 'mean_over_threshold' | 'reason_required' | 'not_a_marker';
}

/**
 * The rule for agreeing a final. Within the threshold the lead may take the mean or either mark
 * without more ado. Over it the marks truly disagree: the mean would hide that, so it is refused,
 * and taking one mark (or a value of the lead's own) needs a reason for the audit record. A value
 * of the lead's own always needs a reason: it is neither grader's judgement.
 */
export const agreementRefusal = (
  choice: AgreementChoice,
  marks: readonly Mark[],
  d: Disagreement,
  reason: string | undefined,
): AgreementRefusal | undefined => {
  if (choice.rule === 'mark' && !marks.some((m) => m.grader === choice.grader))
    return {
      path: 'body.accept',
      message: `${choice.grader} did not mark this group: accept "mean" or one of ${marks.map((m) => m.grader).join(', ')}`,
      code: 'not_a_marker',
    };
  if (d.flagged && choice.rule === 'mean')
    return {
      path: 'body.accept',
      message: `the marks differ by ${toText(d.difference)}, over the threshold: the mean is not offered; accept one mark or give "score"/"aspects", with a reason`,
      code: 'mean_over_threshold',
    };
  if (!reason && (d.flagged || choice.rule === 'own'))
    return {
      path: 'body.reason',
      message: d.flagged
        ? `required: the marks differ by ${toText(d.difference)}, over the threshold`
        : 'required when the final is neither mark nor their mean',
      code: 'reason_required',
    };
  return undefined;
};

/** The mark the chosen rule gives (refusals checked first by `agreementRefusal`). */
export const agreedMark = (choice: AgreementChoice, marks: readonly [Mark, Mark]): RawComponentGrade => {
  const pick = ({ score, aspects }: RawComponentGrade): RawComponentGrade => ({
    ...(score !== undefined ? { score } : {}),
    ...(aspects ? { aspects } : {}),
  });
  if (choice.rule === 'own') return pick(choice.mark);
  if (choice.rule === 'mean') return meanMark(marks[0], marks[1]);
  const chosen = marks.find((m) => m.grader === choice.grader);
  if (!chosen) throw new RangeError(`${choice.grader} did not mark`);
  return pick(chosen);
};

/** What a label looks like: it stands in a URL path where a group id would (…/groups/S-1A2B3C4D/…). */
export const LABEL_PATTERN = /^S-[0-9A-F]{8}$/;

/**
 * The label a group is shown under when its members must stay hidden: stable for the course and
 * group, URL-safe, and carrying neither a name nor an email. No secret is mixed in: a grader kept
 * anonymous cannot list group ids (every route that shows them refuses such a grader), so there is
 * nothing to hash and compare against. The web app may display it as "Submission 1A2B3C4D".
 */
export const anonymousLabel = (courseId: string, groupId: string): string =>
  `S-${createHash('sha256').update(`${courseId}\n${groupId}`).digest('hex').slice(0, 8).toUpperCase()}`;

/** The groups (of those given, e.g. a component's assigned groups) shown under a label. */
export const groupsWithLabel = (courseId: string, label: string, groupIds: Iterable<string>): string[] =>
  [...groupIds].filter((g) => anonymousLabel(courseId, g) === label);

/** Graders see an anonymous component's groups by label until grades are published; the lead always sees names. */
export const hidesMembers = (
  anonymous: readonly string[] | undefined,
  componentId: string,
  viewer: 'lead' | 'grader',
  published: boolean,
): boolean => viewer === 'grader' && !published && (anonymous ?? []).includes(componentId);

export interface AnonymityInput {
  role: 'admin' | 'instructor' | 'student';
  email: string;
  markers: { lead: string; anonymous?: readonly string[] | undefined } | undefined;
  /** A live publication of the grades ends anonymity (a withdrawn one does not). */
  published: boolean;
  /** Per anonymous component, its assignments' groupId → graders (absent or empty: none yet). */
  assignments: ReadonlyMap<string, Readonly<Record<string, readonly string[]>>>;
}

/**
 * Whether the rule can apply at all, before anything but the course is read: only an instructor who
 * is not the lead, of a course with anonymous components. Admins and the lead see everything.
 */
export const mayBeKeptAnonymous = (i: Pick<AnonymityInput, 'role' | 'email' | 'markers'>): boolean =>
  i.role === 'instructor' && !!i.markers?.anonymous?.length && i.markers.lead !== i.email;

/**
 * The anonymous components for which the caller is "a grader kept anonymous": until the grades are
 * published, an instructor (not the lead) who may mark the component — it has no assignment yet, so
 * any instructor may grade it, or they are assigned to some group of it. Empty: not kept anonymous.
 * Such a grader must not see students, groups or submissions anywhere, or the label hides nothing.
 */
export const keptAnonymousFor = (i: AnonymityInput): string[] => {
  if (!mayBeKeptAnonymous(i) || i.published) return [];
  return (i.markers?.anonymous ?? []).filter((componentId) => {
    const graders = Object.values(i.assignments.get(componentId) ?? {});
    return graders.length === 0 || graders.some((g) => g.includes(i.email));
  });
};
