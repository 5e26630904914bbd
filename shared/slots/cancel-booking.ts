import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { bookingTimes, studentTimingProblems } from '../domain/slot-rules.js';
import { Conflict, DeadlinePassed, NotFound } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import {
  expectationOf,
  groupCheck,
  putBookingMarker,
  releaseSlot,
  type BookingRecord,
} from '../store/slot-repo.js';
import { namedEach, TransactionFailed } from '../store/transactions.js';
import { loadGroupBooking, transactOrTryAgain } from './booking-access.js';
import { bookingOutboxPuts, buildBookingMail } from './booking-mail.js';
import { requireReasonFor } from './put-booking.js';
import { bookingView } from './slot-view.js';
import { count } from '../runtime/metrics.js';

/**
 * Cancels the group's booking in one transaction: the slot released (only from this group), the
 * marker kept without its slot and with the next SEQUENCE (so the CANCEL supersedes the invite), and,
 * for an instructor, the audit record. Every member gets the cancellation.
 */
export const cancelBooking = async (
  d: Deps,
  courseId: string,
  groupId: string,
  caller: Caller,
  reason: string | undefined,
) => {
  const { access, group, booking: current } = await loadGroupBooking(d, courseId, groupId, caller);
  const { course } = access;
  if (!current?.slotId) throw new NotFound(`Group ${groupId} has no presentation booked`);
  const now = d.clock.now();
  const timing = studentTimingProblems('cancel', now, bookingTimes(course.config), {
    held: new Date(current.start),
  }).map((p) => p.message);
  if (!access.isStaff) {
    if (timing.length) throw new DeadlinePassed(timing.join('; '));
  } else requireReasonFor(timing, reason, 'query.reason');

  const { slotId: _held, ...rest } = current;
  const next: BookingRecord = {
    ...rest,
    status: 'cancelled',
    eventSlotId: current.slotId,
    sequence: current.sequence + 1,
    updatedAt: now.toISOString(),
    updatedBy: caller.email,
  };
  // Built before anything is written: a CANCEL that cannot be built fails the request cleanly;
  // the mails go in the outbox, in the same transaction (after the indexed items).
  const mail = buildBookingMail(d, course, group, next, 'cancelled', {
    ...(access.isStaff ? { actor: caller.email, reason } : {}),
  });
  const items = {
    marker: putBookingMarker(d, next, expectationOf(current)),
    slot: releaseSlot(d, courseId, current.slotId, groupId),
    group: !access.isStaff && groupCheck(d, courseId, groupId, { member: caller.email }),
    audit:
      access.isStaff &&
      auditPut(d.tableName, {
        courseId,
        actor: caller.email,
        action: 'booking.cancel',
        target: groupId,
        before: { slotId: current.slotId, mode: current.mode },
        at: now,
        ...(reason ? { reason } : {}),
      }),
    ...namedEach('outbox', bookingOutboxPuts(d, mail, now)),
  };
  try {
    await transactOrTryAgain(d, items);
  } catch (error) {
    if (!(error instanceof TransactionFailed) || !error.conditions.length) throw error;
    if (error.has('group'))
      throw new Conflict(`${caller.email} is no longer a member of group ${groupId}`, 'group_changed');
    throw new Conflict(
      `The booking of group ${groupId} changed meanwhile; reload it and try again`,
      'booking_changed',
    );
  }
  count('BookingCancelled');
  return bookingView(course, next);
};
