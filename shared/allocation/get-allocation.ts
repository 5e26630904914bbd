import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { planAllocation, type AllocationPlan } from '../domain/allocation-plan.js';
import type { Deps } from '../runtime/deps.js';
import type { CourseRecord } from '../store/course-repo.js';
import { listGroups, type GroupRecord } from '../store/group-repo.js';
import { keys } from '../store/keys.js';
import { allocationEntity, listPreferences, type AllocationRecord } from './allocation-store.js';
import { deadlineView } from './preferences.js';
import type { AllocationView } from './schemas.js';

/**
 * The plan for a course's groups as they are: groups without a paper are allocated (by their
 * rankings in a ranked course, then on papers with seats left); the others keep theirs and fill
 * its seats (counted from the groups, as GET …/groups and …/papers count them; the paper-seat
 * counters, which guard every write, move with them). The course id is the tie-break seed.
 */
export const planForCourse = (
  course: CourseRecord,
  groups: GroupRecord[],
  rankings: ReadonlyMap<string, readonly string[]>,
): AllocationPlan => {
  const { config } = course;
  const taken = new Map<string, number>();
  for (const g of groups) if (g.paperId !== undefined) taken.set(g.paperId, (taken.get(g.paperId) ?? 0) + 1);
  return planAllocation({
    mode: config.groups.paperChoice ?? 'first-come',
    seed: course.courseId,
    papers: config.papers,
    cap: config.groups.maxGroupsPerPaper,
    taken,
    // An empty group is deleted with its last member; the filter only guards the impossible.
    waiting: groups.filter((g) => g.paperId === undefined && g.members.length > 0),
    rankings,
    kept: groups.filter((g) => g.paperId !== undefined).length,
  });
};

export const allocationView = (
  course: CourseRecord,
  record: Pick<AllocationRecord, 'mode' | 'seed' | 'computedAt' | 'groups' | 'report'>,
  state: AllocationView['state'],
  groups: GroupRecord[],
): AllocationView => {
  const members = new Map(groups.map((g) => [g.groupId, g.members]));
  return {
    state,
    mode: record.mode,
    seed: record.seed,
    computedAt: record.computedAt,
    deadline: deadlineView(course),
    groups: record.groups.map((g) => ({ ...g, members: members.get(g.groupId) ?? [] })),
    report: record.report,
  };
};

/**
 * GET /courses/{id}/allocation (instructors): what the group-deadline job did, once it ran (state
 * `done`); until then a dry run over the current groups and rankings (state `preview`, nothing
 * written). DynamoDB calls: the access BatchGet, which also reads the stored allocation, then the
 * Query of the groups (members now) and, for a preview only, the Query of the rankings in parallel:
 * 3 for a preview, 2 once the job ran.
 */
export const getAllocation = async (d: Deps, courseId: string, caller: Caller): Promise<AllocationView> => {
  const access = await loadAccess(d, courseId, caller, [keys.allocation(courseId)]);
  requireStaff(access, 'see the paper allocation');
  const stored = allocationEntity.find(access.extras, keys.allocation(courseId));
  if (stored) return allocationView(access.course, stored, 'done', await listGroups(d, courseId));
  const ranked = access.course.config.groups.paperChoice === 'ranked';
  const [groups, rankings] = await Promise.all([
    listGroups(d, courseId),
    ranked ? listPreferences(d, courseId) : new Map<string, string[]>(),
  ]);
  const plan = planForCourse(access.course, groups, rankings);
  return allocationView(
    access.course,
    { ...plan, computedAt: d.clock.now().toISOString() },
    'preview',
    groups,
  );
};
