import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { Conflict, Forbidden, BadRequest } from '../errors.js';
import { deliverableRefusal, presentationRefusal } from '../grades/entry-rules.js';
import { scoreIssues } from '../grades/put-grade.js';
import type { Deps } from '../runtime/deps.js';
import { groupExistsCheck } from '../store/grade-repo.js';
import { noGradeYet, putSecondMarksAtVersion, type MarkRecord } from '../store/marking-repo.js';
import { findBooking } from '../store/slot-repo.js';
import { TransactionFailed, transactNamed } from '../store/transactions.js';
import { namesIfShown } from './get-marks.js';
import { loadMarkContext } from './mark-context.js';
import { marksView } from './marks-view.js';
import type { PutMarkBody } from './schemas.js';

/**
 * An assigned grader enters their independent mark of a second-marked component. One item holds
 * both marks and is written over the version read, so a third mark (after a reassignment) or two
 * racing writes cannot slip in; a grader may replace their mark only while the other is not in
 * (once both are in, each has seen the other's). The audit record says who marked and when, not
 * the value: any instructor reads the audit log, and the other grader must not see it there first.
 * DynamoDB: one BatchGet; for a deliverable's component without a reason one Query; one
 * TransactWrite; one BatchGet for names when shown.
 */
export const putMark = async (
  d: Deps,
  courseId: string,
  groupRef: string,
  componentId: string,
  caller: Caller,
  body: PutMarkBody,
) => {
  const c = await loadMarkContext(d, courseId, groupRef, componentId, caller);
  const { groupId } = c;
  const { config, component, group } = c;
  if (!c.graders.includes(caller.email))
    throw new Forbidden(
      `Only the two graders assigned to this group mark it independently (${c.graders.join(', ') || 'none assigned yet'}); the lead agrees the final`,
      'not_assigned',
    );
  if (c.grade)
    throw new Conflict(
      `The final of "${component.title}" was already agreed by ${c.grade.updatedBy}: marks can no longer change`,
      'already_agreed',
    );
  const marks = c.marks?.marks ?? [];
  const others = marks.filter((m) => m.grader !== caller.email);
  if (others.length >= 2)
    throw new Conflict(
      `This group already has two marks (${others.map((m) => m.grader).join(', ')}): a third is not taken`,
      'third_mark',
    );
  if (others.length && marks.length === 2)
    throw new Conflict(
      'Both marks are in and each grader has seen the other: your mark can no longer change; the lead agrees the final',
      'marks_sealed',
    );
  const issues = scoreIssues(component, body, config.grading.scale);
  if (issues.length) throw new BadRequest(`Invalid mark for "${componentId}"`, issues, 'invalid_grade');
  const now = d.clock.now();
  if (!body.reason) {
    const refusal =
      presentationRefusal(config, component, groupId, findBooking(c.access.extras, courseId, groupId), now) ??
      (component.deliverableId ? await deliverableRefusal(d, config, courseId, component, group) : undefined);
    if (refusal) throw refusal;
  }
  const mine: MarkRecord = {
    grader: caller.email,
    ...(component.aspects?.length ? { aspects: body.aspects ?? {} } : { score: body.score as number }),
    ...(body.comment ? { comment: body.comment } : {}),
    at: now.toISOString(),
  };
  const readVersion = c.marks?.version ?? 0;
  const next = {
    courseId,
    groupId,
    componentId,
    marks: [...others, mine],
    version: readVersion + 1,
  };
  try {
    await transactNamed(d, {
      marks: putSecondMarksAtVersion(d, next, readVersion),
      notAgreed: noGradeYet(d, courseId, groupId, componentId),
      group: groupExistsCheck(d, courseId, groupId),
      audit: auditPut(d.tableName, {
        courseId,
        actor: caller.email,
        action: 'marking.mark',
        target: `${groupId}/${componentId}`,
        after: {
          grader: caller.email,
          marksIn: next.marks.length,
          value: 'sealed until the final is agreed',
        },
        ...(body.reason ? { reason: body.reason } : {}),
        at: now,
      }),
    });
  } catch (error) {
    const failed = error instanceof TransactionFailed ? error : undefined;
    if (failed?.has('marks'))
      throw new Conflict(
        'The other grader entered a mark meanwhile; read the marks again and retry',
        'stale_version',
      );
    if (failed?.has('notAgreed')) throw new Conflict('The final was agreed meanwhile', 'already_agreed');
    if (failed?.has('group')) throw new Conflict(`Group "${groupRef}" was deleted meanwhile`, 'group_gone');
    throw error;
  }
  const after = { ...c, marks: next };
  return marksView({
    config,
    courseId,
    component,
    group,
    graders: c.graders,
    marks: next,
    grade: undefined,
    viewer: c.lead ? 'lead' : 'grader',
    published: c.published,
    names: await namesIfShown(d, courseId, after),
  });
};
