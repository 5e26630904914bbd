import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { Conflict, NotFound } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { toStudent } from '../store/course-repo.js';
import { keys } from '../store/keys.js';
import { TransactionFailed, namedEach, transactNamed } from '../store/transactions.js';
import { regradeAnswerMail } from './regrade-mail.js';
import { partsOfRegradeId, putRegradeAtVersion, regradeEntity } from './regrade-store.js';
import { regradeViews } from './regrade-view.js';
import type { AnswerRegradeBody } from './schemas.js';
import { readSeenGrades, sameSeen, seenOf } from './seen-grades.js';

/**
 * An instructor answers an open request: 'upheld', or 'changed' once the grade has been changed
 * through the grade or member-grade routes (which already re-publish it to the student: /me shows
 * the new value, the change is audited and mailed). 'changed' is refused while the student still
 * sees what they saw when they asked. The answer, its audit record and the student's mail (with the
 * grades they now see) are one transaction over the version read: a second answer gets 409.
 * DynamoDB: one BatchGet (access, the regrade item, the student), one BatchGet (what /me shows
 * them), the write.
 */
export const answerRegrade = async (
  d: Deps,
  courseId: string,
  regradeId: string,
  caller: Caller,
  body: AnswerRegradeBody,
) => {
  const parts = partsOfRegradeId(regradeId);
  const wanted = parts
    ? [keys.regrade(courseId, parts.email, parts.componentId), keys.student(courseId, parts.email)]
    : [];
  const access = await loadAccess(d, courseId, caller, wanted);
  requireStaff(access, 'answer regrade requests');
  const [regradeKey, studentKey] = wanted;
  const record = parts && regradeKey ? regradeEntity.find(access.extras, regradeKey) : undefined;
  const round = record?.rounds.find((r) => r.round === parts?.round);
  if (!parts || !record || !round) throw new NotFound(`No regrade request "${regradeId}" in this course`);
  if (round.answer)
    throw new Conflict(
      `This request was already answered (${round.answer.decision}) by ${round.answer.by}`,
      'already_answered',
    );
  const student = studentKey ? toStudent(access.extras.find((i) => i.sk === studentKey.sk)) : undefined;
  if (!student) throw new NotFound(`${parts.email} is no longer on the roster`);

  const { course } = access;
  const now = d.clock.now();
  const grades = await readSeenGrades(d, { course, student, now });
  const seenNow = seenOf(grades, record.componentId);
  if (body.decision === 'changed' && sameSeen(round.seen, seenNow))
    throw new Conflict(
      `${student.email} still sees ${record.componentId} ${seenNow.value ?? 'without a value'} and final ${seenNow.final ?? 'none'}, as when they asked: change the grade first (PUT …/grades/members/{email} or …/grades/{componentId}), or answer 'upheld'`,
      'regrade_unchanged',
    );
  const answered = {
    ...round,
    answer: {
      decision: body.decision,
      response: body.response,
      by: caller.email,
      at: now.toISOString(),
      now: seenNow,
    },
  };
  const next = {
    ...record,
    version: record.version + 1,
    rounds: record.rounds.map((r) => (r.round === round.round ? answered : r)),
  };
  const title =
    course.config.grading.components.find((c) => c.id === record.componentId)?.title ?? record.componentId;
  try {
    await transactNamed(d, {
      regrade: putRegradeAtVersion(d, next, record.version),
      audit: auditPut(d.tableName, {
        courseId,
        actor: caller.email,
        action: 'regrade.answer',
        target: `${student.email}/${record.componentId}`,
        before: { round: round.round, seen: round.seen },
        after: { decision: body.decision, now: seenNow },
        reason: body.response,
        at: now,
      }),
      ...namedEach(
        'mail',
        regradeAnswerMail(d, course, student, record.componentId, title, answered, grades, now),
      ),
    });
  } catch (error) {
    if (error instanceof TransactionFailed && error.has('regrade'))
      throw new Conflict('This request was answered by someone else meanwhile', 'already_answered');
    throw error;
  }
  const view = regradeViews(course.config, next).find((v) => v.round === round.round);
  if (!view) throw new Error('the round just answered is missing');
  return view;
};
