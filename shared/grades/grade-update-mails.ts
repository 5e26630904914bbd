import type { CourseAccess } from '../courses/access.js';
import type { CourseConfig } from '../domain/course-config.js';
import type { Deps } from '../runtime/deps.js';
import {
  livePublication,
  publishedTo,
  toMemberGrades,
  toPublication,
  type GradeRecord,
} from '../store/grade-repo.js';
import type { GroupRecord } from '../store/group-repo.js';
import { keys } from '../store/keys.js';
import { batchGetAll } from '../store/table-ops.js';
import type { TransactItem } from '../store/transactions.js';
import { isComplete, memberResult, visiblyDifferent } from './grade-book.js';
import { buildGradeMails, gradeOutboxPuts } from './grade-mail.js';
import { groupGradesFrom } from './grade-view.js';

/**
 * After publication, the rest of what the members' grades depend on (the group's other component
 * grades and each member's changes), by key, to tell who must be mailed.
 */
export const readGroupContext = (
  d: Deps,
  config: CourseConfig,
  courseId: string,
  groupId: string,
  members: string[],
  skipComponent?: string,
) =>
  batchGetAll(d, [
    ...config.grading.components
      .filter((c) => c.id !== skipComponent)
      .map((c) => keys.grade(courseId, groupId, c.id)),
    ...members.map((m) => keys.memberGrade(courseId, groupId, m)),
  ]);

/**
 * The mails a new group grade owes once grades are published, for the outbox of the transaction
 * that writes it (entered in the grid, or agreed from two marks): each member shown their grades
 * whose complete grade visibly changes is told, keyed
 * `grades-update#<group>#<component>#v<version>#<email>`; a student is never mailed an incomplete
 * grade. Before publication, or with no member shown, nothing and no read; otherwise one BatchGet
 * (the group's other grades and the members' changes), and the mails are built before anything is
 * written. The publication is the one the access read fetched (`access.extras`).
 */
export const gradeUpdateMails = async (
  d: Deps,
  access: CourseAccess,
  group: GroupRecord,
  next: GradeRecord,
  now: Date,
): Promise<TransactItem[]> => {
  const { course } = access;
  const { config, courseId } = course;
  const published = livePublication(
    toPublication(access.extras.find((i) => i.sk === keys.gradesPublication(courseId).sk)),
  );
  const told = group.members.filter((m) => publishedTo(published, m));
  if (!published || !told.length) return [];
  const context = await readGroupContext(d, config, courseId, group.groupId, group.members, next.componentId);
  const before = groupGradesFrom([...context, ...access.extras], courseId, group.groupId, config);
  const after = new Map(before).set(next.componentId, next);
  const changes = new Map(context.flatMap((i) => toMemberGrades(i) ?? []).map((m) => [m.email, m.changes]));
  const affected = told.flatMap((email) => {
    const was = memberResult(config.grading, before, changes.get(email));
    const result = memberResult(config.grading, after, changes.get(email));
    return isComplete(result) && visiblyDifferent(config.grading, was, result) ? [{ email, result }] : [];
  });
  return gradeOutboxPuts(
    d,
    courseId,
    `grades-update#${group.groupId}#${next.componentId}#v${next.version}`,
    buildGradeMails(course, affected, 'updated'),
    now,
  );
};
