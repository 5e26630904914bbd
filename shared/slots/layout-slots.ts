import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { cutDays, type SlotSpec } from '../domain/slot-rules.js';
import { BadRequest, Conflict } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { toGroup } from '../store/group-repo.js';
import { batchGetAll, type TransactItem } from '../store/table-ops.js';
import { keys } from '../store/keys.js';
import {
  deleteSlot,
  listSlots,
  putBookingMarker,
  putNewSlot,
  relaySlot,
  type BookingRecord,
  type SlotRecord,
} from '../store/slot-repo.js';
import { isConditionFailure } from '../store/transactions.js';
import { transactOrTryAgain } from './booking-access.js';
import { bookingOutboxPuts, buildBookingMail, type BookingChange, type BookingMail } from './booking-mail.js';
import type { LayoutSlotsBody } from './schemas.js';
import { slotView } from './slot-view.js';

/** A layout is one transaction; DynamoDB takes at most 100 items in one. */
const MAX_ITEMS = 100;
export const MAX_SLOTS = 1000;

const sameModes = (a: string[], b: string[]) => a.length === b.length && a.every((m) => b.includes(m));

interface BookingEffect {
  slot: SlotRecord;
  change: Extract<BookingChange, 'released' | 'updated'>;
  next: BookingRecord;
}

/**
 * Replaces the course's slots with those cut from `days`. Slots that stay keep their bookings; a
 * booked slot that would go (or no longer offers the booked mode) is refused with a 409 unless
 * `force` (with a reason): its booking is then cancelled and the group emailed. Only what changes is
 * written, in ONE transaction with the audit record, each existing slot conditioned on the booking it
 * was read with. A layout larger than one transaction can be reached in steps (unchanged slots cost
 * nothing).
 */
