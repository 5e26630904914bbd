import { randomUUID } from 'node:crypto';
import { stackDeps } from './stack-deps.js';
import { putCourse } from '../../shared/courses/put-course.js';
import { putRoster } from '../../shared/courses/put-roster.js';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { CourseConfig, type CourseConfigInput } from '../../shared/domain/course-config.js';
import { SettableClock } from '../../shared/runtime/clock.js';
import type { Deps } from '../../shared/runtime/deps.js';

const admin = { email: 'admin@examdesk.example', groups: ['admins'], isAdmin: true };

/** Deps on the test run's local services, with a clock the test moves. */
export const integrationDeps = (): Deps & { clock: SettableClock } => {
  const d = stackDeps();
  const clock = new SettableClock();
  d.clock = clock;
  return d as Deps & { clock: SettableClock };
};

/**
 * A course whose dates sit in a month nobody else uses (jobs act on every course due in their
 * window, so tests that count mails keep their own calendar). Deadlines on the 20th at 23:59.
 */
export const courseInMonth = async (
  d: Deps,
  year: number,
  month: number,
  students: number,
  overrides: Partial<CourseConfigInput> = {},
) => {
  const mm = String(month).padStart(2, '0');
  const config: CourseConfigInput = {
    ...demoCourse,
    groups: { ...demoCourse.groups, deadline: `${year}-${mm}-10T23:59` },
    deliverables: demoCourse.deliverables.map((x) => ({ ...x, due: `${year}-${mm}-20T23:59` })),
    presentations: {
      ...demoCourse.presentations,
      bookingOpens: `${year}-${mm}-11T09:00`,
      bookingCloses: `${year}-${mm}-25T23:59`,
    },
    instructors: [`teacher-${year}-${mm}@uni.example`],
    ...overrides,
  };
  const courseId = `job-${year}-${mm}-${randomUUID().slice(0, 6)}`;
  await putCourse(d, courseId, CourseConfig.parse(config), admin);
  const emails = Array.from({ length: students }, (_, i) => `s${i + 1}-${courseId}@students.example`);
  await putRoster(
    d,
    courseId,
    admin,
    JSON.stringify({ students: emails.map((email, i) => ({ email, name: `Student ${i + 1}` })) }),
    'application/json',
  );
  return { courseId, students: emails, instructor: config.instructors[0] ?? '' };
};
