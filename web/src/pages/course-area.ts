import type { FunctionComponent } from 'preact';
import type { CourseView } from '../api/types.js';

export interface CoursePageProps {
  course: CourseView;
  /** Route parameters after /c/:courseId/ (e.g. deliverableId). */
  params: Record<string, string>;
  /** Reads the course again (after a change to it). */
  reloadCourse: () => void;
}

/** One role's pages inside a course: its menu and its routes (paths relative to /c/:courseId/). */
export interface CourseArea {
  /** The course menu's links (a hook: labels come from the area's messages; some depend on the course's config). */
  useNav: (course: CourseView) => { path: string; label: string }[];
  /** '' is the area's home; ':name' segments become params. */
  pages: { path: string; Component: FunctionComponent<CoursePageProps> }[];
}
