import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { LIVE_PRESENTATION_DAYS, liveCourse } from '../../shared/demo/live-course.js';
import { CourseConfig } from '../../shared/domain/course-config.js';
import { localToInstant } from '../../shared/domain/local-time.js';

const ZONE = 'Europe/Paris';

/** "Today"s worth checking: around both DST changes in Paris, a Friday, a year end, a leap day. */
const todays = [
  DateTime.fromISO('2025-03-29T10:00', { zone: ZONE }), // Saturday before the spring-forward
  DateTime.fromISO('2025-03-30T01:30', { zone: ZONE }), // the spring-forward day, before the gap
  DateTime.fromISO('2025-10-25T22:00', { zone: ZONE }), // Saturday before the autumn change
  DateTime.fromISO('2025-10-26T02:30', { zone: ZONE }), // inside the repeated hour
  DateTime.fromISO('2025-06-13T23:59:59', { zone: ZONE }), // a Friday, last second of the day
  DateTime.fromISO('2025-12-31T12:00', { zone: ZONE }),
  DateTime.fromISO('2028-02-29T00:00', { zone: ZONE }),
  DateTime.fromISO('2025-03-29T23:30:00Z'), // given in UTC: already Sunday 30 March in Paris
  DateTime.fromISO('2025-02-20T08:00', { zone: 'America/Los_Angeles' }),
];

describe('liveCourse', () => {
  it.each(todays.map((t) => [t.toISO() ?? '', t] as const))(
    'from %s: a valid config whose deadlines are in order and in the future',
    (_, today) => {
      const parsed = CourseConfig.safeParse(liveCourse(today));
      expect(parsed.error?.issues ?? []).toEqual([]);
      const config = parsed.data as CourseConfig;
      const at = (local: string) => localToInstant(local, config.timeZone).getTime();
      const [assignment, report, supplementary] = config.deliverables.map((d) => at(d.due));
      const steps = [
        today.toMillis(),
        at(config.groups.deadline),
        assignment ?? NaN,
        report ?? NaN,
        at(config.presentations.bookingCloses),
      ];
      for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1] ?? Infinity);
      // Booking is open from the start of "today" in the course zone, so a newcomer can book at once.
      const opens = at(config.presentations.bookingOpens);
      expect(opens).toBeLessThanOrEqual(today.toMillis());
      expect(today.toMillis() - opens).toBeLessThan(24 * 3600_000 + 3600_000);
      expect(supplementary).toBe(report);
      // Groups stay open about a week, whatever the hour and zone of "today".
      const open = at(config.groups.deadline) - today.toMillis();
      expect(open).toBeGreaterThan(6 * 24 * 3600_000);
      expect(open).toBeLessThan(8 * 24 * 3600_000 + 3600_000);
      // Presentations come after booking closes.
      const firstDay = today.setZone(ZONE).startOf('day').plus({ days: LIVE_PRESENTATION_DAYS.from });
      expect(firstDay.toMillis()).toBeGreaterThan(at(config.presentations.bookingCloses));
    },
  );

  it('reads "today" in the course zone and writes wall times there', () => {
    const config = liveCourse(DateTime.fromISO('2025-03-29T23:30:00Z'));
    expect(config.groups.deadline).toBe('2025-04-06T23:59');
    expect(config.deliverables.map((d) => d.due)).toEqual([
      '2025-04-13T23:59',
      '2025-05-04T23:59',
      '2025-05-04T23:59',
    ]);
    expect(config.presentations.bookingOpens).toBe('2025-03-30T00:00');
    expect(config.presentations.bookingCloses).toBe('2025-05-09T23:59');
  });

  it('keeps the papers, instructors, rules and grading of genmod-2023', () => {
    const config = liveCourse(DateTime.fromISO('2025-06-13T10:00', { zone: ZONE }));
    expect(config.timeZone).toBe(ZONE);
    expect(config.papers).toEqual(demoCourse.papers);
    expect(config.instructors).toEqual(demoCourse.instructors);
    expect(config.grading).toEqual(demoCourse.grading);
    expect(config.deliverables.map((d) => d.id)).toEqual(demoCourse.deliverables.map((d) => d.id));
    expect({ ...config.groups, deadline: '' }).toEqual({ ...demoCourse.groups, deadline: '' });
  });
});
