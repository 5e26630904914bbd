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
  /** The group's side of a booking: which slot it holds (a separate item, so group edits never clobber it). */
  booking: (courseId: string, groupId: string): Key => ({ pk: coursePk(courseId), sk: `BOOKING#${groupId}` }),
  /** A presigned upload handed out and not yet received. */
  upload: (courseId: string, uploadId: string): Key => ({ pk: coursePk(courseId), sk: `UPLOAD#${uploadId}` }),
  /** One received version; sorted by owner, then deliverable, then time, so /me reads an owner's in one Query. */
  submission: (
    courseId: string,
    ownerId: string,
    deliverableId: string,
    receivedIso: string,
    submissionId: string,
  ): Key => ({
    pk: coursePk(courseId),
    sk: `SUB#${ownerId}#${deliverableId}#${receivedIso}#${submissionId}`,
  }),
  extension: (courseId: string, deliverableId: string, ownerId: string): Key => ({
    pk: coursePk(courseId),
    sk: `EXT#${deliverableId}#${ownerId}`,
  }),
  memberGrade: (courseId: string, groupId: string, email: string): Key => ({
    pk: coursePk(courseId),
    sk: `MGRADE#${groupId}#${email}`,
  }),
  gradesPublication: (courseId: string): Key => ({ pk: coursePk(courseId), sk: 'GRADES#PUBLICATION' }),
  jobRun: (courseId: string, jobId: string, startedIso: string, runId: string): Key => ({
    pk: coursePk(courseId),
    sk: `JOB#${jobId}#${startedIso}#${runId}`,
  }),
  /** One mail to send (transactional outbox), by its idempotency key: written once, sent by the stream. */
  outbox: (courseId: string, mailKey: string): Key => ({ pk: coursePk(courseId), sk: `MAIL#${mailKey}` }),
  /**
   * A student's opt-in to be listed as looking for a group: an item of its own, so the roster entry
   * (whose groupId guards group membership) is never rewritten for it. LOOKING# sorts outside the
   * ranges other Queries read (CONFIG..GROUP$, STUDENT#..UPLOAD#).
   */
  looking: (courseId: string, email: string): Key => ({ pk: coursePk(courseId), sk: `LOOKING#${email}` }),
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
  booking: 'BOOKING#',
  upload: 'UPLOAD#',
  submission: 'SUB#',
  extension: 'EXT#',
  memberGrade: 'MGRADE#',
  jobRun: 'JOB#',
  outbox: 'MAIL#',
  looking: 'LOOKING#',
} as const;

export const gsi1 = {
  userCourses: (email: string) => `USER#${email}`,
  allCourses: 'COURSES',
  due: 'DUE',
  /** Outbox mails to look at again, sorted by when (retry due, claim stale, pending not picked up). */
  mailRetry: 'MAILRETRY',
  /** A course's mails given up after their retries, sorted by when they died (instructors' listing). */
  deadMail: (courseId: string) => `DEADMAIL#${courseId}`,
} as const;

export const GSI1_NAME = 'GSI1';
