import { putCourse } from '../shared/courses/put-course.js';
import { putRoster } from '../shared/courses/put-roster.js';
import { DEMO_ADMIN, DEMO_COURSE_ID, demoCourse, demoRosterCsv } from '../shared/demo/demo-course.js';
import { CourseConfig } from '../shared/domain/course-config.js';
import type { Deps } from '../shared/runtime/deps.js';
import { getCourse } from '../shared/store/course-repo.js';

/** Loads the demo course through the same use cases as the API, unless it is already there. */
export const seedDemoCourse = async (d: Deps): Promise<boolean> => {
  if (await getCourse(d, DEMO_COURSE_ID)) return false;
  const admin = { email: DEMO_ADMIN, groups: ['admins'], isAdmin: true };
  await putCourse(d, DEMO_COURSE_ID, CourseConfig.parse(demoCourse), admin);
  await putRoster(d, DEMO_COURSE_ID, admin, demoRosterCsv, 'text/csv');
  return true;
};
