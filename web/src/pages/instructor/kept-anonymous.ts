import { useEffect, useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { CourseView } from '../../api/types.js';
import { useApp } from '../../app-context.js';

/**
 * One question per course read: the nav and the landing page both ask, and a reload of the course
 * (a new object) asks again (publication ends anonymity).
 */
const asked = new WeakMap<CourseView, Promise<boolean>>();

/**
 * Whether the caller is a grader kept anonymous (the API refuses them every page but Marking until
 * publication). Only the marking queue knows (it depends on assignments and publication), so it is
 * asked only where it can be true: a course with anonymous components and a caller who is neither
 * an admin nor the lead marker. Undefined while the answer is on its way; a failed question counts
 * as not anonymous (the pages then show the API's own answer).
 */
export const useKeptAnonymous = (course: CourseView): boolean | undefined => {
  const { api, email, isAdmin } = useApp();
  const markers = course.config.grading.markers;
  const candidate =
    course.role === 'instructor' &&
    !isAdmin &&
    (markers?.anonymous?.length ?? 0) > 0 &&
    String(markers?.lead).toLowerCase() !== email.toLowerCase();
  const [known, setKnown] = useState<{ course: CourseView; anonymous: boolean }>();
  useEffect(() => {
    if (!candidate) return;
    let live = true;
    let ask = asked.get(course);
    if (!ask) {
      ask = unwrap(
        api.GET('/courses/{courseId}/marking/queue', { params: { path: { courseId: course.courseId } } }),
      ).then(
        (queue) => queue.anonymous,
        () => false,
      );
      asked.set(course, ask);
    }
    void ask.then((anonymous) => live && setKnown({ course, anonymous }));
    return () => {
      live = false;
    };
  }, [course, candidate]);
  if (!candidate) return false;
  return known?.course === course ? known.anonymous : undefined;
};
