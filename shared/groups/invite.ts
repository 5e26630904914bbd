import type { CourseRecord, StudentRecord } from '../store/course-repo.js';
import type { Db } from '../store/table-ops.js';
import { rosterInvitedUpdate } from '../store/invitation-writes.js';
import { BadRequest, Conflict } from '../errors.js';
import { invalidGroup } from './group-errors.js';

/**
 * Who a member may invite: roster students in no group, not already members or invited. Reads
 * were done by the caller; the writes' conditions (roster entry in no group) keep it race-free.
 */
export const checkInvitees = (
  invitees: string[],
  roster: Map<string, StudentRecord>,
  already: { members: string[]; invited: string[] },
  path: (email: string) => string,
): void => {
  const problems = invitees
    .filter((e) => !roster.has(e))
    .map((e) => ({ path: path(e), message: `${e} is not on the roster of this course` }));
  if (problems.length) throw invalidGroup(problems, 'invite');
  const members = invitees.filter((e) => already.members.includes(e));
  if (members.length) throw new Conflict(`Already in this group: ${members.join(', ')}`, 'already_member');
  const grouped = invitees.filter((e) => roster.get(e)?.groupId);
  if (grouped.length)
    throw new Conflict(
      `Already in a group, so they cannot be invited: ${grouped.join(', ')}`,
      'already_in_group',
    );
  const twice = invitees.filter((e) => already.invited.includes(e));
  if (twice.length) throw new Conflict(`Already invited: ${twice.join(', ')}`, 'already_invited');
};

/** The invitees' side of an invitation: each roster entry records the group (only if in no group). */
export const invitationEntries = (d: Db, courseId: string, groupId: string, invitees: string[]) =>
  invitees.map((e) => [`invite:${e}`, rosterInvitedUpdate(d, courseId, e, groupId)] as const);

/** The 409 for an invite write whose roster entry changed meanwhile (joined a group, or left the roster). */
export const lostInvitees = (emails: string[]) =>
  new Conflict(`Already in a group, so they cannot be invited: ${emails.join(', ')}`, 'already_in_group');

/** In courses that allocate papers from rankings, students do not choose a paper. */
export const assertStudentMayChoosePaper = (
  course: CourseRecord,
  isStaff: boolean,
  path = 'body.paperId',
) => {
  if (!isStaff && course.config.groups.paperChoice === 'ranked')
    throw new BadRequest(
      'This course allocates papers at the group deadline from each group’s ranking: rank the papers instead of choosing one',
      [{ path, message: 'papers are allocated from rankings in this course' }],
      'papers_ranked',
    );
};
