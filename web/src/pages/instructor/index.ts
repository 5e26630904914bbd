import type { CourseArea } from '../course-area.js';

/** The instructor's pages in a course (filled in by the instructor console). */
export const instructorArea: CourseArea = {
  useNav: () => [],
  pages: [],
};
