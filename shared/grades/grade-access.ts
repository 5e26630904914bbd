import type { Caller } from '../auth/caller.js';
import { isInstructor, refuseAnonymousGrader } from '../courses/access.js';
import { Forbidden, NotFound } from '../errors.js';
import type { Db } from '../store/table-ops.js';
import { livePublication, readGradeBookHead, type GradeBookHead } from '../store/grade-repo.js';
import type { CourseRecord } from '../store/course-repo.js';

/**
 * Course-wide grade reads start with one Query that brings the config together with the grades,
 * groups and publication marker; access is decided on that config before anything is returned.
 * Only admins and the course's instructors pass (students and strangers get the same 403).
 */
export const loadGradeBookAsStaff = async (
  d: Db,
  courseId: string,
  caller: Caller,
  action: string,
): Promise<GradeBookHead & { course: CourseRecord }> => {
  const head = await readGradeBookHead(d, courseId);
  const course = head.course;
  if (!course) throw new NotFound(`No course "${courseId}"`);
  if (!caller.isAdmin && !isInstructor(course, caller.email))
    throw new Forbidden(`Only the course's instructors may ${action}`);
  // The grade book names every student: not for a grader kept anonymous (courses/access.ts).
  await refuseAnonymousGrader(d, course, caller, { published: !!livePublication(head.publication) });
  return { ...head, course };
};
