import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { planPlacement, type Placement } from '../domain/placement.js';
import { AppError } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { listGroups } from '../store/group-repo.js';
import { listStudents } from '../store/roster-repo.js';
import { createGroup } from './create-group.js';
import type { PlaceUnassignedBody } from './schemas-placement.js';
import { updateGroup } from './update-group.js';

/**
 * The instructor's action after the group deadline: students left in no group join groups with
 * room or form new groups, within the size rules. Each placement is a normal instructor change
 * (one transaction, audited with the reason, every member emailed); `dryRun` only shows the plan.
 * A placement that loses a race (a student placed meanwhile) is reported, the others still happen.
 */
export const placeUnassigned = async (
  d: Deps,
  courseId: string,
  caller: Caller,
  body: PlaceUnassignedBody,
) => {
  const access = await loadAccess(d, courseId, caller);
  requireStaff(access, 'place students into groups');
  const { config } = access.course;
  const [students, groups] = await Promise.all([listStudents(d, courseId), listGroups(d, courseId)]);
  const plan = planPlacement({
    unassigned: students.filter((s) => !s.groupId).map((s) => s.email),
    groups,
    papers: config.papers,
    minSize: config.groups.minSize,
    maxSize: config.groups.maxSize,
    ...(config.groups.maxGroupsPerPaper ? { maxGroupsPerPaper: config.groups.maxGroupsPerPaper } : {}),
  });
  if (body.dryRun) return { dryRun: true, placements: plan.placements, unplaced: plan.unplaced, failed: [] };
  const done: (Placement & { groupId: string })[] = [];
  const failed: { placement: Placement; error: string }[] = [];
  for (const p of plan.placements) {
    try {
      if (p.kind === 'join') {
        await updateGroup(d, courseId, p.groupId, caller, { addMembers: p.members, reason: body.reason });
        done.push(p);
      } else {
        const made = await createGroup(d, courseId, caller, {
          members: p.members,
          paperId: p.paperId,
          reason: body.reason,
        });
        const groupId = (made as { body: { groupId: string } }).body.groupId;
        done.push({ ...p, groupId });
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push({ placement: p, error: error.message });
    }
  }
  return { dryRun: false, placements: done, unplaced: plan.unplaced, failed };
};
