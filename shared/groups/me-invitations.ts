import type { MePart } from '../courses/me-part.js';
import { groupsOpen } from '../domain/group-rules.js';
import { groupEntity } from '../store/group-repo.js';
import { keys } from '../store/keys.js';
import { groupDeadline } from './group-access.js';
import type { MeInvitationView } from './schemas.js';

/**
 * The student's open invitations in /me: the groups named by their roster entry's `invitedTo`,
 * read by key in /me's shared BatchGet (no call of its own). An invitation counts only while the
 * group still exists and still lists the student as invited; none once the student is in a group.
 */
export const meInvitations: MePart<MeInvitationView[]> = {
  keys: (ctx) =>
    ctx.student.groupId ? [] : (ctx.student.invitedTo ?? []).map((g) => keys.group(ctx.course.courseId, g)),
  build: (ctx, items) => {
    if (ctx.student.groupId) return [];
    const status = groupsOpen(ctx.now, groupDeadline(ctx.course)) ? 'pending' : 'lapsed';
    return (ctx.student.invitedTo ?? []).flatMap((groupId) => {
      const group = groupEntity.find(items, keys.group(ctx.course.courseId, groupId));
      if (!group || !group.invited.includes(ctx.student.email)) return [];
      const paper = ctx.course.config.papers.find((p) => p.id === group.paperId);
      return [
        {
          groupId,
          members: group.members,
          paper: paper ? { id: paper.id, title: paper.title, url: paper.url } : null,
          size: { members: group.members.length, max: ctx.course.config.groups.maxSize },
          status,
        },
      ];
    });
  },
};
