import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { describeInZone } from '../domain/local-time.js';
import { bookingTimes, studentTimingProblems } from '../domain/slot-rules.js';
import { BadRequest, Conflict, DeadlinePassed, NotFound, type AppError } from '../errors.js';
import { created } from '../http/responses.js';
import type { Deps } from '../runtime/deps.js';
import { keys } from '../store/keys.js';
import {
  claimSlot,
  expectationOf,
  findSlot,
  groupCheck,
  putBookingMarker,
  releaseSlot,
  rewriteHeldSlot,
  bookingEntity,
  type BookingRecord,
} from '../store/slot-repo.js';
import { groupEntity } from '../store/group-repo.js';
import { namedEach, TransactionFailed } from '../store/transactions.js';
import { loadGroupBooking, transactOrTryAgain } from './booking-access.js';
import { bookingOutboxPuts, buildBookingMail } from './booking-mail.js';
import type { BookingBody } from './schemas.js';
import { bookingView } from './slot-view.js';
import { count } from '../runtime/metrics.js';

/** Requires a reason from an instructor acting outside the students' rules; the reason is audited. */
export const requireReasonFor = (overrides: string[], reason: string | undefined, path: string): void => {
  if (overrides.length && !reason)
    throw new BadRequest(
      `A reason is required: this is outside the students' rules (${overrides.join('; ')})`,
      [{ path, message: 'required for an instructor override' }],
      'reason_required',
    );
};

/**
 * Books a slot for a group, or moves the group's booking to another slot (or mode), in ONE
 * TransactWriteItems: the target slot only if no group holds it, the group's booking marker only in
 * the state that was read (no slot for a book, the old slot for a move), the old slot released, a
 * ConditionCheck that the group exists (and is still complete, and still has the caller), and, for an
 * instructor, the audit record. Reads before it only give better messages.
 */
