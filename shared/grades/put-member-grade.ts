import { randomUUID } from 'node:crypto';
import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { withinScale } from '../domain/grade-math.js';
import { BadRequest, Conflict, NotFound, type Issue } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { toStudent } from '../store/course-repo.js';
import {
  memberChangeUpdate,
  memberOfGroupCheck,
  toMemberGrades,
  toPublication,
  publishedTo,
  GRADE_WRITE_ATTEMPTS,
  type MemberChangeRecord,
} from '../store/grade-repo.js';
import { toGroup } from '../store/group-repo.js';
import { keys } from '../store/keys.js';
import { batchGetAll } from '../store/table-ops.js';
import { namedEach, TransactionFailed, transactNamed } from '../store/transactions.js';
import { changeView, isComplete, memberResult, visibleGrades, visiblyDifferent } from './grade-book.js';
import { buildGradeMails, gradeOutboxPuts } from './grade-mail.js';
import { groupGradesFrom } from './grade-view.js';
import type { PutMemberGradeBody } from './schemas.js';
import { assignmentsChanged, assignmentsGuard, memberChangeRefusal } from '../marking/marking-access.js';

const changeSnapshot = (c: MemberChangeRecord) => ({
  componentId: c.componentId,
  kind: c.kind,
  value: c.value,
  reason: c.reason,
  version: c.version,
});

/**
 * An instructor adjusts (adds to the group's grade, result clamped to 0..scale), overrides or clears
 * one member's grade for one component, with a required reason. Each (member, component) change has
 * its own version, checked by the write; the member must still be in the group (checked by the same
 * transaction), and the audit record goes with it. After publication the member is mailed if what
 * they see changed: the mail is an outbox intent in the same transaction. Once markers assign
 * graders, the group grade's entry rule applies (assigned graders or the lead), re-checked by the
 * transaction on the assignment item's version. DynamoDB: one BatchGet
 * (access, group, member, change, publication), a BatchGet of the group's grades, then the
 * TransactWrite.
 */
