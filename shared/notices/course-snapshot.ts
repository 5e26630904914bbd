import { listPreferences } from '../allocation/allocation-store.js';
import type { Deps } from '../runtime/deps.js';
import { getCourse, toStudent, type CourseRecord, type StudentRecord } from '../store/course-repo.js';
import { toGroup, type GroupRecord } from '../store/group-repo.js';
import { coursePk, prefixes } from '../store/keys.js';
import { toBooking, toSlot, type BookingRecord, type SlotRecord } from '../store/slot-repo.js';
import { queryCourse } from '../store/table-ops.js';
import { toSubmission, type SubmissionRecord } from '../uploads/upload-store.js';

/** What the scheduled jobs need to know about one course that has something due: a few prefix Queries. */
export interface CourseSnapshot {
  course: CourseRecord;
  students: StudentRecord[];
  groups: GroupRecord[];
  submissions: SubmissionRecord[];
  bookings: BookingRecord[];
  slots: SlotRecord[];
  /** Each group's ranked papers, by group id (ranked courses only; empty otherwise). */
  rankings: Map<string, string[]>;
}

export const loadCourseSnapshot = async (d: Deps, courseId: string): Promise<CourseSnapshot | undefined> => {
  const pk = coursePk(courseId);
  const [course, students, groups, submissions, bookings, slots] = await Promise.all([
    getCourse(d, courseId),
    queryCourse(d, pk, prefixes.student),
    queryCourse(d, pk, prefixes.group),
    queryCourse(d, pk, prefixes.submission),
    queryCourse(d, pk, prefixes.booking),
    queryCourse(d, pk, prefixes.slot),
  ]);
  if (!course) return undefined;
  // Read only once the course says papers are ranked: one more Query for those courses alone.
  const rankings =
    course.config.groups.paperChoice === 'ranked'
      ? await listPreferences(d, courseId)
      : new Map<string, string[]>();
  return {
    rankings,
    course,
    students: students.flatMap((i) => toStudent(i) ?? []),
    groups: groups.flatMap((i) => toGroup(i) ?? []),
    submissions: submissions.flatMap((i) => toSubmission(i) ?? []),
    bookings: bookings.flatMap((i) => toBooking(i) ?? []),
    slots: slots.flatMap((i) => toSlot(i) ?? []),
  };
};

/** Owners (group ids or student emails) with an accepted submission for a deliverable. */
export const ownersWithAccepted = (s: CourseSnapshot, deliverableId: string): Set<string> =>
  new Set(
    s.submissions
      .filter((x) => x.deliverableId === deliverableId && x.status === 'accepted')
      .map((x) => x.ownerId),
  );

export const bookedGroups = (s: CourseSnapshot): Set<string> =>
  new Set(s.bookings.filter((b) => b.status === 'booked').map((b) => b.groupId));

export const names = (s: CourseSnapshot): Map<string, string> =>
  new Map(s.students.map((x) => [x.email, x.name]));
