import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { gradeRows } from '../../shared/grades/grade-book.js';
import { presentationRefusal } from '../../shared/grades/entry-rules.js';
import {
  addresseesOf,
  GRADES_FANOUT,
  WITHDRAWN_FANOUT_TEMPLATE,
  withdrawnKeyBase,
} from '../../shared/grades/grade-fanout.js';
import { buildGradeMails, publishedKeyBase } from '../../shared/grades/grade-mail.js';
import { publicationPlan } from '../../shared/grades/publication-plan.js';
import type { CourseRecord } from '../../shared/store/course-repo.js';
import type { GradeRecord, PublicationRecord } from '../../shared/store/grade-repo.js';
import type { GroupRecord } from '../../shared/store/group-repo.js';
import type { BookingRecord } from '../../shared/store/slot-repo.js';

const config = CourseConfig.parse(demoCourse);
const { grading } = config;
const course = { courseId: 'c', config } as CourseRecord;
const grade = (groupId: string, componentId: string, g: Partial<GradeRecord>): GradeRecord => ({
  courseId: 'c',
  groupId,
  componentId,
  version: 1,
  updatedAt: '2023-05-20T08:00:00Z',
  updatedBy: 't@uni.example',
  ...g,
});
const student = (email: string, groupId?: string) => ({
  courseId: 'c',
  email,
  name: email.toUpperCase(),
  ...(groupId ? { groupId } : {}),
});
// Group a is fully graded (with aspects and a comment), group b has a report grade only; z has no group.
const rows = gradeRows({
  grading,
  students: [student('a1', 'a'), student('a2', 'a'), student('b1', 'b'), student('z')] as never,
  groups: [{ groupId: 'a' }, { groupId: 'b' }] as GroupRecord[],
  grades: [
    grade('a', 'report', {
      aspects: { theoretical: 14, methodological: 15, experimental: 13 },
      comment: 'Good.\nMore baselines.',
    }),
    grade('a', 'presentation', { score: 15 }),
    grade('b', 'report', { aspects: { theoretical: 10, methodological: 10, experimental: 10 } }),
  ],
  memberGrades: [],
});
const emails = (xs: { email: string }[]) => xs.map((x) => x.email);

