import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { demoCourse } from '../../shared/demo/demo-course.js';
import { liveCourse } from '../../shared/demo/live-course.js';
import type { CourseConfigInput } from '../../shared/domain/course-config.js';
import { Api } from './api.js';

export const ADMIN = 'admin@examdesk.example';

export interface CourseFixture {
  courseId: string;
  instructor: string;
  students: string[];
  api: Api;
  admin: ReturnType<Api['as']>;
  teacher: ReturnType<Api['as']>;
  student: (i: number) => ReturnType<Api['as']>;
}

type Overrides = Partial<Omit<CourseConfigInput, 'groups' | 'presentations'>> & {
  groups?: Partial<CourseConfigInput['groups']>;
  presentations?: Partial<CourseConfigInput['presentations']>;
};

/**
 * The live demo course's calendar, dated from now (groups, uploads and booking all open): a course
 * made with these overrides can be used at once, without moving the shared clock.
 */
export const liveDates = (): Overrides => {
  const live = liveCourse(DateTime.now());
  return {
    title: live.title,
    deliverables: live.deliverables,
    groups: live.groups,
    presentations: live.presentations,
  };
};

/** A fresh course per test (own id, own roster), built from the demo course through the API. */
export const createCourse = async (
  options: { students?: number; overrides?: Overrides; prefix?: string } = {},
): Promise<CourseFixture> => {
  const api = new Api();
  const courseId = `${options.prefix ?? 't'}-${randomUUID().slice(0, 8)}`;
  const instructor = `teacher-${courseId}@uni.example`;
  const o = options.overrides ?? {};
  const config = {
    ...demoCourse,
    ...o,
    instructors: o.instructors ?? [instructor],
    groups: { ...demoCourse.groups, ...o.groups },
    presentations: { ...demoCourse.presentations, ...o.presentations },
  };
  const admin = api.as(ADMIN, { groups: ['admins'] });
  const put = await admin.put(`/courses/${courseId}`, config);
  if (put.status !== 201) throw new Error(`course ${courseId}: ${put.status} ${put.text}`);
  const students = Array.from(
    { length: options.students ?? 12 },
    (_, i) => `s${i + 1}-${courseId}@students.example`,
  );
  const roster = await admin.put(`/courses/${courseId}/roster`, {
    students: students.map((email, i) => ({ email, name: `Student ${i + 1}`, studentId: `${1000 + i}` })),
  });
  if (roster.status !== 200) throw new Error(`roster ${courseId}: ${roster.status} ${roster.text}`);
  const teacher = api.as(config.instructors[0] ?? instructor);
  return {
    courseId,
    instructor: config.instructors[0] ?? instructor,
    students,
    api,
    admin,
    teacher,
    student: (i: number) => api.as(students[i]),
  };
};
