import type { Caller } from '../auth/caller.js';
import { Forbidden, NotFound } from '../errors.js';
import { getCourseAndStudent, type CourseRecord, type StudentRecord } from '../store/course-repo.js';
import type { Key } from '../store/keys.js';
import type { Db, Item } from '../store/table-ops.js';

export type Role = 'admin' | 'instructor' | 'student';

export interface CourseAccess {
  course: CourseRecord;
  caller: Caller;
  /** The caller's roster entry, when they are a student of the course. */
  student?: StudentRecord;
  /** Admins have an instructor's rights on every course. */
  isStaff: boolean;
  role: Role;
  /** Other items asked for with the access read, found by key (missing ones are absent). */
  extras: Item[];
}

export const isInstructor = (course: CourseRecord, email: string): boolean =>
  course.config.instructors.includes(email);

/** Who the caller is for this course, in one read. Unknown course → 404; a stranger → 403. */
export const loadAccess = async (
  d: Db,
  courseId: string,
  caller: Caller,
  extra: Key[] = [],
): Promise<CourseAccess> => {
  const { course, student, extras } = await getCourseAndStudent(d, courseId, caller.email, extra);
  if (!course) throw new NotFound(`No course "${courseId}"`);
  const role: Role | undefined = caller.isAdmin
    ? 'admin'
    : isInstructor(course, caller.email)
      ? 'instructor'
      : student
        ? 'student'
        : undefined;
  if (!role)
    throw new Forbidden(`${caller.email} is neither an instructor nor on the roster of "${courseId}"`);
  return { course, caller, role, isStaff: role !== 'student', extras, ...(student ? { student } : {}) };
};

export const requireStaff = (access: CourseAccess, action: string): void => {
  if (!access.isStaff) throw new Forbidden(`Only the course's instructors may ${action}`);
};

export const requireStudent = (access: CourseAccess): StudentRecord => {
  if (!access.student)
    throw new Forbidden(`${access.caller.email} is not on the roster of "${access.course.courseId}"`);
  return access.student;
};
