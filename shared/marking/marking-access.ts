import type { CourseAccess } from '../courses/access.js';
import type { CourseConfig, GradeComponent, Markers } from '../domain/course-config.js';
import { Conflict, Forbidden, NotFound, type AppError } from '../errors.js';
import { keys } from '../store/keys.js';
import { assignmentsEntity, type AssignmentsRecord } from '../store/marking-repo.js';
import type { Db, Item } from '../store/table-ops.js';
import type { TransactItem } from '../store/transactions.js';

/** The course's marker settings, or 409: the marking routes need them. */
export const requireMarkers = (config: CourseConfig): Markers => {
  const markers = config.grading.markers;
  if (!markers)
    throw new Conflict(
      'This course has no markers: set grading.markers (lead, secondMarking, anonymous) in the course settings first',
      'markers_off',
    );
  return markers;
};

/** Admins have the lead's rights, as they have an instructor's. */
export const isLead = (access: CourseAccess): boolean =>
  access.role === 'admin' || access.course.config.grading.markers?.lead === access.caller.email;

export const requireLead = (access: CourseAccess, markers: Markers, action: string): void => {
  if (!isLead(access))
    throw new Forbidden(`Only the lead marker (${markers.lead}) or an admin may ${action}`, 'not_lead');
};

export const componentOf = (config: CourseConfig, componentId: string): GradeComponent => {
  const component = config.grading.components.find((c) => c.id === componentId);
  if (!component) throw new NotFound(`No grade component "${componentId}" in this course`);
  return component;
};

export const isSecondMarked = (config: CourseConfig, componentId: string): boolean =>
  config.grading.markers?.secondMarking?.components.includes(componentId) ?? false;

export const assignmentsIn = (
  items: readonly Item[],
  courseId: string,
  componentId: string,
): AssignmentsRecord | undefined =>
  assignmentsEntity.find(items, keys.markingAssignments(courseId, componentId));

/**
 * Who may enter a group's grade once markers are set (PUT …/grades/{componentId}): a second-marked
 * component's grade is only ever the lead's agreed final; where a component has assignments, only
 * the group's assigned graders and the lead enter it. Courses without markers: no rule (undefined).
 * `access.extras` holds the component's assignment item (read with the access check, no extra call).
 */
export const gradeEntryRefusal = (
  access: CourseAccess,
  groupId: string,
  component: GradeComponent,
): AppError | undefined => {
  const { course, caller, role, extras } = access;
  const { config, courseId } = course;
  const markers = config.grading.markers;
  if (!markers) return undefined;
  if (isSecondMarked(config, component.id))
    return new Forbidden(
      `"${component.title}" is second-marked: its grade is the final the lead marker agrees (POST /courses/${courseId}/marking/groups/${groupId}/marks/${component.id}/agree) from two independent marks`,
      'second_marking',
    );
  const assignments = assignmentsIn(extras, courseId, component.id);
  if (!assignments || Object.keys(assignments.groups).length === 0) return undefined;
  if (role === 'admin' || caller.email === markers.lead) return undefined;
  const graders = assignments.groups[groupId] ?? [];
  if (graders.includes(caller.email)) return undefined;
  return new Forbidden(
    `Grades of "${component.title}" are entered by the graders assigned to each group (or the lead marker, ${markers.lead}): ${caller.email} is not assigned to group "${groupId}"${graders.length ? ` (assigned: ${graders.join(', ')})` : ''}`,
    'not_assigned',
  );
};

/**
 * The transaction item that re-checks a grader's right to write (put-grade, put-member-grade): the
 * component's assignment item is still at the version read (or still absent), so an assignment
 * revoked between the read and the write refuses instead of letting the write through. None for
 * the lead, admins, and courses without markers: their right does not depend on assignments.
 */
export const assignmentsGuard = (
  d: Db,
  access: CourseAccess,
  componentId: string,
): TransactItem | undefined => {
  if (!access.course.config.grading.markers || isLead(access)) return undefined;
  const { courseId } = access.course;
  const read = assignmentsIn(access.extras, courseId, componentId);
  return {
    ConditionCheck: {
      TableName: d.tableName,
      Key: keys.markingAssignments(courseId, componentId),
      ...(read
        ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': read.version } }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  };
};

export const assignmentsChanged = (): Conflict =>
  new Conflict(
    "The lead marker changed this component's graders meanwhile; read your marking queue again and retry",
    'assignment_changed',
  );

/**
 * Who may adjust one member's grade of a component once markers are set: the same entry rule as
 * the group's grade (assigned graders or the lead); a second-marked component's grade is the lead's
 * agreed final, so its per-member changes are the lead's too.
 */
export const memberChangeRefusal = (
  access: CourseAccess,
  groupId: string,
  component: GradeComponent,
): AppError | undefined => {
  const markers = access.course.config.grading.markers;
  if (!markers || isLead(access)) return undefined;
  if (isSecondMarked(access.course.config, component.id))
    return new Forbidden(
      `"${component.title}" is second-marked: its grade, and each member's change of it, is the lead marker's (${markers.lead})`,
      'second_marking',
    );
  return gradeEntryRefusal(access, groupId, component);
};