export const layOutSlots = async (d: Deps, courseId: string, caller: Caller, body: LayoutSlotsBody) => {
  const access = await loadAccess(d, courseId, caller);
  requireStaff(access, 'lay out presentation slots');
  const { course } = access;
  const { config } = course;
  const { slots: desired, problems } = cutDays(body.days, {
    zone: config.timeZone,
    slotMinutes: config.presentations.slotMinutes,
    courseModes: config.presentations.modes,
    maxSlots: MAX_SLOTS,
  });
  if (problems.length) throw new BadRequest('Cannot lay out these days', problems, 'invalid_layout');

  const existing = await listSlots(d, courseId);
  const want = new Map(desired.map((s) => [s.slotId, s]));
  const have = new Set(existing.map((s) => s.slotId));
  const now = d.clock.now();
  const iso = now.toISOString();
  const record = (s: SlotSpec): SlotRecord => ({
    courseId,
    slotId: s.slotId,
    start: s.start.toISOString(),
    end: s.end.toISOString(),
    room: s.room,
    modes: s.modes,
  });

  // Named by slot and by group, so every item of the layout says what it guards.
  const items: [string, TransactItem][] = [];
  const effects: BookingEffect[] = [];
  const blocked: SlotRecord[] = [];
  let added = 0;
  let updated = 0;
  let removed = 0;
  const finalSlots: SlotRecord[] = [];
  const markerFor = (slot: SlotRecord, change: 'released' | 'updated', spec?: SlotRecord): BookingRecord => {
    const source = spec ?? slot;
    return {
      courseId,
      groupId: slot.groupId ?? '',
      status: change === 'released' ? 'cancelled' : 'booked',
      ...(change === 'released' ? {} : { slotId: slot.slotId }),
      eventSlotId: slot.slotId,
      start: source.start,
      end: source.end,
      room: source.room,
      mode: slot.mode ?? 'in-person',
      sequence: (slot.sequence ?? 0) + 1,
      updatedAt: iso,
      updatedBy: caller.email,
    };
  };
  const heldExpectation = (slot: SlotRecord) => ({
    kind: 'held' as const,
    slotId: slot.slotId,
    sequence: slot.sequence ?? 0,
  });

  for (const spec of desired) {
    if (have.has(spec.slotId)) continue;
    items.push([`slot:${spec.slotId}`, putNewSlot(d, record(spec))]);
    finalSlots.push(record(spec));
    added++;
  }
  for (const slot of existing) {
    const spec = want.get(slot.slotId);
    const next = spec ? record(spec) : undefined;
    const incompatible = !!(next && slot.groupId && slot.mode && !next.modes.includes(slot.mode));
    if (slot.groupId && (!next || incompatible)) {
      blocked.push(slot);
      if (!body.force) continue;
      const marker = markerFor(slot, 'released');
      effects.push({ slot, change: 'released', next: marker });
      items.push([`marker:${marker.groupId}`, putBookingMarker(d, marker, heldExpectation(slot))]);
      if (next) {
        items.push([
          `slot:${slot.slotId}`,
          relaySlot(d, next, { groupId: slot.groupId, sequence: 0, release: true }),
        ]);
        finalSlots.push(next);
        updated++;
      } else {
        items.push([`slot:${slot.slotId}`, deleteSlot(d, courseId, slot.slotId, slot.groupId)]);
        removed++;
      }
      continue;
    }
    if (!next) {
      items.push([`slot:${slot.slotId}`, deleteSlot(d, courseId, slot.slotId, undefined)]);
      removed++;
      continue;
    }
    const changed =
      slot.start !== next.start ||
      slot.end !== next.end ||
      slot.room !== next.room ||
      !sameModes(slot.modes, next.modes);
    const kept: SlotRecord = {
      ...next,
      ...(slot.groupId
        ? { groupId: slot.groupId, ...(slot.mode ? { mode: slot.mode } : {}), sequence: slot.sequence ?? 0 }
        : {}),
    };
    if (!changed) {
      finalSlots.push(kept);
      continue;
    }
    updated++;
    if (!slot.groupId) {
      items.push([`slot:${slot.slotId}`, relaySlot(d, next, undefined)]);
      finalSlots.push(kept);
      continue;
    }
    // A booked slot that stays but changes (room, end): the group's invite is updated too.
    const marker = markerFor(slot, 'updated', next);
    effects.push({ slot, change: 'updated', next: marker });
    items.push([
      `slot:${slot.slotId}`,
      relaySlot(d, next, { groupId: slot.groupId, sequence: marker.sequence, release: false }),
    ]);
    items.push([`marker:${marker.groupId}`, putBookingMarker(d, marker, heldExpectation(slot))]);
    finalSlots.push({ ...kept, sequence: marker.sequence });
  }

  if (blocked.length && !body.force)
    throw new Conflict(
      `These slots are booked and the new layout drops them (or their booked mode): ${blocked
        .map((s) => `${s.slotId} (group ${s.groupId}, ${s.mode})`)
        .join(
          ', ',
        )}. Keep them, or send force: true with a reason to cancel those bookings (the groups are emailed)`,
      'slot_booked',
    );

  const released = effects.filter((e) => e.change === 'released');
  // The groups' mails are built before anything is written (an invite that cannot be built fails
  // the layout with nothing changed) and go in the outbox, in the same transaction.
  const mails = effects.length ? await buildEffectMails(d, course, effects, caller.email, body.reason) : [];
  if (items.length) {
    items.push([
      'audit',
      auditPut(d.tableName, {
        courseId,
        actor: caller.email,
        action: released.length ? 'slots.layout.force' : 'slots.layout',
        target: courseId,
        after: { added, updated, removed, slots: desired.length },
        ...(released.length
          ? {
              before: released.map((e) => ({
                slotId: e.slot.slotId,
                groupId: e.slot.groupId,
                mode: e.slot.mode,
              })),
            }
          : {}),
        at: now,
        ...(body.reason ? { reason: body.reason } : {}),
      }),
    ]);
    mails.flatMap((m) => bookingOutboxPuts(d, m, now)).forEach((put, i) => items.push([`outbox:${i}`, put]));
    if (items.length > MAX_ITEMS)
      throw new BadRequest(
        `This layout changes ${items.length - 1} slots and bookings at once; at most ${MAX_ITEMS - 1} fit in one change. Lay out fewer new days first, then the rest (unchanged slots cost nothing)`,
        [{ path: 'body.days', message: `too many changes at once (${items.length - 1} > ${MAX_ITEMS - 1})` }],
        'too_many_changes',
      );
  }
  if (items.length) {
    try {
      await transactOrTryAgain(d, items);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      throw new Conflict(
        'The slots or their bookings changed while this layout was being written; read them again and retry',
        'slots_changed',
      );
    }
  }
  finalSlots.sort((a, b) => a.start.localeCompare(b.start));
  return {
    slots: finalSlots.map((s) => slotView(course, s, { isStaff: true })),
    added,
    updated,
    removed,
    released: released.map((e) => ({ slotId: e.slot.slotId, groupId: e.slot.groupId ?? '' })),
  };
};

/**
 * The mails to the groups whose booking the layout changes (new or cancelled invite): one more read
 * for the groups' members (rare: only a forced or booked-slot change), then built, not sent.
 */
const buildEffectMails = async (
  d: Deps,
  course: Parameters<typeof buildBookingMail>[1],
  effects: BookingEffect[],
  actor: string,
  reason: string | undefined,
): Promise<BookingMail[]> => {
  const groupIds = [...new Set(effects.map((e) => e.next.groupId))];
  const groups = new Map(
    (
      await batchGetAll(
        d,
        groupIds.map((g) => keys.group(course.courseId, g)),
      )
    ).flatMap((i) => {
      const g = toGroup(i);
      return g ? [[g.groupId, g] as const] : [];
    }),
  );
  return effects.flatMap((e) => {
    const group = groups.get(e.next.groupId);
    return group
      ? [buildBookingMail(d, course, group, e.next, e.change, { actor, ...(reason ? { reason } : {}) })]
      : [];
  });
};
