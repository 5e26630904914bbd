import type { Caller } from '../auth/caller.js';
import { hidesMembers } from '../domain/marking-rules.js';
import { Conflict, Forbidden, NotFound } from '../errors.js';
import { toStudent } from '../store/course-repo.js';
import { livePublication, toGrade, toPublication } from '../store/grade-repo.js';
import { toGroup, type GroupRecord } from '../store/group-repo.js';
import { keys } from '../store/keys.js';
import { secondMarksEntity } from '../store/marking-repo.js';
import { batchGetAll, type Db } from '../store/table-ops.js';
import { loadByGroupRef } from './group-ref.js';
import { assignmentsIn, componentOf, isLead, isSecondMarked, requireMarkers } from './marking-access.js';

/**
 * What every second-marking route reads, in one BatchGet with the access check: the group, the
 * component's assignments, the marks, the group grade, the publication and the booking (for the
 * presentation rule). Refuses a component that is not second-marked, an unknown group, and a caller
 * who is neither the lead nor one of the group's assigned graders.
 */
export const loadMarkContext = async (
  d: Db,
  courseId: string,
  groupRef: string,
  componentId: string,
  caller: Caller,
) => {
  const { access, groupId } = await loadByGroupRef(d, {
    courseId,
    ref: groupRef,
    componentId,
    caller,
    action: 'mark',
    groupKeys: (g) => [
      keys.group(courseId, g),
      keys.secondMarks(courseId, g, componentId),
      keys.grade(courseId, g, componentId),
      keys.booking(courseId, g),
    ],
  });
  const { config } = access.course;
  const markers = requireMarkers(config);
  const component = componentOf(config, componentId);
  if (!isSecondMarked(config, componentId))
    throw new Conflict(
      `"${component.title}" is not second-marked: its grade is entered with PUT /courses/${courseId}/groups/${groupRef}/grades/${componentId}`,
      'not_second_marked',
    );
  const find = (key: { sk: string }) => access.extras.find((i) => i.sk === key.sk);
  const group = toGroup(find(keys.group(courseId, groupId)));
  if (!group) throw new NotFound(`No group "${groupRef}" in this course`);
  const graders = assignmentsIn(access.extras, courseId, componentId)?.groups[groupId] ?? [];
  const lead = isLead(access);
  if (!lead && !graders.includes(caller.email))
    throw new Forbidden(
      `${caller.email} is not assigned to mark "${component.title}" of group "${groupRef}"${graders.length ? ` (assigned: ${graders.join(', ')})` : ''}; the lead marker (${markers.lead}) assigns graders`,
      'not_assigned',
    );
  const publication = livePublication(toPublication(find(keys.gradesPublication(courseId))));
  return {
    access,
    groupId,
    // Shown by label, without group id or members, to this caller (until publication).
    hidden: !lead && hidesMembers(markers.anonymous, componentId, 'grader', !!publication),
    config,
    markers,
    component,
    group,
    graders,
    lead,
    marks: secondMarksEntity.parse(find(keys.secondMarks(courseId, groupId, componentId))),
    grade: toGrade(find(keys.grade(courseId, groupId, componentId))),
    // Anonymity ends once the grades are published (a withdrawn publication counts as none).
    published: !!publication,
  };
};
export type MarkContext = Awaited<ReturnType<typeof loadMarkContext>>;

/** Member names, read only when they are shown (one BatchGet). */
export const memberNames = async (
  d: Db,
  courseId: string,
  groups: readonly GroupRecord[],
): Promise<Map<string, string>> => {
  const emails = [...new Set(groups.flatMap((g) => g.members))];
  if (!emails.length) return new Map();
  const items = await batchGetAll(
    d,
    emails.map((e) => keys.student(courseId, e)),
  );
  return new Map(items.flatMap((i) => toStudent(i) ?? []).map((s) => [s.email, s.name]));
};
