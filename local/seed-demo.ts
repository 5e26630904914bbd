import { DateTime } from 'luxon';
import { putCourse } from '../shared/courses/put-course.js';
import { putRoster } from '../shared/courses/put-roster.js';
import { DEMO_ADMIN, DEMO_COURSE_ID, demoCourse, demoRosterCsv } from '../shared/demo/demo-course.js';
import { LIVE_COURSE_ID, liveCourse, liveSlotLayout } from '../shared/demo/live-course.js';
import { CourseConfig } from '../shared/domain/course-config.js';
import { localToInstant } from '../shared/domain/local-time.js';
import type { Deps } from '../shared/runtime/deps.js';
import { layOutSlots } from '../shared/slots/layout-slots.js';
import { getCourse } from '../shared/store/course-repo.js';
import { listGroups } from '../shared/store/group-repo.js';

const admin = { email: DEMO_ADMIN, groups: ['admins'], isAdmin: true };

/**
 * Loads the demo courses through the same use cases as the API, unless they are already there:
 * `genmod-2023` (the 2023 calendar, for `npm run demo`) and the live course (dates from today).
 * True when `genmod-2023` was loaded now.
 */
export const seedDemoCourse = async (d: Deps): Promise<boolean> => {
  const loaded = !(await getCourse(d, DEMO_COURSE_ID));
  if (loaded) {
    await putCourse(d, DEMO_COURSE_ID, CourseConfig.parse(demoCourse), admin);
    await putRoster(d, DEMO_COURSE_ID, admin, demoRosterCsv, 'text/csv');
  }
  await seedLiveCourse(d);
  return loaded;
};

export type LiveSeed = 'created' | 'redated' | 'kept';

/**
 * The live course, dated from today (d.clock): created if absent; re-dated (its config PUT again)
 * when its group deadline has passed and no group was formed in it, so an idle copy stays usable;
 * kept as it is once people use it, or while its groups are still open.
 */
export const seedLiveCourse = async (d: Deps, courseId: string = LIVE_COURSE_ID): Promise<LiveSeed> => {
  const now = d.clock.now();
  const config = CourseConfig.parse(liveCourse(DateTime.fromJSDate(now)));
  const existing = await getCourse(d, courseId);
  if (existing) {
    const { groups, timeZone } = existing.config;
    if (localToInstant(groups.deadline, timeZone) > now) return 'kept';
    if ((await listGroups(d, courseId)).length > 0) return 'kept';
  }
  await putCourse(d, courseId, config, admin);
  // Also on a re-date: with no group formed, replacing the roster loses nothing and heals a
  // course whose first seeding stopped before its roster.
  await putRoster(d, courseId, admin, demoRosterCsv, 'text/csv');
  // No group, so no booking: laying the slots out again replaces the old days without cancelling any.
  await layOutSlots(d, courseId, admin, liveSlotLayout(DateTime.fromJSDate(now)));
  return existing ? 'redated' : 'created';
};
