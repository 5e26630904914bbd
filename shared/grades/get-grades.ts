import type { Caller } from '../auth/caller.js';
import { isoInZone } from '../domain/local-time.js';
import { HttpResult } from '../http/responses.js';
import type { Deps } from '../runtime/deps.js';
import { listMemberGrades, livePublication } from '../store/grade-repo.js';
import { listStudents } from '../store/roster-repo.js';
import { gradeRows, gradeRowView } from './grade-book.js';
import { loadGradeBookAsStaff } from './grade-access.js';

/**
 * Everything the course-wide listing needs, in three Queries and no per-student read: the range
 * CONFIG…GROUP# (config, grades, publication, groups), then the roster and the member changes in
 * parallel. Each is one page for a course of a few thousand students.
 */
export const loadGradeBook = async (d: Deps, courseId: string, caller: Caller, action: string) => {
  const head = await loadGradeBookAsStaff(d, courseId, caller, action);
  const [students, memberGrades] = await Promise.all([
    listStudents(d, courseId),
    listMemberGrades(d, courseId),
  ]);
  const { grading } = head.course.config;
  const rows = gradeRows({ grading, students, groups: head.groups, grades: head.grades, memberGrades });
  return { ...head, students, rows };
};

/** GET /courses/{courseId}/grades: a row per roster student, students without a group included. */
export const getGrades = async (d: Deps, courseId: string, caller: Caller) => {
  const book = await loadGradeBook(d, courseId, caller, 'read the grades');
  const { grading, timeZone } = book.course.config;
  const live = livePublication(book.publication);
  const publishedAt = live ? isoInZone(new Date(live.publishedAt), timeZone) : 'no';
  return new HttpResult(
    200,
    book.rows.map((r) => gradeRowView(grading, timeZone, r)),
    { [PUBLISHED_HEADER]: publishedAt },
  );
};

/** The listing is an array (the contract); whether and when grades were published rides in a header. */
export const PUBLISHED_HEADER = 'x-examdesk-grades-published';
