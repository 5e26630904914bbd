import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { BadRequest, Conflict, NotFound, type Issue } from '../errors.js';
import { toText } from '../domain/fraction.js';
import {
  agreedMark,
  agreementRefusal,
  disagreement,
  markValue,
  type AgreementChoice,
} from '../domain/marking-rules.js';
import { gradeUpdateMails } from '../grades/grade-update-mails.js';
import { gradeView } from '../grades/grade-view.js';
import { gradeSnapshot, scoreIssues } from '../grades/put-grade.js';
import type { Deps } from '../runtime/deps.js';
import {
  GRADE_WRITE_ATTEMPTS,
  groupExistsCheck,
  putGradeAtVersion,
  type GradeRecord,
} from '../store/grade-repo.js';
import { secondMarksUnchanged, type MarkRecord } from '../store/marking-repo.js';
import { namedEach, TransactionFailed, transactNamed } from '../store/transactions.js';
import { loadMarkContext } from './mark-context.js';
import { requireLead } from './marking-access.js';
import type { AgreeBody } from './schemas.js';

const choiceOf = (body: AgreeBody): AgreementChoice => {
  const own = body.score !== undefined || body.aspects !== undefined;
  if ((body.accept === undefined) === !own)
    throw new BadRequest(
      'Give exactly one of "accept" (the mean or a grader\'s mark) or a final of your own ("score"/"aspects")',
      [{ path: 'body.accept', message: 'give exactly one of accept, or score/aspects' }],
      'invalid_input',
    );
  if (own)
    return {
      rule: 'own',
      mark: {
        ...(body.score !== undefined ? { score: body.score } : {}),
        ...(body.aspects ? { aspects: body.aspects } : {}),
      },
    };
  return body.accept === 'mean' ? { rule: 'mean' } : { rule: 'mark', grader: body.accept as string };
};

/**
 * The lead agrees the final of two independent marks: it becomes the group's grade for the
 * component. Rule (marking-rules.ts): within the threshold the mean or either mark; over it one
 * mark or a final of the lead's own, with a reason; the mean of two marks is exact (14.3 and 15 give
 * 14.65). The grade Put is conditioned on the grade version read and on the marks being those read;
 * the audit record holds both marks, their exact difference and the rule. After publication the
 * members whose complete grades change are mailed in the same transaction, as for any grade write.
 * DynamoDB: one BatchGet; after publication one more (the group's other grades and member changes);
 * one TransactWrite.
 */
export const agreeFinal = async (
  d: Deps,
  courseId: string,
  groupRef: string,
  componentId: string,
  caller: Caller,
  body: AgreeBody,
) => {
  const c = await loadMarkContext(d, courseId, groupRef, componentId, caller);
  const { groupId } = c;
  const { config, component } = c;
  requireLead(c.access, c.markers, 'agree a final');
  const choice = choiceOf(body);
  const [first, second] = c.marks?.marks ?? [];
  if (!first || !second)
    throw new Conflict(
      `"${component.title}" of group "${groupId}" has ${first ? 'one mark' : 'no mark'} yet: a final is agreed once both graders have marked`,
      'marks_missing',
    );
  const marks: [MarkRecord, MarkRecord] = [first, second];
  if (choice.rule === 'own') {
    const issues: Issue[] = scoreIssues(component, choice.mark, config.grading.scale);
    if (issues.length) throw new BadRequest(`Invalid final for "${componentId}"`, issues, 'invalid_grade');
  }
  const threshold = c.markers.secondMarking?.threshold ?? 0;
  const diff = disagreement(component, first, second, threshold);
  const refusal = agreementRefusal(choice, marks, diff, body.reason);
  if (refusal)
    throw refusal.code === 'mean_over_threshold'
      ? new Conflict(refusal.message, refusal.code)
      : new BadRequest(refusal.message, [{ path: refusal.path, message: refusal.message }], refusal.code);

  const readVersion = body.version ?? 0;
  const currentVersion = c.grade?.version ?? 0;
  if (readVersion !== currentVersion)
    throw new Conflict(
      `The agreed grade is at version ${currentVersion}, you sent ${readVersion}; read it again and retry`,
      'stale_version',
    );
  const now = d.clock.now();
  const accepted = choice.rule === 'mark' ? marks.find((m) => m.grader === choice.grader) : undefined;
  const comment = body.comment ?? accepted?.comment;
  const next: GradeRecord = {
    courseId,
    groupId,
    componentId,
    ...agreedMark(choice, marks),
    ...(comment ? { comment } : {}),
    version: currentVersion + 1,
    updatedAt: now.toISOString(),
    updatedBy: caller.email,
  };
  const items = {
    grade: putGradeAtVersion(d, next, readVersion),
    marks: secondMarksUnchanged(d, courseId, groupId, componentId, c.marks?.version ?? 0),
    group: groupExistsCheck(d, courseId, groupId),
    audit: auditPut(d.tableName, {
      courseId,
      actor: caller.email,
      action: 'marking.agree',
      target: `${groupId}/${componentId}`,
      ...(c.grade ? { before: gradeSnapshot(config, c.grade) } : {}),
      after: {
        rule: choice.rule === 'mark' ? `mark of ${choice.grader}` : choice.rule,
        marks: marks.map((m) => ({
          grader: m.grader,
          ...(m.score !== undefined ? { score: m.score } : {}),
          ...(m.aspects ? { aspects: m.aspects } : {}),
          value: toText(markValue(component, m)),
        })),
        difference: toText(diff.difference),
        threshold,
        flagged: diff.flagged,
        final: gradeSnapshot(config, next),
      },
      ...(body.reason ? { reason: body.reason } : {}),
      at: now,
    }),
  };
  const mails = await gradeUpdateMails(d, c.access, c.group, next, now);
  try {
    await transactNamed(d, { ...items, ...namedEach('outbox', mails) }, { attempts: GRADE_WRITE_ATTEMPTS });
  } catch (error) {
    const failed = error instanceof TransactionFailed ? error : undefined;
    if (failed?.has('grade') || failed?.has('marks'))
      throw new Conflict(
        'The grade or the marks changed meanwhile; read them again and retry',
        'stale_version',
      );
    if (failed?.has('group')) throw new NotFound(`No group "${groupId}" in this course`);
    throw error;
  }
  return gradeView(config, next);
};
