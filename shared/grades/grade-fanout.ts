import type { FanoutSpec, MailIntent, OutboxRecord } from '../mail/outbox.js';
import { log } from '../runtime/log.js';
import {
  listMemberGrades,
  livePublication,
  publishedTo,
  readGradeBookHead,
  type PublicationRecord,
} from '../store/grade-repo.js';
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
 * complete), keyed `grades-withdrawn#<publishedAt>#<email>` (`addresseesOf` says whom, and when a
 * fan-out is stale). A change made between the
 * publication and the expansion is in the mail (and mailed as an update too, by the write that made
 * it). A mail that cannot be built is logged and left out.
 */
/**
 * Whom a grades fan-out addresses, given the publication stored now (before completeness): the
 * students its publication showed, whether or not it was withdrawn since; undefined when it is
 * stale. A withdrawal overtaken by a new publication addresses, from the audience it carries,
 * those the new one does not show (the others get the new publication's mail).
 */
export const addresseesOf = (
  item: Pick<OutboxRecord, 'template'> & { fanout: FanoutSpec },
  publication: PublicationRecord | undefined,
): ((email: string) => boolean) | undefined => {
  if (!publication) return undefined;
  const { keyBase, audience } = item.fanout;
  if (item.template !== WITHDRAWN_FANOUT_TEMPLATE)
    return !publication.withdrawnAt && publishedKeyBase(publication.publishedAt) === keyBase
      ? (email) => publishedTo(publication, email)
      : undefined;
  if (publication.withdrawnAt && withdrawnKeyBase(publication.publishedAt) === keyBase) {
    const { withdrawnAt: _withdrawn, ...shown } = publication;
    return (email) => publishedTo(shown, email);
  }
  if (!audience) return undefined;
  const live = livePublication(publication);
  return (email) =>
    (audience.scope === 'all' || (audience.students ?? []).includes(email)) && !publishedTo(live, email);
};

export const expandGradesFanout = async (
  d: Db,
  item: OutboxRecord & { fanout: FanoutSpec },
): Promise<MailIntent[]> => {
  const [head, students, memberGrades] = await Promise.all([
    readGradeBookHead(d, item.courseId),
    listStudents(d, item.courseId),
    listMemberGrades(d, item.courseId),
  ]);
  const shown = addresseesOf(item, head.publication);
  if (!head.course || !shown) {
    log.warn('grades fan-out: its publication is not the stored one any more; nothing to send', {
      courseId: item.courseId,
      key: item.key,
    });
    return [];
  }
  const course = head.course;
  const withdrawal = item.template === WITHDRAWN_FANOUT_TEMPLATE;
  const rows = publicationMails(course, {
    students,
    groups: head.groups,
    grades: head.grades,
    memberGrades,
  }).filter((r) => shown(r.email) && isComplete(r.result));
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
