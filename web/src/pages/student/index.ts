import type { CourseArea } from '../course-area.js';

/** The student's pages in a course (filled in by the student portal). */
export const studentArea: CourseArea = {
  useNav: () => [],
  pages: [],
};
