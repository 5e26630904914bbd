import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { courseDeadlines } from '../../shared/domain/deadlines.js';

const issuesOf = (input: unknown) => {
  const r = CourseConfig.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('CourseConfig', () => {
  it('accepts the demo course and fills defaults', () => {
    const c = CourseConfig.parse(demoCourse);
    expect(c.deliverables.find((d) => d.id === 'report')?.graceMinutes).toBe(0);
    expect(c.reminders).toEqual(['P7D', 'P1D', 'PT3H']);
  });

  it('checks weights are exact fractions summing to 1', () => {
    const bad = {
      ...demoCourse,
      grading: {
        scale: 20,
        components: [
          { id: 'a', title: 'A', weight: '0.66' },
          { id: 'b', title: 'B', weight: '1/3' },
        ],
      },
    };
    expect(issuesOf(bad)).toContain('grading.components: component weights must sum to exactly 1');
    const notFraction = {
      ...demoCourse,
      grading: { scale: 20, components: [{ id: 'a', title: 'A', weight: 'all' }] },
    };
    expect(issuesOf(notFraction).join()).toContain('exact fraction');
  });

  it('checks aspect weights and unique ids', () => {
    const c = structuredClone(demoCourse);
    c.grading.components[0]!.aspects![0]!.weight = '1/2';
    c.deliverables.push({ ...c.deliverables[0]! });
    const issues = issuesOf(c);
    expect(issues).toContain(
      'grading.components.0.aspects: aspect weights of "report" must sum to exactly 1',
    );
    expect(issues).toContain('deliverables: duplicate id(s): assignment');
  });

  it('reports problems of several fields in one answer', () => {
    const issues = issuesOf({
      ...demoCourse,
      timeZone: 'Nowhere/City',
      groups: { ...demoCourse.groups, minSize: 5 },
      extra: 1,
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'timeZone: unknown IANA time zone "Nowhere/City"',
        'groups.minSize: minSize must not exceed maxSize',
      ]),
    );
    expect(issues.some((i) => i.includes('extra'))).toBe(true);
  });

  it('refuses booking that closes before it opens', () => {
    const issues = issuesOf({
      ...demoCourse,
      presentations: { ...demoCourse.presentations, bookingCloses: '2023-04-01T00:00' },
    });
    expect(issues).toContain('presentations.bookingCloses: bookingCloses must be after bookingOpens');
  });

  it('lists the deadlines in time order', () => {
    const keys = courseDeadlines(CourseConfig.parse(demoCourse)).map((d) => d.key);
    expect(keys).toEqual([
      'groups',
      'deliverable:assignment',
      'booking-opens',
      'deliverable:report',
      'deliverable:supplementary',
      'booking-closes',
    ]);
  });
});

describe('reminder instants', () => {
  it('counts days on the course wall clock across a daylight-saving change, hours as exact durations', async () => {
    const { reminderInstant } = await import('../../shared/domain/notice-schedule.js');
    // Thursday 30 March 2023 23:59 is UTC+2; seven days earlier (23 March 23:59) is UTC+1.
    const deadline = new Date('2023-03-30T21:59:00Z');
    expect(reminderInstant(deadline, 'P7D', 'Europe/Paris').toISOString()).toBe('2023-03-23T22:59:00.000Z');
    expect(reminderInstant(new Date('2023-04-28T21:59:00Z'), 'P1D', 'Europe/Paris').toISOString()).toBe(
      '2023-04-27T21:59:00.000Z',
    );
    expect(reminderInstant(new Date('2023-03-26T03:30:00Z'), 'PT3H', 'Europe/Paris').toISOString()).toBe(
      '2023-03-26T00:30:00.000Z',
    );
  });
});
