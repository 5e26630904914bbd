import type { Caller } from '../auth/caller.js';
import { rankingProblems } from '../domain/allocation-plan.js';
import { groupsOpen } from '../domain/group-rules.js';
import { isoInZone } from '../domain/local-time.js';
import { BadRequest, Conflict, DeadlinePassed } from '../errors.js';
import { describeGroupDeadline, groupDeadline, loadGroupAccess } from '../groups/group-access.js';
import type { Deps } from '../runtime/deps.js';
import type { CourseRecord } from '../store/course-repo.js';
import type { GroupRecord } from '../store/group-repo.js';
import { keys } from '../store/keys.js';
import { preferencesEntity, putPreferences, type PreferencesRecord } from './allocation-store.js';
import type { PreferencesView, PutPreferencesBody } from './schemas.js';

export const deadlineView = (course: CourseRecord) => ({
  at: isoInZone(groupDeadline(course), course.config.timeZone),
  local: course.config.groups.deadline,
  timeZone: course.config.timeZone,
});

const view = (
  course: CourseRecord,
  group: GroupRecord,
  stored: PreferencesRecord | undefined,
): PreferencesView => {
  const title = new Map(course.config.papers.map((p) => [p.id, p.title]));
  const { paperId } = group;
  return {
    groupId: group.groupId,
    ranking: (stored?.ranking ?? []).map((paperId, i) => ({
      rank: i + 1,
      paperId,
      // A paper removed from the course since keeps its id; the allocation skips it.
      title: title.get(paperId) ?? paperId,
    })),
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
    paperId: paperId ?? null,
    used: paperId === undefined,
    deadline: deadlineView(course),
  };
};

/**
 * The group's ranking, for its members and the instructors. One DynamoDB call: the access BatchGet
 * reads the course, the caller's roster entry, the group and its ranking together.
 */
export const getPreferences = async (
  d: Deps,
  courseId: string,
  groupId: string,
  caller: Caller,
): Promise<PreferencesView> => {
  const prefsKey = keys.preferences(courseId, groupId);
  const { access, group } = await loadGroupAccess(d, courseId, caller, groupId, [prefsKey]);
  return view(access.course, group, preferencesEntity.find(access.extras, prefsKey));
};

/**
 * Sets the group's ranking (ranked courses only; any member, or an instructor, until the group
 * deadline). Two DynamoDB calls: the access BatchGet (with the group) and one Put of the ranking's
 * own item. No mail: nothing is decided until the deadline, and members see the ranking with GET.
 * Last writer wins between two members: a ranking is one whole list, never merged.
 */
export const setPreferences = async (
  d: Deps,
  courseId: string,
  groupId: string,
  caller: Caller,
  body: PutPreferencesBody,
): Promise<PreferencesView> => {
  const { access, group } = await loadGroupAccess(d, courseId, caller, groupId);
  const { config } = access.course;
  if (config.groups.paperChoice !== 'ranked')
    throw new Conflict(
      `Course "${courseId}" gives papers first come, first served (groups.paperChoice is "first-come"): choose a paper with PATCH /courses/${courseId}/groups/${groupId}`,
      'not_ranked',
    );
  // Rankings are read by the allocation at the deadline: after it, nothing would read a change.
  if (!groupsOpen(d.clock.now(), groupDeadline(access.course)))
    throw new DeadlinePassed(
      `Groups closed on ${describeGroupDeadline(access.course)}; papers were allocated then and rankings can no longer change`,
    );
  const problems = rankingProblems(
    body.ranking,
    config.papers.map((p) => p.id),
  );
  if (problems.length) throw new BadRequest('The ranking is not valid', problems, 'invalid_ranking');
  const record: PreferencesRecord = {
    courseId,
    groupId,
    ranking: body.ranking,
    updatedAt: d.clock.now().toISOString(),
    updatedBy: caller.email,
  };
  await putPreferences(d, record);
  return view(access.course, group, record);
};