export const putBooking = async (
  d: Deps,
  courseId: string,
  groupId: string,
  caller: Caller,
  body: BookingBody,
) => {
  const {
    access,
    group,
    booking: current,
  } = await loadGroupBooking(d, courseId, groupId, caller, [keys.slot(courseId, body.slotId)]);
  const { course } = access;
  const { config } = course;
  const zone = config.timeZone;
  const slot = findSlot(access.extras, courseId, body.slotId);
  if (!slot) throw new NotFound(`No presentation slot "${body.slotId}" in "${courseId}"`);
  const when = describeInZone(new Date(slot.start), zone);
  if (!slot.modes.includes(body.mode))
    throw new BadRequest(
      `The slot ${when} offers ${slot.modes.join(' or ')} only`,
      [{ path: 'body.mode', message: `not offered by this slot (it offers ${slot.modes.join(', ')})` }],
      'mode_not_offered',
    );
  const held = current?.slotId;
  if (held === slot.slotId && current?.mode === body.mode) return bookingView(course, current);
  if (slot.groupId && slot.groupId !== groupId)
    throw new Conflict(`The slot ${when} is already taken; choose another`, 'slot_taken');

  const action = held ? 'move' : 'book';
  const sameSlot = held === slot.slotId;
  const now = d.clock.now();
  const timing = studentTimingProblems(action, now, bookingTimes(config), {
    ...(held && current ? { held: new Date(current.start) } : {}),
    ...(sameSlot ? {} : { target: new Date(slot.start) }),
  }).map((p) => p.message);
  const { minSize } = config.groups;
  const mustBeComplete = config.presentations.requireCompleteGroup;
  const incomplete =
    mustBeComplete && group.members.length < minSize
      ? `a group needs at least ${minSize} members to book; group ${groupId} has ${group.members.length}`
      : undefined;
  if (!access.isStaff) {
    if (timing.length) throw new DeadlinePassed(timing.join('; '));
    if (incomplete) throw new Conflict(`Cannot book: ${incomplete}`, 'group_incomplete');
  } else requireReasonFor([...timing, ...(incomplete ? [incomplete] : [])], body.reason, 'body.reason');

  const iso = now.toISOString();
  const next: BookingRecord = {
    courseId,
    groupId,
    status: 'booked',
    slotId: slot.slotId,
    eventSlotId: slot.slotId,
    start: slot.start,
    end: slot.end,
    room: slot.room,
    mode: body.mode,
    sequence: current ? current.sequence + 1 : 0,
    updatedAt: iso,
    updatedBy: caller.email,
  };
  const hold = { groupId, mode: body.mode, sequence: next.sequence };
  const checkRules = {
    ...(mustBeComplete && !incomplete ? { minSize } : {}),
    ...(access.isStaff ? {} : { member: caller.email }),
  };
  // Built before anything is written: an invite that cannot be built fails the request cleanly.
  // The mails go in the outbox, in the same transaction (after the indexed items).
  const mail = buildBookingMail(d, course, group, next, action === 'book' ? 'booked' : 'moved', {
    ...(access.isStaff ? { actor: caller.email, reason: body.reason } : {}),
    previous: current,
  });
  // Named, so a failed condition maps to its reason whatever else the transaction holds.
  const items = {
    group: groupCheck(d, courseId, groupId, checkRules),
    marker: putBookingMarker(d, next, expectationOf(current)),
    slot: sameSlot
      ? rewriteHeldSlot(d, courseId, slot.slotId, hold)
      : claimSlot(d, courseId, slot.slotId, { ...hold, at: iso, by: caller.email }),
    release: !!held && !sameSlot && releaseSlot(d, courseId, held, groupId),
    audit:
      access.isStaff &&
      auditPut(d.tableName, {
        courseId,
        actor: caller.email,
        action: action === 'book' ? 'booking.book' : sameSlot ? 'booking.mode' : 'booking.move',
        target: groupId,
        ...(current?.slotId ? { before: { slotId: current.slotId, mode: current.mode } } : {}),
        after: { slotId: slot.slotId, mode: body.mode },
        at: now,
        ...(body.reason ? { reason: body.reason } : {}),
      }),
    ...namedEach('outbox', bookingOutboxPuts(d, mail, now)),
  };
  try {
    await transactOrTryAgain(d, items);
  } catch (error) {
    throw whyBookingFailed(error, { action, when, groupId, minSize, caller: caller.email }) ?? error;
  }
  if (action === 'book') count('BookingMade');
  const view = bookingView(course, next);
  return action === 'book' ? created(view) : view;
};

/** The 409 naming the rule that lost, from the names of the failed conditions and the items found. */
const whyBookingFailed = (
  error: unknown,
  c: { action: 'book' | 'move'; when: string; groupId: string; minSize: number; caller: string },
): AppError | undefined => {
  if (!(error instanceof TransactionFailed) || !error.conditions.length) return undefined;
  const failed = error;
  if (failed.has('group')) {
    const group = groupEntity.parse(failed.item('group'));
    if (!group) return new Conflict(`Group ${c.groupId} no longer exists`, 'group_changed');
    if (group.members.length < c.minSize)
      return new Conflict(
        `Cannot book: a group needs at least ${c.minSize} members; group ${c.groupId} now has ${group.members.length}`,
        'group_incomplete',
      );
    return new Conflict(`${c.caller} is no longer a member of group ${c.groupId}`, 'group_changed');
  }
  if (failed.has('marker')) {
    const marker = bookingEntity.parse(failed.item('marker'));
    return c.action === 'book' && marker?.slotId
      ? new Conflict(
          `Group ${c.groupId} already has a slot (${marker.slotId}), booked meanwhile; move it instead`,
          'already_booked',
        )
      : new Conflict(
          `The booking of group ${c.groupId} changed meanwhile; reload it and try again`,
          'booking_changed',
        );
  }
  if (failed.has('slot'))
    return failed.item('slot')
      ? new Conflict(`The slot ${c.when} was just taken by another group; choose another`, 'slot_taken')
      : new Conflict(
          `The slot ${c.when} no longer exists (the instructors changed the slots)`,
          'slot_removed',
        );
  return new Conflict(
    `The booking of group ${c.groupId} changed meanwhile; reload it and try again`,
    'booking_changed',
  );
};
