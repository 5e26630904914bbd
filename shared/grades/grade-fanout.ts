import type { FanoutSpec, MailIntent, OutboxRecord } from '../mail/outbox.js';
import { log } from '../runtime/log.js';
import { listMemberGrades, publishedTo, readGradeBookHead } from '../store/grade-repo.js';
import { listStudents } from '../store/roster-repo.js';
import type { Db } from '../store/table-ops.js';
import { isComplete } from './grade-book.js';
import {
  buildGradeMails,
  gradeIntents,
  publicationMails,
  publishedKeyBase,
  type BuiltGradeMail,
} from './grade-mail.js';

/** The fan-out kind of a publication (FanoutSpec.kind), expanded by `expandGradesFanout`. */
export const GRADES_FANOUT = 'grades';

/** The fan-out template of a withdrawal (its `template`; the publication's is 'grades-fanout'). */
export const WITHDRAWN_FANOUT_TEMPLATE = 'grades-withdrawn-fanout';
export const withdrawnKeyBase = (publishedAt: string) => `grades-withdrawn#${publishedAt}`;

/**
 * Expands a publication's (or a withdrawal's) fan-out, run by the outbox sender: the grade book as it
 * is now (the CONFIG…GROUP# Query, the roster and the member changes, in parallel: three Query
 * series, no per-student read). A publication mails each student it shows whose grade is complete,
 * keyed `grades#<publishedAt>#<email>`: a later publication that adds students writes the same keys
 * again, and only the new ones are sent. A withdrawal mails the students it had mailed (shown and
 * complete), keyed `grades-withdrawn#<publishedAt>#<email>`. A fan-out whose publication is no longer
 * the stored one (withdrawn, or published again since) sends nothing. A change made between the
 * publication and the expansion is in the mail (and mailed as an update too, by the write that made
 * it). A mail that cannot be built is logged and left out.
 */
export const expandGradesFanout = async (
  d: Db,
  item: OutboxRecord & { fanout: FanoutSpec },
): Promise<MailIntent[]> => {
  const [head, students, memberGrades] = await Promise.all([
    readGradeBookHead(d, item.courseId),
    listStudents(d, item.courseId),
    listMemberGrades(d, item.courseId),
  ]);
  const publication = head.publication;
  const withdrawal = item.template === WITHDRAWN_FANOUT_TEMPLATE;
  const current =
    publication &&
    (withdrawal
      ? !!publication.withdrawnAt && withdrawnKeyBase(publication.publishedAt) === item.fanout.keyBase
      : !publication.withdrawnAt && publishedKeyBase(publication.publishedAt) === item.fanout.keyBase);
  if (!head.course || !publication || !current) {
    log.warn('grades fan-out: its publication is not the stored one any more; nothing to send', {
      courseId: item.courseId,
      key: item.key,
    });
    return [];
  }
  const course = head.course;
  // The students the publication shows, whether or not it was withdrawn since.
  const { withdrawnAt: _withdrawn, ...shown } = publication;
  const rows = publicationMails(course, {
    students,
    groups: head.groups,
    grades: head.grades,
    memberGrades,
  }).filter((r) => publishedTo(shown, r.email) && isComplete(r.result));
  const built: BuiltGradeMail[] = [];
  for (const r of rows) {
    try {
      built.push(...buildGradeMails(course, [r], withdrawal ? 'withdrawn' : 'published'));
    } catch (error) {
      log.error('grade mail could not be built; left out of the fan-out', {
        courseId: item.courseId,
        to: r.email,
        error,
      });
    }
  }
  return gradeIntents(item.courseId, item.fanout.keyBase, built);
};
