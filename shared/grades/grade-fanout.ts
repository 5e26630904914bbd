import type { FanoutSpec, MailIntent, OutboxRecord } from '../mail/outbox.js';
import { log } from '../runtime/log.js';
import { listMemberGrades, readGradeBookHead } from '../store/grade-repo.js';
import { listStudents } from '../store/roster-repo.js';
import type { Db } from '../store/table-ops.js';
import { buildGradeMails, gradeIntents, publicationMails, type BuiltGradeMail } from './grade-mail.js';

/** The fan-out kind of a publication (FanoutSpec.kind), expanded by `expandGradesFanout`. */
export const GRADES_FANOUT = 'grades';

/**
 * Expands a publication's fan-out (run by the outbox sender): the grade book as it is now (the
 * CONFIG…GROUP# Query, the roster and the member changes, in parallel: three Query series, no
 * per-student read), one mail per roster student with their own grades, keyed
 * `grades#<publishedAt>#<email>`. A change made between the publication and the expansion is in the
 * mail (and mailed as an update too, by the write that made it). A mail that cannot be built is
 * logged and left out; the publication built every mail before it was written, so that means the
 * data changed since.
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
  if (!head.course || !head.publication) {
    log.warn('grades fan-out: no course or no publication any more; nothing to send', {
      courseId: item.courseId,
      key: item.key,
    });
    return [];
  }
  const course = head.course;
  const rows = publicationMails(course, {
    students,
    groups: head.groups,
    grades: head.grades,
    memberGrades,
  });
  const built: BuiltGradeMail[] = [];
  for (const r of rows) {
    try {
      built.push(...buildGradeMails(course, [r], 'published'));
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
