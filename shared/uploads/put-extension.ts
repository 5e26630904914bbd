import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { describeInZone, isoInZone } from '../domain/local-time.js';
import { parseExtensionUntil, submissionWindow } from '../domain/submission-rules.js';
import { BadRequest, NotFound } from '../errors.js';
import { created } from '../http/responses.js';
import { newId } from '../groups/new-id.js';
import { intentsFor, outboxPut } from '../mail/outbox.js';
import type { Deps } from '../runtime/deps.js';
import { toStudent } from '../store/course-repo.js';
import { toGroup } from '../store/group-repo.js';
import { namedEach, transactNamed } from '../store/transactions.js';
import { keys } from '../store/keys.js';
import type { ExtensionBody } from './schemas.js';
import { extensionItem, toExtension, type ExtensionRecord } from './upload-store.js';

/**
 * An instructor moves one owner's deadline for one deliverable (a group, or a student for a
 * per-student deliverable). Written with its audit record and the owners' mails (outbox) in one
 * transaction. Replacing an extension is allowed (the audit keeps the previous one); an end that is not
 * after the deliverable's own due time is refused (it would extend nothing).
 *
 * DynamoDB: the access BatchGet (course, caller, owner, current extension), then the transaction.
 */
export const putExtension = async (
  d: Deps,
  courseId: string,
  ownerId: string,
  caller: Caller,
  body: ExtensionBody,
) => {
  const isEmail = ownerId.includes('@');
  const ownerKey = isEmail ? keys.student(courseId, ownerId) : keys.group(courseId, ownerId);
  const extKey = keys.extension(courseId, body.deliverableId, ownerId);
  const access = await loadAccess(d, courseId, caller, [ownerKey, extKey]);
  requireStaff(access, 'grant extensions');
  const { course } = access;
  const zone = course.config.timeZone;
  const deliverable = course.config.deliverables.find((x) => x.id === body.deliverableId);
  if (!deliverable)
    throw new BadRequest('Unknown deliverable', [
      { path: 'body.deliverableId', message: `no deliverable "${body.deliverableId}" in this course` },
    ]);
  const ownerItem = access.extras.find((i) => i.sk === ownerKey.sk);
  let members: string[];
  if (deliverable.owner === 'group') {
    if (isEmail)
      throw new BadRequest(
        `${deliverable.title} is a group deliverable: extend it for a group id, not a student`,
        [{ path: 'path.ownerId', message: 'expected a group id' }],
      );
    const group = toGroup(ownerItem?.type === 'group' ? ownerItem : undefined);
    if (!group) throw new NotFound(`No group "${ownerId}" in course "${courseId}"`);
    members = group.members;
  } else {
    if (!isEmail)
      throw new BadRequest(
        `${deliverable.title} is a per-student deliverable: extend it for a student email`,
        [{ path: 'path.ownerId', message: 'expected a student email' }],
      );
    const student = toStudent(ownerItem?.type === 'student' ? ownerItem : undefined);
    if (!student) throw new NotFound(`${ownerId} is not on the roster of "${courseId}"`);
    members = [student.email];
  }
  const until = parseExtensionUntil(body.until, zone);
  if (!until.ok)
    throw new BadRequest('Invalid extension end', [{ path: 'body.until', message: until.message }]);
  const plain = submissionWindow(deliverable, zone);
  if (until.instant.getTime() <= plain.due.getTime())
    throw new BadRequest('An extension must end after the deadline', [
      {
        path: 'body.until',
        message: `must be after ${describeInZone(plain.due, zone)}, when ${deliverable.title} is due`,
      },
    ]);

  const previous = toExtension(access.extras.find((i) => i.sk === extKey.sk));
  const now = d.clock.now();
  const record: ExtensionRecord = {
    courseId,
    deliverableId: deliverable.id,
    ownerId,
    ownerKind: deliverable.owner,
    until: until.instant.toISOString(),
    reason: body.reason,
    grantedBy: caller.email,
    grantedAt: now.toISOString(),
  };
  // The owners' mails go in the outbox with the extension: granted and told, or neither.
  const window = submissionWindow(deliverable, zone, until.instant);
  const subject = `[${course.config.title}] ${deliverable.title}: your deadline was extended`;
  const text = [
    `An instructor extended your deadline for "${deliverable.title}".`,
    '',
    `New deadline: ${describeInZone(window.closesAt, zone)}`,
    `Original deadline: ${describeInZone(plain.closesAt, zone)}`,
    ...(deliverable.owner === 'group' ? [`Group: ${ownerId}`] : []),
  ].join('\n');
  // Each grant is its own change (a replacement too): its mails are keyed by a fresh grant id.
  const mails = intentsFor(
    courseId,
    'extension',
    `extension#${deliverable.id}#${newId('x')}`,
    members.map((to) => ({ to: [to], subject, text })),
  ).map((intent) => outboxPut(d, intent, now));
  await transactNamed(d, {
    extension: { Put: { TableName: d.tableName, Item: extensionItem(record) } },
    audit: auditPut(d.tableName, {
      courseId,
      actor: caller.email,
      action: 'extension.grant',
      target: `${deliverable.id}/${ownerId}`,
      ...(previous
        ? { before: { until: previous.until, reason: previous.reason, grantedBy: previous.grantedBy } }
        : {}),
      after: { deliverableId: deliverable.id, ownerId, until: record.until },
      reason: body.reason,
      at: now,
    }),
    ...namedEach('outbox', mails),
  });

  const view = {
    courseId,
    deliverableId: deliverable.id,
    owner: ownerId,
    ownerKind: deliverable.owner,
    until: isoInZone(until.instant, zone),
    deadline: isoInZone(window.closesAt, zone),
    timeZone: zone,
    reason: record.reason,
    grantedBy: record.grantedBy,
    grantedAt: isoInZone(now, zone),
  };
  return previous ? view : created(view);
};
