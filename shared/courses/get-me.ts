import type { Caller } from '../auth/caller.js';
import type { Deps } from '../runtime/deps.js';
import { loadAccess, requireStudent } from './access.js';
import { courseDeadlineViews } from './course-view.js';

/**
 * A student's own view of the course. Each capability adds its part here as it lands (group,
 * submissions, booking, published grades); an absent part is null or empty, never omitted.
 */
export const getMe = async (d: Deps, courseId: string, caller: Caller) => {
  const access = await loadAccess(d, courseId, caller);
  const student = requireStudent(access);
  return {
    courseId,
    student: { email: student.email, name: student.name, studentId: student.studentId ?? null },
    group: null,
    submissions: [],
    booking: null,
    grades: null,
    deadlines: courseDeadlineViews(access.course),
  };
};
