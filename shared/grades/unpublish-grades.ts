import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { isoInZone } from '../domain/local-time.js';
import { Conflict } from '../errors.js';
import { fanoutPut } from '../mail/outbox.js';
import type { Deps } from '../runtime/deps.js';
import { GRADE_WRITE_ATTEMPTS, livePublication, putPublication, toPublication } from '../store/grade-repo.js';
import { keys } from '../store/keys.js';
import { TransactionFailed, transactNamed } from '../store/transactions.js';
import { GRADES_FANOUT, WITHDRAWN_FANOUT_TEMPLATE, withdrawnKeyBase } from './grade-fanout.js';
import type { UnpublishBody } from './schemas.js';

/**
 * Withdraws published grades (a mistake was found): /me shows none again, later grade changes mail
 * nobody, and each student who had been mailed their grades is told they were withdrawn (one
 * fan-out item, expanded by the outbox sender like a publication's). The marker is kept, marked
 * withdrawn with the reason, so the fan-out still knows whom the publication had shown; the next
 * publication replaces it. The audit record carries the reason. DynamoDB: one BatchGet (access and
 * the publication), then one TransactWrite (marker over the version read, audit, fan-out).
 */
export const unpublishGrades = async (d: Deps, courseId: string, caller: Caller, body: UnpublishBody) => {
  const access = await loadAccess(d, courseId, caller, [keys.gradesPublication(courseId)]);
  requireStaff(access, 'withdraw the grades');
  const { config } = access.course;
  const stored = toPublication(access.extras.find((i) => i.sk === keys.gradesPublication(courseId).sk));
  const live = livePublication(stored);
  if (!live)
    throw new Conflict('The grades are not published: there is nothing to withdraw', 'not_published');
  const now = d.clock.now();
  const withdrawnAt = now.toISOString();
  try {
    await transactNamed(
      d,
      {
        publication: putPublication(
          d,
          { ...live, withdrawnAt, withdrawnBy: caller.email, withdrawnReason: body.reason },
          live,
        ),
        audit: auditPut(d.tableName, {
          courseId,
          actor: caller.email,
          action: 'grades.unpublish',
          target: courseId,
          before: { publishedAt: live.publishedAt, scope: live.scope ?? 'all' },
          reason: body.reason,
          at: now,
        }),
        mail: fanoutPut(
          d,
          {
            key: `grades-withdrawn-fanout#${live.publishedAt}`,
            courseId,
            template: WITHDRAWN_FANOUT_TEMPLATE,
            subject: `[${config.title}] Your grades were withdrawn: one mail per student`,
            fanout: {
              kind: GRADES_FANOUT,
              keyBase: withdrawnKeyBase(live.publishedAt),
              // Whom it showed, kept here: a new publication may replace the marker before the
              // sender expands this fan-out, and those it no longer shows must still be told.
              audience: {
                scope: live.scope ?? 'all',
                ...(live.scope === 'complete' ? { students: live.students ?? [] } : {}),
              },
            },
          },
          now,
        ),
      },
      { attempts: GRADE_WRITE_ATTEMPTS },
    );
  } catch (error) {
    if (error instanceof TransactionFailed && error.has('publication'))
      throw new Conflict(
        'The publication was changed by someone else meanwhile; look at it again and retry',
        'stale_publication',
      );
    throw error;
  }
  return {
    publishedAt: isoInZone(new Date(live.publishedAt), config.timeZone),
    withdrawnAt: isoInZone(now, config.timeZone),
    reason: body.reason,
  };
};
