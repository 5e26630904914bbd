import type { MeContext, MePart } from '../courses/me-part.js';
import { keys } from '../store/keys.js';
import type { Item } from '../store/table-ops.js';
import { regradeEntity } from './regrade-store.js';
import { regradeViews } from './regrade-view.js';
import type { RegradeView } from './schemas.js';

/**
 * The student's own regrade requests and their answers in /me: one item per component, named by
 * key, so they ride in /me's BatchGet (no extra call). Courses without regrades ask for nothing.
 */
export const meRegrades: MePart<RegradeView[]> = {
  keys: ({ course, student }: MeContext) =>
    course.config.grading.regradeDays === undefined
      ? []
      : course.config.grading.components.map((c) => keys.regrade(course.courseId, student.email, c.id)),
  build: ({ course, student }: MeContext, items: Item[]) =>
    course.config.grading.components.flatMap((c) => {
      const r = regradeEntity.find(items, keys.regrade(course.courseId, student.email, c.id));
      return r && r.email === student.email ? regradeViews(course.config, r) : [];
    }),
};
