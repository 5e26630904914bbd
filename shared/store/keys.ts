/**
 * Key builders for the single table. Handlers and use cases never spell a key: they call these.
 * GSI1 serves three lookups: a user's courses (USER#email), every course (COURSES, for admins) and
 * what falls due when (DUE, for the scheduled jobs).
 */
export type Key = {
  pk: string;
  sk: string;
};

export const coursePk = (courseId: string) => `COURSE#${courseId}`;

export const keys = {
  course: (courseId: string): Key => ({ pk: coursePk(courseId), sk: 'CONFIG' }),
  student: (courseId: string, email: string): Key => ({ pk: coursePk(courseId), sk: `STUDENT#${email}` }),
  instructor: (courseId: string, email: string): Key => ({
    pk: coursePk(courseId),
    sk: `INSTRUCTOR#${email}`,
  }),
  group: (courseId: string, groupId: string): Key => ({ pk: coursePk(courseId), sk: `GROUP#${groupId}` }),
  paperSeats: (courseId: string, paperId: string): Key => ({
    pk: coursePk(courseId),
    sk: `PAPER#${paperId}`,
  }),
  slot: (courseId: string, slotId: string): Key => ({ pk: coursePk(courseId), sk: `SLOT#${slotId}` }),
  grade: (courseId: string, groupId: string, componentId: string): Key => ({
    pk: coursePk(courseId),
    sk: `GRADE#${groupId}#${componentId}`,
  }),
  audit: (courseId: string, isoTime: string, id: string): Key => ({
    pk: `${coursePk(courseId)}#AUDIT`,
    sk: `${isoTime}#${id}`,
  }),
  notice: (courseId: string, noticeKey: string, recipient: string): Key => ({
    pk: coursePk(courseId),
    sk: `NOTICE#${noticeKey}#${recipient}`,
  }),
};

/** Sort-key prefixes for the Query of one kind of item in a course. */
export const prefixes = {
  student: 'STUDENT#',
  instructor: 'INSTRUCTOR#',
  group: 'GROUP#',
  paperSeats: 'PAPER#',
  slot: 'SLOT#',
  grade: 'GRADE#',
  notice: 'NOTICE#',
} as const;

export const gsi1 = {
  userCourses: (email: string) => `USER#${email}`,
  allCourses: 'COURSES',
  due: 'DUE',
} as const;

export const GSI1_NAME = 'GSI1';
