import type { MePart } from '../courses/me-part.js';
import { toGroup } from '../store/group-repo.js';
import { keys } from '../store/keys.js';
import { groupView } from './group-view.js';
import type { GroupView } from './schemas.js';

/**
 * The student's group in /me, read by key in /me's shared BatchGet; null when in no group. Other
 * members' names are not read here (that would be a call more); GET .../groups/{groupId} has them.
 */
export const meGroup: MePart<GroupView | null> = {
  keys: (ctx) => (ctx.student.groupId ? [keys.group(ctx.course.courseId, ctx.student.groupId)] : []),
  build: (ctx, items) => {
    const groupId = ctx.student.groupId;
    if (!groupId) return null;
    const sk = keys.group(ctx.course.courseId, groupId).sk;
    const group = toGroup(items.find((i) => i.sk === sk && i.type === 'group'));
    return group
      ? groupView(ctx.course, group, new Map([[ctx.student.email, ctx.student.name]]), ctx.now)
      : null;
  },
};
