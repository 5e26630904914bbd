import { randomUUID } from 'node:crypto';
import { demoCourse } from '../shared/demo/demo-course.js';
import type { CourseConfigInput } from '../shared/domain/course-config.js';
import type { BenchContext } from './bench-types.js';

const ADMIN = 'admin@examdesk.example';
const asAdmin = { groups: ['admins'] };

export interface RosterEntry {
  email: string;
  name: string;
  studentId?: string;
}

/**
 * A fresh course for a scenario, made through the API as a person would: the demo config with an
 * instructor of its own (plus `overrides`), then the roster the scenario gives for its course id.
 */
export const benchCourse = async (
  ctx: BenchContext,
  name: string,
  roster: (courseId: string) => RosterEntry[],
  overrides: Partial<CourseConfigInput> = {},
) => {
  const courseId = `bench-${name}-${randomUUID().slice(0, 8)}`;
  const teacher = `teacher-${courseId}@uni.example`;
  const students = roster(courseId);
  const course = await ctx.call(
    ADMIN,
    'PUT',
    `/courses/${courseId}`,
    { ...demoCourse, instructors: [teacher], ...overrides },
    asAdmin,
  );
  if (course.status !== 201) throw new Error(`course: ${course.status} ${JSON.stringify(course.body)}`);
  const put = await ctx.call(ADMIN, 'PUT', `/courses/${courseId}/roster`, { students }, asAdmin);
  if (put.status !== 200) throw new Error(`roster: ${put.status} ${JSON.stringify(put.body)}`);
  return { courseId, teacher, students: students.map((s) => s.email), rosterCall: put };
};

/** `n` students named Student 1…n with emails from `email(i)`. */
export const numberedStudents = (n: number, email: (i: number) => string): RosterEntry[] =>
  Array.from({ length: n }, (_, i) => ({ email: email(i), name: `Student ${i + 1}` }));