export const putMemberGrade = async (
  d: Deps,
  courseId: string,
  groupId: string,
  email: string,
  caller: Caller,
  body: PutMemberGradeBody,
) => {
  const wanted = [
    keys.group(courseId, groupId),
    keys.student(courseId, email),
    keys.memberGrade(courseId, groupId, email),
    keys.gradesPublication(courseId),
    // The marker rule (shared/marking) on the component's assignments, read here at no extra call.
    keys.markingAssignments(courseId, body.componentId),
  ];
  const access = await loadAccess(d, courseId, caller, wanted);
  requireStaff(access, 'adjust grades');
  const { config } = access.course;
  const { scale } = config.grading;
  const issues: Issue[] = [];
  const component = config.grading.components.find((c) => c.id === body.componentId);
  if (!component)
    issues.push({
      path: 'body.componentId',
      message: `no grade component "${body.componentId}" in this course`,
    });
  if (body.override !== undefined && !withinScale(body.override, scale))
    issues.push({ path: 'body.override', message: `must be within 0..${scale}` });
  if (body.adjustment !== undefined && !withinScale(Math.abs(body.adjustment), scale))
    issues.push({ path: 'body.adjustment', message: `must be within -${scale}..${scale}` });
  if (issues.length) throw new BadRequest('Invalid grade change', issues, 'invalid_grade');

  const find = (sk: string) => access.extras.find((i) => i.sk === sk);
  const group = toGroup(find(keys.group(courseId, groupId).sk));
  if (!group) throw new NotFound(`No group "${groupId}" in this course`);
  const student = toStudent(find(keys.student(courseId, email).sk));
  if (!student || student.groupId !== groupId)
    throw new NotFound(`${email} is not a member of group "${groupId}"`);
  // `component` is known here: an unknown one is a 400 above.
  const markerRule = component && memberChangeRefusal(access, groupId, component);
  if (markerRule) throw markerRule;

  const memberGrades = toMemberGrades(find(keys.memberGrade(courseId, groupId, email).sk));
  const changes = memberGrades?.changes ?? {};
  const current = changes[body.componentId];
  const readVersion = body.version ?? 0;
  const currentVersion = current?.version ?? 0;
  if (body.clear && !current)
    throw new NotFound(`${email} has no adjustment or override of "${body.componentId}" to clear`);
  if (readVersion !== currentVersion)
    throw new Conflict(
      current
        ? `This change was made by ${current.by} (now version ${current.version}, you sent ${readVersion}); read it again and retry`
        : `There is no change of "${body.componentId}" for ${email} (version 0), you sent version ${readVersion}`,
      'stale_version',
    );

  const now = d.clock.now();
  const next: MemberChangeRecord | undefined = body.clear
    ? undefined
    : {
        componentId: body.componentId,
        kind: body.override !== undefined ? 'override' : 'adjustment',
        value: (body.override ?? body.adjustment) as number,
        reason: body.reason,
        by: caller.email,
        at: now.toISOString(),
        version: currentVersion + 1,
      };
  const action = next ? (next.kind === 'override' ? 'grade.override' : 'grade.adjust') : 'grade.clear';
  // The group's component grades (for the answer and the mail) are read by key before the write:
  // the member's mail, if what they see changes, goes in the write's transaction (outbox).
  const grades = groupGradesFrom(
    await batchGetAll(
      d,
      config.grading.components.map((c) => keys.grade(courseId, groupId, c.id)),
    ),
    courseId,
    groupId,
    config,
  );
  const nextChanges = { ...changes };
  if (next) nextChanges[body.componentId] = next;
  else delete nextChanges[body.componentId];
  const was = memberResult(config.grading, grades, changes);
  const result = memberResult(config.grading, grades, nextChanges);
  const published = toPublication(find(keys.gradesPublication(courseId).sk));
  // A clear removes the change (its version starts again at 1), so the key names this write itself.
  // Mailed only when shown their grades, and those are complete.
  const mails =
    publishedTo(published, email) && isComplete(result) && visiblyDifferent(config.grading, was, result)
      ? gradeOutboxPuts(
          d,
          courseId,
          `grades-update#${groupId}#${body.componentId}#${now.toISOString()}#${randomUUID().slice(0, 8)}`,
          buildGradeMails(access.course, [{ email, name: student.name, result }], 'updated'),
          now,
        )
      : [];
  const assignments = assignmentsGuard(d, access, body.componentId);
  try {
    await transactNamed(
      d,
      {
        change: memberChangeUpdate(d, courseId, groupId, email, body.componentId, next, readVersion),
        member: memberOfGroupCheck(d, courseId, email, groupId),
        // The assignment that allowed this grader is still the one read (not revoked meanwhile).
        ...(assignments ? { assignments } : {}),
        audit: auditPut(d.tableName, {
          courseId,
          actor: caller.email,
          action,
          target: `${groupId}/${email}`,
          ...(current ? { before: changeSnapshot(current) } : {}),
          ...(next ? { after: changeSnapshot(next) } : {}),
          reason: body.reason,
          at: now,
        }),
        ...namedEach('outbox', mails),
      },
      { attempts: GRADE_WRITE_ATTEMPTS },
    );
  } catch (error) {
    const failed = error instanceof TransactionFailed ? error : undefined;
    if (failed?.has('change'))
      throw new Conflict(
        'This change was made by someone else meanwhile; read it again and retry',
        'stale_version',
      );
    if (failed?.has('member'))
      throw new Conflict(`${email} left group "${groupId}" meanwhile`, 'not_in_group');
    if (failed?.has('assignments')) throw assignmentsChanged();
    throw error;
  }
  return {
    groupId,
    email,
    componentId: body.componentId,
    change: next ? changeView(next, config.timeZone) : null,
    ...visibleGrades(config.grading, result),
  };
};
