import type { Caller } from '../auth/caller.js';
import { Forbidden } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { loadMarkContext, memberNames } from './mark-context.js';
import { marksView } from './marks-view.js';

/**
 * The independent marks of one group's second-marked component. The lead sees them as they come
 * in; an assigned grader only once their own mark is in (or the final was agreed), so that neither
 * mark is made knowing the other. DynamoDB: one BatchGet, and one more for names when shown.
 */
export const getMarks = async (
  d: Deps,
  courseId: string,
  groupRef: string,
  componentId: string,
  caller: Caller,
) => {
  const c = await loadMarkContext(d, courseId, groupRef, componentId, caller);
  const own = c.marks?.marks.some((m) => m.grader === caller.email) ?? false;
  if (!c.lead && !own && !c.grade)
    throw new Forbidden(
      `Enter your own mark of "${c.component.title}" for this group first: marks are independent, so the other grader's is shown only once yours is in`,
      'mark_first',
    );
  return marksView({
    config: c.config,
    courseId,
    component: c.component,
    group: c.group,
    graders: c.graders,
    marks: c.marks,
    grade: c.grade,
    viewer: c.lead ? 'lead' : 'grader',
    published: c.published,
    names: await namesIfShown(d, courseId, c),
  });
};

/** Names are read only for a viewer who may see them. */
export const namesIfShown = async (
  d: Deps,
  courseId: string,
  c: Awaited<ReturnType<typeof loadMarkContext>>,
) => {
  const anonymous = c.config.grading.markers?.anonymous ?? [];
  const hidden = !c.lead && !c.published && anonymous.includes(c.component.id);
  return hidden ? new Map<string, string>() : memberNames(d, courseId, [c.group]);
};
