import type { Caller } from '../auth/caller.js';
import { loadAccess, type CourseAccess } from '../courses/access.js';
import { Conflict, Forbidden, NotFound } from '../errors.js';
import { transact, type Db, type TransactItem } from '../store/table-ops.js';
import { toGroup, type GroupRecord } from '../store/group-repo.js';
import { keys, type Key } from '../store/keys.js';
import { findBooking, type BookingRecord } from '../store/slot-repo.js';
import { isTransactionConflict } from '../store/transactions.js';

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

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs one TransactWriteItems. When DynamoDB cancels it because another transaction held one of the
 * same items at that moment (TransactionConflict, no condition failed), it is retried once after a
 * random pause; a second conflict is a 409 asking the caller to try again, never a 500.
 */
export const transactOrTryAgain = async (d: Db, items: TransactItem[]): Promise<void> => {
  for (let attempt = 0; ; attempt++) {
    try {
      await transact(d, items);
      return;
    } catch (error) {
      const conflict =
        isTransactionConflict(error) ||
        (error as { name?: string } | null)?.name === 'TransactionConflictException';
      if (!conflict) throw error;
      if (attempt >= 1)
        throw new Conflict(
          'Someone else changed the same slot or booking at the same moment; nothing was saved, try again',
          'try_again',
        );
      await pause(20 + Math.random() * 80);
    }
  }
};

/** The item a failed condition returned (ReturnValuesOnConditionCheckFailure: ALL_OLD), as raw attribute values. */
type RawItem = Record<string, { S?: string; L?: { S?: string }[] }>;

export const cancellationItem = (error: unknown, index: number): RawItem | undefined =>
  (error as { CancellationReasons?: { Item?: RawItem }[] }).CancellationReasons?.[index]?.Item;

export const rawMembers = (item: RawItem | undefined): string[] =>
  (item?.members?.L ?? []).flatMap((m) => (m.S ? [m.S] : []));
