import type { Caller } from '../auth/caller.js';
import type { CourseConfig } from '../domain/course-config.js';
import { Forbidden } from '../errors.js';
import { created } from '../http/responses.js';
import type { Deps } from '../runtime/deps.js';
import { getCourse, saveCourse } from '../store/course-repo.js';
import { isInstructor, refuseAnonymousGrader } from './access.js';
import { courseView } from './course-view.js';

/** Admins create courses; a course's instructors (and admins) may replace its config. */
export const putCourse = async (d: Deps, courseId: string, config: CourseConfig, caller: Caller) => {
  const previous = await getCourse(d, courseId);
  if (!caller.isAdmin) {
    if (!previous) throw new Forbidden('Only an admin may create a course');
    if (!isInstructor(previous, caller.email))
      throw new Forbidden(`Only the instructors of "${courseId}" may change it`);
    // A grader kept anonymous could otherwise lift the anonymity (or make themselves lead).
    await refuseAnonymousGrader(d, previous, caller);
  }
  const next = {
    courseId,
    title: config.title,
    config,
    version: (previous?.version ?? 0) + 1,
    updatedAt: d.clock.now().toISOString(),
    updatedBy: caller.email,
  };
  await saveCourse(d, next, previous);
  const role = caller.isAdmin ? 'admin' : 'instructor';
  const view = courseView(next, role);
  return previous ? view : created(view);
};
