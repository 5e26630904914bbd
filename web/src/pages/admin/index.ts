import type { FunctionComponent } from 'preact';
import type { CourseArea } from '../course-area.js';

/** Course settings and roster import, inside a course (instructors and admins). */
export const adminCourseArea: CourseArea = {
  useNav: () => [],
  pages: [],
};

/** Pages outside any course (/admin…): create a course. */
export const adminPages: {
  path: string;
  Component: FunctionComponent<{ params: Record<string, string> }>;
}[] = [];
