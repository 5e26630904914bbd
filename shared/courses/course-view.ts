import { courseDeadlines, deadlineView } from '../domain/deadlines.js';
import type { CourseRecord } from '../store/course-repo.js';
import type { Role } from './access.js';

export const courseDeadlineViews = (course: CourseRecord) =>
  courseDeadlines(course.config).map((d) => deadlineView(d, course.config.timeZone));

export const courseView = (course: CourseRecord, role: Role) => ({
  courseId: course.courseId,
  role,
  version: course.version,
  config: course.config,
  deadlines: courseDeadlineViews(course),
});
