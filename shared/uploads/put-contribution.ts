import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '../auth/caller.js';
import { loadAccess } from '../courses/access.js';
import { describeInZone, isoInZone } from '../domain/local-time.js';
import { submissionWindow, uploadsOpen } from '../domain/submission-rules.js';
import { Conflict, DeadlinePassed, Forbidden, NotFound } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { memberOfGroupCheck } from '../store/grade-repo.js';
import { keys } from '../store/keys.js';
import { batchGetAll } from '../store/table-ops.js';
import { TransactionFailed, transactNamed } from '../store/transactions.js';
import { contributionEntity, type ContributionRecord } from './contribution-store.js';
import { memberStatements } from './contribution-view.js';
import { findDeliverable } from './deliverable.js';
import { ownerOf } from './owner.js';
import type { PutContributionBody } from './schemas.js';
import { toExtension } from './upload-store.js';

/**
 * A member writes, or confirms by sending it again, their own contribution statement for a
 * deliverable that requires them, while the deliverable is open for their group (due + extension +
 * grace, the upload rule). Their own statement then counts over any text an uploader proposed for
 * them, in every version of the deliverable.
 *
 * DynamoDB: the access BatchGet (course, caller, and the caller's own extension in case the
 * deliverable is per student); a BatchGet of the group's extension only when the
 * deliverable's own deadline has passed; then for a group the TransactWrite of the statement with a
 * check that the caller is still in the group (a member who left meanwhile writes nothing), for a
 * student deliverable one Put. 2 calls, 3 after the due date.
 */
export const putContribution = async (
  d: Deps,
  courseId: string,
  deliverableId: string,
  caller: Caller,
  body: PutContributionBody,
) => {
  const access = await loadAccess(d, courseId, caller, [
    keys.extension(courseId, deliverableId, caller.email),
  ]);
  const { course } = access;
  const zone = course.config.timeZone;
  const deliverable = findDeliverable(course, deliverableId);
  if (!deliverable.requiresContributions)
    throw new NotFound(`${deliverable.title} takes no contribution statements`);
  const student = access.student;
  if (!student)
    throw new Forbidden(
      'Only the students who make a deliverable write its contribution statements',
      'not_a_member',
    );
  const owner = ownerOf(deliverable, student);
  if (!owner)
    throw new Forbidden(
      `${deliverable.title} is made by a group and you are in no group yet; form or join one first`,
      'not_in_group',
    );

  const now = d.clock.now();
  let window = submissionWindow(deliverable, zone);
  let extended = false;
  if (!uploadsOpen(now, window)) {
    // Only past the due date can an extension matter: read it then, not on every write.
    const extensionKey = keys.extension(courseId, deliverableId, owner.id);
    const items = owner.kind === 'student' ? access.extras : await batchGetAll(d, [extensionKey]);
    const extension = toExtension(items.find((i) => i.sk === extensionKey.sk));
    if (extension) {
      window = submissionWindow(deliverable, zone, new Date(extension.until));
      extended = true;
    }
  }
  if (!uploadsOpen(now, window))
    throw new DeadlinePassed(
      `${deliverable.title} closed on ${describeInZone(window.closesAt, zone)}` +
        `${extended ? ' (with your extension)' : ''}; contribution statements can no longer be changed`,
    );

  const record: ContributionRecord = {
    courseId,
    deliverableId,
    ownerId: owner.id,
    email: student.email,
    statement: body.statement,
    confirmedAt: now.toISOString(),
  };
  const put = { TableName: d.tableName, Item: contributionEntity.toItem(record) };
  if (owner.kind === 'group') {
    try {
      await transactNamed(d, {
        statement: { Put: put },
        member: memberOfGroupCheck(d, courseId, student.email, owner.id),
      });
    } catch (error) {
      if (error instanceof TransactionFailed && error.has('member'))
        throw new Conflict(`You left group ${owner.id} meanwhile; nothing was written`, 'not_in_group');
      throw error;
    }
  } else await d.db.send(new PutCommand(put));

  const [statement] = memberStatements({
    members: [student.email],
    proposed: undefined,
    uploadedBy: student.email,
    uploadedAt: now,
    own: new Map([[student.email, record]]),
    zone,
  });
  return {
    courseId,
    deliverableId,
    owner: owner.id,
    deadline: isoInZone(window.closesAt, zone),
    statement,
  };
};
