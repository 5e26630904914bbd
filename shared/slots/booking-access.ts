import type { Caller } from '../auth/caller.js';
import { loadAccess, type CourseAccess } from '../courses/access.js';
import { Conflict, Forbidden, NotFound } from '../errors.js';
import type { Db } from '../store/table-ops.js';
import { toGroup, type GroupRecord } from '../store/group-repo.js';
import { keys, type Key } from '../store/keys.js';
import { findBooking, type BookingRecord } from '../store/slot-repo.js';
import { transactNamed, type NamedItems } from '../store/transactions.js';

export interface GroupBookingAccess {
  access: CourseAccess;
  group: GroupRecord;
  /** The group's booking marker (absent before its first booking; kept, without slotId, after a cancel). */
  booking: BookingRecord | undefined;
}

/**
 * One read for everything a booking route needs: the course, the caller's roster entry, the group,
 * its booking marker and any other item (the target slot). A student acts only for their own group.
 */
export const loadGroupBooking = async (
  d: Db,
  courseId: string,
  groupId: string,
  caller: Caller,
  extra: Key[] = [],
): Promise<GroupBookingAccess> => {
  const access = await loadAccess(d, courseId, caller, [
    keys.group(courseId, groupId),
    keys.booking(courseId, groupId),
    ...extra,
  ]);
  const group = toGroup(access.extras.find((i) => i.sk === keys.group(courseId, groupId).sk));
  if (!group) throw new NotFound(`No group "${groupId}" in "${courseId}"`);
  if (!access.isStaff && !group.members.includes(caller.email))
    throw new Forbidden(
      `${caller.email} is not a member of group ${groupId}; students book only for their own group`,
    );
  return { access, group, booking: findBooking(access.extras, courseId, groupId) };
};

/**
 * Runs one TransactWriteItems of named items. When DynamoDB cancels it because another transaction
 * held one of the same items at that moment (TransactionConflict, no condition failed), it is
 * retried once after the store's backoff; a second conflict is a 409 asking the caller to try
 * again, never a 500. A failed condition is thrown as the `TransactionFailed` naming it.
 */
export const transactOrTryAgain = <N extends string>(d: Db, items: NamedItems<N>): Promise<void> =>
  transactNamed(d, items, {
    attempts: 2,
    stillConflicting: () =>
      new Conflict(
        'Someone else changed the same slot or booking at the same moment; nothing was saved, try again',
        'try_again',
      ),
  });
