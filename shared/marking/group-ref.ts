import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff, type CourseAccess } from '../courses/access.js';
import { groupsWithLabel, LABEL_PATTERN } from '../domain/marking-rules.js';
import { Conflict, Forbidden, NotFound } from '../errors.js';
import { keys, type Key } from '../store/keys.js';
import { batchGetAll, type Db } from '../store/table-ops.js';
import { assignmentsIn } from './marking-access.js';

export const isLabel = (ref: string): boolean => LABEL_PATTERN.test(ref);

/**
 * The access read of a route addressed by `{groupId}` that may be a label (marking, grade entry):
 * it allows a grader kept anonymous, always reads the component's assignments and the publication,
 * and the group's own items (`groupKeys`) in the same BatchGet when a group id is given. A label is
 * resolved through the component's assignment item (a label is a one-way hash: only the assigned
 * groups can be matched), then the group's items are read: one more BatchGet. A grader kept
 * anonymous addressing an anonymous component by group id is refused before anything about that
 * group is looked at, so a guessed id teaches nothing.
 */
export const loadByGroupRef = async (
  d: Db,
  input: {
    courseId: string;
    ref: string;
    componentId: string;
    caller: Caller;
    action: string;
    groupKeys: (groupId: string) => Key[];
  },
): Promise<{ access: CourseAccess; groupId: string; byLabel: boolean }> => {
  const { courseId, ref, componentId, caller, groupKeys } = input;
  const byLabel = isLabel(ref);
  const access = await loadAccess(
    d,
    courseId,
    caller,
    [
      keys.markingAssignments(courseId, componentId),
      keys.gradesPublication(courseId),
      ...(byLabel ? [] : groupKeys(ref)),
    ],
    { anonymousGrader: 'allowed' },
  );
  requireStaff(access, input.action);
  if (!byLabel) {
    if (access.keptAnonymous.includes(componentId))
      throw new Forbidden(
        `Marking of "${access.course.config.grading.components.find((c) => c.id === componentId)?.title ?? componentId}" is anonymous until grades are published: address its groups by the label your marking queue shows (S-…), not by group id`,
        'anonymous_marking',
      );
    return { access, groupId: ref, byLabel };
  }
  const assigned = Object.keys(assignmentsIn(access.extras, courseId, componentId)?.groups ?? {});
  const [groupId, ...more] = groupsWithLabel(courseId, ref, assigned);
  if (!groupId) throw new NotFound(`No group assigned for "${componentId}" is shown as "${ref}"`);
  // 32 bits of a hash: two groups of one course sharing a label is unlikely, but refused, not guessed.
  if (more.length)
    throw new Conflict(
      `Two assigned groups share the label "${ref}": ask the lead marker`,
      'ambiguous_label',
    );
  const wanted = groupKeys(groupId);
  const items = wanted.length ? await batchGetAll(d, wanted) : [];
  return { access: { ...access, extras: [...access.extras, ...items] }, groupId, byLabel };
};
