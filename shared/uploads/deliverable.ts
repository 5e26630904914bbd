import type { Deliverable } from '../domain/course-config.js';
import { NotFound } from '../errors.js';
import type { CourseRecord } from '../store/course-repo.js';

export const findDeliverable = (course: CourseRecord, deliverableId: string): Deliverable => {
  const deliverable = course.config.deliverables.find((x) => x.id === deliverableId);
  if (!deliverable) throw new NotFound(`No deliverable "${deliverableId}" in course "${course.courseId}"`);
  return deliverable;
};
