import type { MeContext, MePart } from '../courses/me-part.js';
import { isoInZone } from '../domain/local-time.js';
import {
  publishedTo,
  shownSinceOf,
  toGrade,
  toMemberGrades,
  toPublication,
  type GradeRecord,
} from '../store/grade-repo.js';
import { keys } from '../store/keys.js';
import type { Item } from '../store/table-ops.js';
import { memberResult } from './grade-book.js';
import { studentGrades, type StudentGrades } from './student-grades.js';

export type MeGrades = StudentGrades & { scale: number; publishedAt: string };

/**
 * The student's own grades in /me, all by key (no Query): the publication marker, their group's
 * component grades (with the grader's aspect scores and comments) and their own adjustments within
 * that group. Null until the grades are published to them, and after a withdrawal.
 * Nothing of another student is ever asked for: the keys name only the caller's group and email.
 */
export const meGrades: MePart<MeGrades | null> = {
  keys: ({ course, student }: MeContext) => {
    const courseId = course.courseId;
    const groupId = student.groupId;
    return [
      keys.gradesPublication(courseId),
      ...(groupId
        ? [
            ...course.config.grading.components.map((c) => keys.grade(courseId, groupId, c.id)),
            keys.memberGrade(courseId, groupId, student.email),
          ]
        : []),
    ];
  },
  build: ({ course, student }: MeContext, items: Item[]) => {
    const courseId = course.courseId;
    const bySk = new Map(items.map((i) => [i.sk as string, i]));
    const publication = toPublication(bySk.get(keys.gradesPublication(courseId).sk));
    // Withdrawn, or published only to students whose grade was complete then: nothing to show.
    if (!publication || !publishedTo(publication, student.email)) return null;
    const { grading, timeZone } = course.config;
    const groupId = student.groupId;
    let grades: Map<string, GradeRecord> | undefined;
    let changes = {};
    if (groupId) {
      grades = new Map();
      for (const c of grading.components) {
        const g = toGrade(bySk.get(keys.grade(courseId, groupId, c.id).sk));
        if (g && g.groupId === groupId) grades.set(c.id, g);
      }
      const own = toMemberGrades(bySk.get(keys.memberGrade(courseId, groupId, student.email).sk));
      if (own && own.email === student.email) changes = own.changes;
    }
    return {
      ...studentGrades(grading, memberResult(grading, grades, changes)),
      scale: grading.scale,
      // When this student was first shown them: a later round starts their regrade window anew.
      publishedAt: isoInZone(new Date(shownSinceOf(publication, student.email)), timeZone),
    };
  },
};
