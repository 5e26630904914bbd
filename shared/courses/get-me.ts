import type { Caller } from '../auth/caller.js';
import { meGrades } from '../grades/me-grades.js';
import { meGroup } from '../groups/me-group.js';
import { meInvitations } from '../groups/me-invitations.js';
import { meRegrades } from '../regrades/me-regrades.js';
import type { Deps } from '../runtime/deps.js';
import { meBooking } from '../slots/me-booking.js';
import { batchGetAll } from '../store/table-ops.js';
import { meSubmissions } from '../uploads/me-submissions.js';
import { loadAccess, requireStudent } from './access.js';
import { courseDeadlineViews } from './course-view.js';
import type { MeContext } from './me-part.js';
import type { MeView } from './me-view.js';

/**
 * A student's own view of the course: one read for access, one BatchGet for the keyed parts, and at
 * most one Query (submissions). Grades appear only once published.
 */
export const getMe = async (d: Deps, courseId: string, caller: Caller) => {
  const access = await loadAccess(d, courseId, caller);
  const student = requireStudent(access);
  const ctx: MeContext = { course: access.course, student, now: d.clock.now() };
  const parts = {
    group: meGroup,
    invitations: meInvitations,
    submissions: meSubmissions,
    booking: meBooking,
    grades: meGrades,
    regrades: meRegrades,
  };
  const wanted = Object.values(parts).flatMap((p) => p.keys(ctx));
  const items = wanted.length ? await batchGetAll(d, wanted) : [];
  const [group, invitations, submissions, booking, grades, regrades] = await Promise.all([
    parts.group.build(ctx, items, d),
    parts.invitations.build(ctx, items, d),
    parts.submissions.build(ctx, items, d),
    parts.booking.build(ctx, items, d),
    parts.grades.build(ctx, items, d),
    parts.regrades.build(ctx, items, d),
  ]);
  return {
    courseId,
    student: { email: student.email, name: student.name, studentId: student.studentId ?? null },
    group,
    invitations,
    submissions,
    booking,
    grades,
    regrades,
    deadlines: courseDeadlineViews(access.course),
  } satisfies MeView;
};
