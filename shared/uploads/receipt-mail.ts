import { DateTime } from 'luxon';
import { intentsFor, outboxPut } from '../mail/outbox.js';
import type { Mail } from '../mail/send-mail.js';
import type { Deps } from '../runtime/deps.js';
import type { CourseRecord } from '../store/course-repo.js';
import type { TransactItem } from '../store/table-ops.js';
import type { SubmissionRecord } from './upload-store.js';

/** "Friday 28 April 2023, 23:58:12 (Europe/Paris)": seconds matter next to a deadline. */
export const describeWithSeconds = (instant: Date, zone: string): string =>
  `${DateTime.fromJSDate(instant, { zone }).setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm:ss')} (${zone})`;

const grouped = (n: number) => n.toLocaleString('en-GB');

export const receiptSubject = (course: CourseRecord, s: SubmissionRecord, title: string): string => {
  const verdict = s.status === 'rejected' ? 'REFUSED' : s.late ? 'accepted, LATE' : 'accepted';
  return `[${course.config.title}] ${title}: file received, ${verdict}`;
};

export const receiptText = (course: CourseRecord, s: SubmissionRecord, title: string): string => {
  const zone = course.config.timeZone;
  const deadline = describeWithSeconds(new Date(s.closesAt), zone);
  const result =
    s.status === 'rejected'
      ? `REFUSED. ${s.reason ?? ''}`.trim()
      : s.late
        ? 'ACCEPTED, but LATE: it arrived after the deadline. It is kept and marked late; the instructors decide how it counts.'
        : 'ACCEPTED, on time.';
  const lines = [
    `A file for "${title}" reached the course's storage. This is your receipt.`,
    '',
    `Result: ${result}`,
    '',
    `File: ${s.fileName}`,
    ...(s.pages === undefined ? [] : [`Pages: ${s.pages}`]),
    `Size: ${grouped(s.bytes)} bytes`,
    `SHA-256: ${s.sha256}`,
    `Received: ${describeWithSeconds(new Date(s.receivedAt), zone)}`,
    `Deadline: ${deadline}${s.extensionUntil ? ' (with an extension)' : ''}${s.late ? ' (missed)' : ''}`,
    `Uploaded by: ${s.uploadedBy}`,
    ...(s.ownerKind === 'group' ? [`Group: ${s.ownerId} (${s.members.join(', ')})`] : []),
    ...(s.contributions
      ? ['Contribution statements recorded for:', ...Object.keys(s.contributions).map((m) => `  - ${m}`)]
      : []),
    `Submission id: ${s.submissionId}`,
    '',
    s.status === 'accepted'
      ? 'This version now counts: the latest accepted file is the one graded. Earlier versions are kept.'
      : 'This version does not count; any earlier accepted version still does. You may upload a corrected file' +
        (s.late
          ? ' (the deadline has passed: ask an instructor for an extension).'
          : ' before the deadline.'),
    '',
    'Keep this mail: the SHA-256 above identifies exactly the file that was received.',
  ];
  return lines.join('\n');
};

/**
 * The receipt, one mail per owner (every member of the group, or the student). Pure: built before the
 * transaction that records the submission (and put in the outbox by it), so a receipt that cannot be
 * built fails the event with nothing recorded (and the retry of the event tries again).
 */
export const receiptMails = (course: CourseRecord, s: SubmissionRecord): Mail[] => {
  const title = course.config.deliverables.find((x) => x.id === s.deliverableId)?.title ?? s.deliverableId;
  const recipients = s.ownerKind === 'group' ? s.members : [s.ownerId];
  const subject = receiptSubject(course, s, title);
  const text = receiptText(course, s, title);
  return recipients.map((to) => ({ to: [to], subject, text }));
};

/**
 * The outbox Puts of the receipt (one per owner), for the transaction that records the submission:
 * recorded with it, sent by the outbox sender. Keyed `receipt#<uploadId>#<recipient>`: an upload id
 * is received once, so each owner's receipt is recorded once.
 */
export const receiptOutboxPuts = (
  d: Pick<Deps, 'tableName'>,
  s: SubmissionRecord,
  mails: readonly Mail[],
  now: Date,
): TransactItem[] =>
  intentsFor(s.courseId, 'receipt', `receipt#${s.uploadId}`, mails).map((intent) =>
    outboxPut(d, intent, now),
  );
