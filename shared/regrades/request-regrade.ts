import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStudent } from '../courses/access.js';
import { isoInZone } from '../domain/local-time.js';
import { regradeEligibility } from '../domain/regrade-rules.js';
import { BadRequest, Conflict, DeadlinePassed, Forbidden } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { keys } from '../store/keys.js';
import { TransactionFailed, namedEach, transactNamed } from '../store/transactions.js';
import { regradeRequestMails } from './regrade-mail.js';
import { openRound, putRegradeAtVersion, regradeEntity, type RegradeRound } from './regrade-store.js';
import { regradeViews } from './regrade-view.js';
import type { RequestRegradeBody } from './schemas.js';
import { readSeenGrades, seenOf } from './seen-grades.js';

/**
 * A student asks for a regrade of one component of their published grade, with a reason, within
 * `grading.regradeDays` of the publication. The request records what they saw then (so an answer
 * 'changed' can be checked against it) and is written over the version read, with a mail to each
 * instructor in the same transaction: two requests racing for the same component make one.
 * DynamoDB: one BatchGet (access, the regrade item), one BatchGet (what /me shows them), the write.
 */
export const requestRegrade = async (d: Deps, courseId: string, caller: Caller, body: RequestRegradeBody) => {
  const key = keys.regrade(courseId, caller.email, body.componentId);
  const access = await loadAccess(d, courseId, caller, [key]);
  const student = requireStudent(access);
  const { course } = access;
  const { grading, timeZone } = course.config;
  const component = grading.components.find((c) => c.id === body.componentId);
  if (!component)
    throw new BadRequest(
      'Unknown grade component',
      [{ path: 'body.componentId', message: `no grade component "${body.componentId}" in this course` }],
      'invalid_regrade',
    );
  const now = d.clock.now();
  const existing = regradeEntity.find(access.extras, key);
  const grades = await readSeenGrades(d, { course, student, now });
  const seen = seenOf(grades, component.id);
  const verdict = regradeEligibility({
    regradeDays: grading.regradeDays,
    zone: timeZone,
    publishedAt: grades ? new Date(grades.publishedAt) : undefined,
    seenValue: seen.value,
    open: !!openRound(existing),
    now,
  });
  if (!verdict.ok) {
    switch (verdict.kind) {
      case 'disabled':
        throw new Forbidden(verdict.message, 'regrades_disabled');
      case 'window_closed':
        throw new DeadlinePassed(verdict.message);
      case 'not_published':
        throw new Conflict(verdict.message, 'not_published');
      case 'no_grade':
        throw new Conflict(verdict.message, 'no_grade');
      case 'already_open':
        throw new Conflict(verdict.message, 'regrade_open');
    }
  }

  const round: RegradeRound = {
    round: (existing?.rounds.length ?? 0) + 1,
    reason: body.reason,
    at: now.toISOString(),
    seen,
  };
  const record = {
    courseId,
    email: student.email,
    name: existing?.name ?? student.name,
    componentId: component.id,
    version: (existing?.version ?? 0) + 1,
    rounds: [...(existing?.rounds ?? []), round],
  };
  try {
    await transactNamed(d, {
      regrade: putRegradeAtVersion(d, record, existing?.version ?? 0),
      ...namedEach(
        'mail',
        regradeRequestMails(d, course, student, component.title, round, component.id, now),
      ),
    });
  } catch (error) {
    if (error instanceof TransactionFailed && error.has('regrade'))
      throw new Conflict(
        'Another request of this component was made meanwhile; look at your requests in /me',
        'regrade_open',
      );
    throw error;
  }
  const view = regradeViews(course.config, record).at(-1);
  if (!view) throw new Error('the request just written has no round');
  return { ...view, windowEnd: isoInZone(verdict.windowEnd, timeZone) };
};
