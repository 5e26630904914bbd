import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { toText } from '../../shared/domain/fraction.js';
import {
  agreedMark,
  agreementRefusal,
  anonymousLabel,
  disagreement,
  exactMean,
  hidesMembers,
  markValue,
  type Mark,
} from '../../shared/domain/marking-rules.js';

const report = {
  id: 'report',
  title: 'Report',
  weight: '2/3',
  aspects: [
    { id: 't', weight: '1/3' },
    { id: 'm', weight: '1/3' },
    { id: 'e', weight: '1/3' },
  ],
};
const talk = { id: 'talk', title: 'Talk', weight: '1/3' };
const a: Mark = { grader: 'a@uni.example', aspects: { t: 14, m: 15, e: 14 } };
const b: Mark = { grader: 'b@uni.example', aspects: { t: 12.5, m: 13, e: 12 } };

describe('second marking rules', () => {
  it('measures the disagreement exactly and flags only strictly over the threshold', () => {
    // 43/3 against 75/6 = 25/2: 86/6 − 75/6 = 11/6.
    const d = disagreement(report, a, b, 2);
    expect(toText(d.difference)).toBe('11/6');
    expect(d.flagged).toBe(false);
    expect(disagreement(report, a, b, 1.8).flagged).toBe(true);
    expect(disagreement(talk, { score: 14 }, { score: 16 }, 2).flagged).toBe(false);
    expect(disagreement(talk, { score: 16 }, { score: 13.9 }, 2).flagged).toBe(true);
    expect(toText(disagreement(talk, { score: 0.1 }, { score: 0.3 }, 0).difference)).toBe('1/5');
  });

  it('takes the exact mean, aspect by aspect, whose value is the mean of the values', () => {
    expect(exactMean(14.3, 15)).toBe(14.65);
    expect(exactMean(0.1, 0.2)).toBe(0.15);
    const mean = agreedMark({ rule: 'mean' }, [a, b]);
    expect(mean).toEqual({ aspects: { t: 13.25, m: 14, e: 13 } });
    // (43/3 + 25/2) / 2 = 161/12, exactly.
    expect(toText(markValue(report, mean))).toBe('161/12');
    expect(agreedMark({ rule: 'mark', grader: b.grader }, [a, b])).toEqual({ aspects: b.aspects });
    expect(agreedMark({ rule: 'own', mark: { score: 13.5 } }, [a, b])).toEqual({ score: 13.5 });
  });

  it('refuses the mean over the threshold, and wants a reason for a flagged or own final', () => {
    const close = disagreement(report, a, b, 2);
    const far = disagreement(report, a, b, 1);
    expect(agreementRefusal({ rule: 'mean' }, [a, b], close, undefined)).toBeUndefined();
    expect(agreementRefusal({ rule: 'mark', grader: a.grader }, [a, b], close, undefined)).toBeUndefined();
    expect(agreementRefusal({ rule: 'mean' }, [a, b], far, 'why')?.code).toBe('mean_over_threshold');
    expect(agreementRefusal({ rule: 'mark', grader: a.grader }, [a, b], far, undefined)).toMatchObject({
      code: 'reason_required',
      path: 'body.reason',
    });
    expect(agreementRefusal({ rule: 'mark', grader: a.grader }, [a, b], far, 'a is right')).toBeUndefined();
    expect(agreementRefusal({ rule: 'own', mark: { score: 1 } }, [a, b], close, undefined)?.code).toBe(
      'reason_required',
    );
    expect(agreementRefusal({ rule: 'mark', grader: 'c@uni.example' }, [a, b], close, undefined)?.code).toBe(
      'not_a_marker',
    );
  });
});

describe('anonymous marking', () => {
  it('labels a group stably, distinctly and without its id', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `g_${String(i).padStart(12, 'x')}`);
    const labels = ids.map((g) => anonymousLabel('c1', g));
    expect(new Set(labels).size).toBe(ids.length);
    expect(anonymousLabel('c1', ids[0] as string)).toBe(labels[0]);
    expect(anonymousLabel('c2', ids[0] as string)).not.toBe(labels[0]);
    expect(labels.every((l, i) => /^S-[0-9A-F]{8}$/.test(l) && !l.includes(ids[i] as string))).toBe(true);
  });

  it('hides members from graders of anonymous components until publication, never from the lead', () => {
    expect(hidesMembers(['report'], 'report', 'grader', false)).toBe(true);
    expect(hidesMembers(['report'], 'report', 'grader', true)).toBe(false);
    expect(hidesMembers(['report'], 'report', 'lead', false)).toBe(false);
    expect(hidesMembers(['report'], 'presentation', 'grader', false)).toBe(false);
    expect(hidesMembers(undefined, 'report', 'grader', false)).toBe(false);
  });
});

describe('grading.markers settings', () => {
  const withMarkers = (markers: unknown) =>
    CourseConfig.safeParse({ ...demoCourse, grading: { ...demoCourse.grading, markers } });

  it('accepts a lead instructor, existing components and a threshold within the scale', () => {
    const r = withMarkers({
      lead: demoCourse.instructors[0],
      secondMarking: { components: ['report'], threshold: 2 },
      anonymous: ['report'],
    });
    expect(r.success).toBe(true);
  });

  it('names each cross-field problem', () => {
    const r = withMarkers({
      lead: 'stranger@uni.example',
      secondMarking: { components: ['essay', 'report', 'report'], threshold: 25 },
      anonymous: ['poster'],
    });
    expect(r.success).toBe(false);
    const issues = (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        "grading.markers.lead: stranger@uni.example is not one of the course's instructors",
        'grading.markers.secondMarking.components.0: no grade component "essay" in this course',
        'grading.markers.secondMarking.components: duplicate component id(s): report',
        'grading.markers.anonymous.0: no grade component "poster" in this course',
        'grading.markers.secondMarking.threshold: must be within 0..20 (the grading scale)',
      ]),
    );
  });
});
