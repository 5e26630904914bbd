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
  /**
   * A group's ranked paper preferences (ranked courses): an item of its own, so the group item is
   * never rewritten for it. PREFS# sorts outside the ranges other Queries read (CONFIG..GROUP$,
   * STUDENT#..UPLOAD#).
   */
  preferences: (courseId: string, groupId: string): Key => ({
    pk: coursePk(courseId),
    sk: `PREFS#${groupId}`,
  }),
  /** The paper allocation the group-deadline job made (shared/allocation); ALLOCATION sorts before CONFIG. */
  allocation: (courseId: string): Key => ({ pk: coursePk(courseId), sk: 'ALLOCATION' }),
  /**
   * A request for the ZIP of a deliverable's accepted files, and its progress (shared/exports).
   * ARCHIVE# sorts before CONFIG, outside every range Query.
   */
  archive: (courseId: string, archiveId: string): Key => ({
    pk: coursePk(courseId),
    sk: `ARCHIVE#${archiveId}`,
  }),
  /**
   * A member's own contribution statement for one deliverable. It sorts INSIDE its owner's
   * submissions (`SUB#{owner}#{deliverable}#STMT#…`, after every `…#{receivedIso}#…` version, as
   * digits sort before letters) on purpose: the reads that show statements next to the files (/me,
   * an owner's list, the instructors' STUDENT#..UPLOAD# range) already query that collection, so the
   * statements cost them no extra call. Every reader of SUB# parses by type.
   */
  contribution: (courseId: string, ownerId: string, deliverableId: string, email: string): Key => ({
    pk: coursePk(courseId),
    sk: `SUB#${ownerId}#${deliverableId}#STMT#${email}`,
  }),
  /** One member's confidential peer rating of their group (PEER# sorts outside every range Query). */
  /**
   * Which graders mark each group for one component (shared/marking): one item per component, so the
   * grade write reads it with its access check. ASSIGN# sorts before CONFIG, outside every range Query.
   */
  markingAssignments: (courseId: string, componentId: string): Key => ({
    pk: coursePk(courseId),
    sk: `ASSIGN#${componentId}`,
  }),
  /**
   * The two independent marks of a second-marked component of a group, in one item so that one
   * versioned write refuses a third. MARKS# sorts between GROUP$ and STUDENT#, outside every range Query.
   */
  secondMarks: (courseId: string, groupId: string, componentId: string): Key => ({
    pk: coursePk(courseId),
    sk: `MARKS#${groupId}#${componentId}`,
  }),
  peerRating: (courseId: string, groupId: string, rater: string): Key => ({
    pk: coursePk(courseId),
    sk: `PEER#${groupId}#${rater}`,
  }),
  /**
   * A student's regrade requests of one component, every round in one item (shared/regrades), so /me
   * reads them by key. REGRADE# sorts outside every range Query (CONFIG..GROUP$, STUDENT#..UPLOAD#).
   */
  regrade: (courseId: string, email: string, componentId: string): Key => ({
    pk: coursePk(courseId),
    sk: `REGRADE#${email}#${componentId}`,
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
  booking: 'BOOKING#',
  upload: 'UPLOAD#',
  submission: 'SUB#',
  extension: 'EXT#',
  memberGrade: 'MGRADE#',
  jobRun: 'JOB#',
  outbox: 'MAIL#',
  looking: 'LOOKING#',
  preferences: 'PREFS#',
  archive: 'ARCHIVE#',
  peerRating: 'PEER#',
  markingAssignments: 'ASSIGN#',
  secondMarks: 'MARKS#',
  regrade: 'REGRADE#',
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