describe('what a publication does', () => {
  it('mails only complete grades; "complete" shows only them, "all" shows everyone', () => {
    const complete = publicationPlan(grading, rows, undefined, 'complete');
    expect(emails(complete.recipients)).toEqual(['a1', 'a2']);
    expect(complete.students).toEqual(['a1', 'a2']);
    expect(complete.incomplete.map((x) => [x.email, x.shown])).toEqual([
      ['b1', false],
      ['z', false],
    ]);
    expect(complete.incomplete[0]?.reason).toContain('Presentation (G2)');
    const all = publicationPlan(grading, rows, undefined, 'all');
    expect(emails(all.recipients)).toEqual(['a1', 'a2']);
    expect(all.incomplete.every((x) => x.shown)).toBe(true);
  });

  it('a later publication mails only the newly shown, never narrows, and is a no-op when nothing is new', () => {
    const live: PublicationRecord = {
      courseId: 'c',
      publishedAt: 'p',
      publishedBy: 't',
      scope: 'complete',
      students: ['a1', 'a2'],
    };
    const same = publicationPlan(grading, rows, live, 'complete');
    expect(same.unchanged).toBe(true);
    expect(same.recipients).toEqual([]);
    const widened = publicationPlan(grading, rows, live, 'all');
    expect(widened).toMatchObject({ scope: 'all', unchanged: false, recipients: [] });
    expect(publicationPlan(grading, rows, { ...live, scope: 'all' }, 'complete')).toMatchObject({
      scope: 'all',
      unchanged: true,
    });
    // Who a later round shows for the first time (their regrade window starts with it).
    expect(widened.newlyShown).toEqual(['b1', 'z']);
    expect(publicationPlan(grading, rows, undefined, 'all').newlyShown).toEqual([]);
  });

  it('a withdrawal tells whom its publication showed, even once a new publication replaced it', () => {
    const first: PublicationRecord = {
      courseId: 'c',
      publishedAt: '2023-05-20T08:00:00.000Z',
      publishedBy: 't',
      scope: 'complete',
      students: ['a1', 'a2'],
    };
    const withdrawal = {
      template: WITHDRAWN_FANOUT_TEMPLATE,
      fanout: {
        kind: GRADES_FANOUT,
        keyBase: withdrawnKeyBase(first.publishedAt),
        audience: { scope: 'complete' as const, students: ['a1', 'a2'] },
      },
    };
    const who = (f: ((e: string) => boolean) | undefined) => ['a1', 'a2', 'b1'].filter((e) => f?.(e));
    // Expanded before anything else happened: the withdrawn marker itself says whom.
    expect(who(addresseesOf(withdrawal, { ...first, withdrawnAt: 'w' }))).toEqual(['a1', 'a2']);
    // Overtaken by a publication to b1 and a1 only: a2 is still told; a1 gets the new grades' mail.
    const next = { ...first, publishedAt: '2023-05-21T08:00:00.000Z', students: ['a1', 'b1'] };
    expect(who(addresseesOf(withdrawal, next))).toEqual(['a2']);
    // Overtaken, and that one withdrawn too: everyone the first one showed.
    expect(who(addresseesOf(withdrawal, { ...next, withdrawnAt: 'w2' }))).toEqual(['a1', 'a2']);
    // Without its audience (written before it existed) an overtaken withdrawal sends nothing.
    const { audience: _a, ...bare } = withdrawal.fanout;
    expect(addresseesOf({ ...withdrawal, fanout: bare }, next)).toBeUndefined();
    // A publication's own fan-out is stale once withdrawn or replaced.
    const published = {
      template: 'grades-fanout',
      fanout: { kind: GRADES_FANOUT, keyBase: publishedKeyBase(first.publishedAt) },
    };
    expect(who(addresseesOf(published, first))).toEqual(['a1', 'a2']);
    expect(addresseesOf(published, { ...first, withdrawnAt: 'w' })).toBeUndefined();
    expect(addresseesOf(published, next)).toBeUndefined();
  });

  it('mails readable feedback: each component, its aspects, the comment, the final; no API path', () => {
    const row = rows[0];
    if (!row) throw new Error('row');
    const [mail] = buildGradeMails(course, [{ email: 'a1', name: 'Ana', result: row.result }], 'published');
    expect(mail?.mail.text).toContain(
      [
        'Report (G1) (weight 2/3): 14 / 20',
        '  - Theoretical: 14 / 20',
        '  - Methodological: 15 / 20',
        '  - Experimental: 13 / 20',
        '  Comment: Good.',
        '    More baselines.',
        '',
        'Presentation (G2) (weight 1/3): 15 / 20',
        '',
        'Final grade: 14.33 / 20',
      ].join('\n'),
    );
    expect(mail?.mail.text).not.toMatch(/\/courses\/|GET /);
    const [gone] = buildGradeMails(course, [{ email: 'a1', result: row.result }], 'withdrawn');
    expect(gone?.mail.subject).toContain('withdrawn');
    expect(gone?.mail.text).not.toContain('14.33');
  });
});

describe('when a presentation grade may be entered', () => {
  const presentation = grading.components[1];
  if (!presentation) throw new Error('component');
  const booking = { slotId: 's', start: '2023-05-15T07:00:00.000Z' } as BookingRecord;
  it('refuses before the start (403) and without a booking (409), allows from the start on', () => {
    const at = (iso: string, b: BookingRecord | undefined) =>
      presentationRefusal(config, presentation, 'g', b, new Date(iso));
    expect(at('2023-05-15T06:59:59Z', booking)).toMatchObject({
      status: 403,
      code: 'presentation_not_started',
    });
    expect(at('2023-05-15T07:00:00Z', booking)).toBeUndefined();
    expect(at('2023-05-15T07:00:00Z', undefined)).toMatchObject({
      status: 409,
      code: 'presentation_not_booked',
    });
    // A cancelled booking (no slot) is no booking.
    expect(at('2023-06-01T00:00:00Z', { ...booking, slotId: undefined } as BookingRecord)).toMatchObject({
      code: 'presentation_not_booked',
    });
    expect(
      presentationRefusal(config, grading.components[0] as never, 'g', undefined, new Date()),
    ).toBeUndefined();
  });
});
