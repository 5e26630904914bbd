import type { CourseConfig, GradeComponent } from '../domain/course-config.js';
import { isoInZone } from '../domain/local-time.js';
import { Conflict, Forbidden, type AppError } from '../errors.js';
import type { GroupRecord } from '../store/group-repo.js';
import { coursePk } from '../store/keys.js';
import type { BookingRecord } from '../store/slot-repo.js';
import { queryCourse, type Db } from '../store/table-ops.js';
import { ownerSubmissionsPrefix } from '../uploads/upload-store.js';

/**
 * When a group's grade may be entered (issue 14): a component that grades the presentation only
 * once the group's presentation has started (its booked slot starts at or before the request's
 * clock); a component that grades a deliverable only once a submission of it was accepted. An
 * instructor's reason overrides either (a no-show or a missing report graded 0); the reason goes to
 * the audit record. Components linked to neither have no rule.
 */
const OVERRIDE = 'or give a "reason" to enter it anyway (kept in the audit log)';

/** The presentation rule, on the group's booking marker (read with the access check, no extra call). */
export const presentationRefusal = (
  config: CourseConfig,
  component: GradeComponent,
  groupId: string,
  booking: BookingRecord | undefined,
  now: Date,
): AppError | undefined => {
  if (!component.presentation) return undefined;
  if (!booking?.slotId)
    return new Conflict(
      `"${component.title}" grades the presentation, and group "${groupId}" has no presentation booked: the grade can be entered once its presentation has started (${OVERRIDE}, e.g. a no-show graded 0)`,
      'presentation_not_booked',
    );
  if (new Date(booking.start).getTime() > now.getTime())
    return new Forbidden(
      `"${component.title}" grades the presentation, and the presentation of group "${groupId}" starts at ${isoInZone(new Date(booking.start), config.timeZone)}: the grade can be entered from then on (${OVERRIDE})`,
      'presentation_not_started',
    );
  return undefined;
};

/**
 * The deliverable rule: one Query per owner of the deliverable (the group, or each member for a
 * per-student deliverable) over its submissions of that deliverable, keys only, accepted ones only.
 */
export const deliverableRefusal = async (
  d: Db,
  config: CourseConfig,
  courseId: string,
  component: GradeComponent,
  group: GroupRecord,
): Promise<AppError | undefined> => {
  const deliverable = config.deliverables.find((x) => x.id === component.deliverableId);
  if (!deliverable) return undefined;
  const owners = deliverable.owner === 'group' ? [group.groupId] : group.members;
  const found = await Promise.all(
    owners.map(async (owner) => {
      const items = await queryCourse(d, coursePk(courseId), ownerSubmissionsPrefix(owner, deliverable.id), {
        FilterExpression: '#s = :accepted',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':accepted': 'accepted' },
        ProjectionExpression: 'sk',
      });
      return items.length > 0;
    }),
  );
  if (found.every(Boolean)) return undefined;
  const who =
    deliverable.owner === 'group'
      ? `group "${group.groupId}" has no accepted submission of it`
      : `${owners.filter((_, i) => !found[i]).join(', ')} have no accepted submission of it`;
  return new Conflict(
    `"${component.title}" grades "${deliverable.title}", and ${who}: the grade can be entered once one was accepted (${OVERRIDE}, e.g. a missing report graded 0)`,
    'submission_not_accepted',
  );
};
