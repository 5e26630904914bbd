import { DateTime } from 'luxon';
import { ADMIN_GROUP } from '../../shared/auth/caller.js';
import { parseRoster } from '../../shared/courses/parse-roster.js';
import { DEMO_ADMIN, demoCourse, demoRosterCsv } from '../../shared/demo/demo-course.js';
import { liveCourse } from '../../shared/demo/live-course.js';

export interface DemoPerson {
  email: string;
  /** What the sign-in page shows (the roster's name; the email when there is none). */
  name: string;
  groups: string[];
}

export interface DemoPeople {
  students: DemoPerson[];
  instructors: DemoPerson[];
  admins: DemoPerson[];
}

const unique = (emails: string[]) => [...new Set(emails.map((e) => e.toLowerCase()))];

/**
 * The people the seeded courses know (`genmod-live` and `genmod-2023`): their roster's students,
 * their instructors, and the demo admin. Read from the same data the seed loads, so the sign-in page
 * never offers someone the courses do not have.
 */
export const demoPeople = (today: DateTime = DateTime.now()): DemoPeople => {
  const students = parseRoster(demoRosterCsv, 'text/csv');
  const instructors = unique([...liveCourse(today).instructors, ...demoCourse.instructors]);
  return {
    students: students.map((s) => ({ email: s.email.toLowerCase(), name: s.name, groups: [] })),
    instructors: instructors.map((email) => ({ email, name: email, groups: [] })),
    admins: [{ email: DEMO_ADMIN, name: 'Demo admin', groups: [ADMIN_GROUP] }],
  };
};

/** The groups a demo person has (an admin's ["admins"]); none for anyone else. */
export const groupsOf = (people: DemoPeople, email: string): string[] => [
  ...([...people.students, ...people.instructors, ...people.admins].find(
    (p) => p.email === email.toLowerCase(),
  )?.groups ?? []),
];
