import type { Caller } from '../auth/caller.js';
import { keptAnonymousFor, mayBeKeptAnonymous } from '../domain/marking-rules.js';
import { Forbidden, NotFound } from '../errors.js';
import { getCourseAndStudent, type CourseRecord, type StudentRecord } from '../store/course-repo.js';
import { livePublication, toPublication } from '../store/grade-repo.js';
import { keys, type Key } from '../store/keys.js';
import { assignmentsEntity } from '../store/marking-repo.js';
import { batchGetAll, type Db, type Item } from '../store/table-ops.js';

export type Role = 'admin' | 'instructor' | 'student';

export interface CourseAccess {
  course: CourseRecord;
  caller: Caller;
  /** The caller's roster entry, when they are a student of the course. */
  student?: StudentRecord;
  /** Admins have an instructor's rights on every course. */
  isStaff: boolean;
  role: Role;
  /** Other items asked for with the access read, found by key (missing ones are absent). */
  extras: Item[];
  /**
   * The anonymous components the caller grades while kept anonymous (marking-rules.ts
   * keptAnonymousFor); empty for everyone else. Non-empty only on routes that allow such a grader.
   */
  keptAnonymous: string[];
}

export interface AccessOptions {
  /**
   * A grader kept anonymous is refused by every route (403 anonymous_marking) unless it says
   * 'allowed': those routes (the course config, marking, grade entry) hide groups themselves.
   * Default deny, so that a new route cannot leak names by forgetting a check.
   */
  anonymousGrader?: 'allowed';
}

export const isInstructor = (course: CourseRecord, email: string): boolean =>
  course.config.instructors.includes(email);

const roleOf = (
  course: CourseRecord,
  caller: Caller,
  student: StudentRecord | undefined,
): Role | undefined =>
  caller.isAdmin
    ? 'admin'
    : isInstructor(course, caller.email)
      ? 'instructor'
      : student
        ? 'student'
        : undefined;

/**
 * The anonymous components the caller is kept anonymous for. What the rule needs beyond the course
 * (the publication, the anonymous components' assignment items) is taken from what the caller's read
 * already asked for; the rest is one BatchGet, only for a non-lead instructor of a course with
 * anonymous components — no extra call for students, admins, the lead or other courses.
 */
export const anonymityOf = async (
  d: Db,
  course: CourseRecord,
  caller: Caller,
  known: { asked?: readonly Key[]; items?: readonly Item[]; published?: boolean } = {},
): Promise<string[]> => {
  const role = roleOf(course, caller, undefined);
  const markers = course.config.grading.markers;
  if (!role || !mayBeKeptAnonymous({ role, email: caller.email, markers })) return [];
  const { courseId } = course;
  const anonymous = markers?.anonymous ?? [];
  const wanted = [
    ...(known.published === undefined ? [keys.gradesPublication(courseId)] : []),
    ...anonymous.map((c) => keys.markingAssignments(courseId, c)),
  ];
  const asked = new Set((known.asked ?? []).map((k) => k.sk));
  const missing = wanted.filter((k) => !asked.has(k.sk));
  const items = [...(known.items ?? []), ...(missing.length ? await batchGetAll(d, missing) : [])];
  const published =
    known.published ??
    !!livePublication(toPublication(items.find((i) => i.sk === keys.gradesPublication(courseId).sk)));
  const assignments = new Map(
    anonymous.map((c) => [
      c,
      assignmentsEntity.find(items, keys.markingAssignments(courseId, c))?.groups ?? {},
    ]),
  );
  return keptAnonymousFor({ role, email: caller.email, markers, published, assignments });
};

/** The 403 of a grader kept anonymous: the rule, when it ends, and who sees everything meanwhile. */
export const anonymousMarkingRefusal = (course: CourseRecord, componentIds: readonly string[]): Forbidden => {
  const titles = componentIds.map(
    (id) => course.config.grading.components.find((c) => c.id === id)?.title ?? id,
  );
  const lead = course.config.grading.markers?.lead ?? 'the lead marker';
  return new Forbidden(
    `Marking of ${titles.join(' and ')} is anonymous until grades are published: its graders see no students, groups or submissions meanwhile (the lead marker, ${lead}, sees everything)`,
    'anonymous_marking',
  );
};

/** For reads that do not go through loadAccess (the grade book's one Query, the config PUT). */
export const refuseAnonymousGrader = async (
  d: Db,
  course: CourseRecord,
  caller: Caller,
  known: { published?: boolean } = {},
): Promise<void> => {
  const kept = await anonymityOf(d, course, caller, known);
  if (kept.length) throw anonymousMarkingRefusal(course, kept);
};

/**
 * Who the caller is for this course, in one read. Unknown course → 404; a stranger → 403; a grader
 * kept anonymous → 403 unless the route allows them (see AccessOptions).
 */
export const loadAccess = async (
  d: Db,
  courseId: string,
  caller: Caller,
  extra: Key[] = [],
  options: AccessOptions = {},
): Promise<CourseAccess> => {
  const { course, student, extras } = await getCourseAndStudent(d, courseId, caller.email, extra);
  if (!course) throw new NotFound(`No course "${courseId}"`);
  const role = roleOf(course, caller, student);
  if (!role)
    throw new Forbidden(`${caller.email} is neither an instructor nor on the roster of "${courseId}"`);
  const keptAnonymous = await anonymityOf(d, course, caller, { asked: extra, items: extras });
  if (keptAnonymous.length && options.anonymousGrader !== 'allowed')
    throw anonymousMarkingRefusal(course, keptAnonymous);
  return {
    course,
    caller,
    role,
    isStaff: role !== 'student',
    extras,
    keptAnonymous,
    ...(student ? { student } : {}),
  };
};

export const requireStaff = (access: CourseAccess, action: string): void => {
  if (!access.isStaff) throw new Forbidden(`Only the course's instructors may ${action}`);
};

export const requireStudent = (access: CourseAccess): StudentRecord => {
  if (!access.student)
    throw new Forbidden(`${access.caller.email} is not on the roster of "${access.course.courseId}"`);
  return access.student;
};
