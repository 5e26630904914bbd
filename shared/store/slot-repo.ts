import * as z from 'zod';
import { PresentationMode } from '../domain/course-config.js';
import { defineEntity } from './entity.js';
import { queryCourse, type Db, type Item, type TransactItem } from './table-ops.js';
import { coursePk, keys, prefixes } from './keys.js';

/**
 * Presentation slots and bookings. A booking lives on two items written together: the slot names
 * the group holding it, and the group's booking marker (`keys.booking`) names the slot. The group
 * item itself is never written here (group edits replace it whole).
 */
export const slotEntity = defineEntity({
  type: 'slot',
  schema: z.object({
    courseId: z.string(),
    slotId: z.string(),
    /** Instants, ISO in UTC. */
    start: z.string(),
    end: z.string(),
    room: z.string().nullable().default(null),
    modes: z.array(PresentationMode).default([]),
    /** Set while a group holds the slot. */
    groupId: z.string().optional(),
    mode: PresentationMode.optional(),
    /** The holder's booking marker sequence, so the slot's writers can keep the marker in step. */
    sequence: z.number().optional(),
    bookedAt: z.string().optional(),
    bookedBy: z.string().optional(),
  }),
  key: (s) => keys.slot(s.courseId, s.slotId),
});
export type SlotRecord = z.output<typeof slotEntity.schema>;

export type BookingStatus = 'booked' | 'cancelled';

/**
 * The group's side of a booking; kept after a cancel so the invite's SEQUENCE keeps increasing.
 * The status is not stored: a marker is booked while it has a slotId.
 */
export const bookingEntity = defineEntity({
  type: 'booking',
  schema: z.object({
    courseId: z.string(),
    groupId: z.string(),
    status: z.enum(['booked', 'cancelled']),
    /** Present only while booked: the attribute the booking conditions test. */
    slotId: z.string().optional(),
    /** The slot of the last event sent (the cancelled one after a cancel). */
    eventSlotId: z.string(),
    start: z.string(),
    end: z.string(),
    room: z.string().nullable().default(null),
    mode: PresentationMode,
    /** iCalendar SEQUENCE of the group's invite: 0 for the first booking, +1 on every change. */
    sequence: z.number(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  }),
  key: (b) => keys.booking(b.courseId, b.groupId),
  decode: (item) => ({ ...item, status: item.slotId ? 'booked' : 'cancelled' }),
  encode: ({ status: _status, ...rest }) => rest,
});
export type BookingRecord = z.output<typeof bookingEntity.schema>;

export const toSlot = (item: Item | undefined): SlotRecord | undefined => slotEntity.parse(item);
export const toBooking = (item: Item | undefined): BookingRecord | undefined => bookingEntity.parse(item);

export const findSlot = (items: Item[], courseId: string, slotId: string) =>
  toSlot(items.find((i) => i.pk === coursePk(courseId) && i.sk === keys.slot(courseId, slotId).sk));

export const findBooking = (items: Item[], courseId: string, groupId: string) =>
  toBooking(items.find((i) => i.pk === coursePk(courseId) && i.sk === keys.booking(courseId, groupId).sk));

/** Every slot of a course, in time order (slot ids are local start times, so sk order is time order). */
export const listSlots = async (d: Db, courseId: string): Promise<SlotRecord[]> =>
  slotEntity
    .parseAll(await queryCourse(d, coursePk(courseId), prefixes.slot))
    .sort((a, b) => a.start.localeCompare(b.start));

const slotItem = (s: SlotRecord) => slotEntity.toItem(s);
const bookingItem = (b: BookingRecord) => bookingEntity.toItem(b);

/** Returning the item that failed its condition lets a 409 say what was found instead. */
const returnOld = { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const };

/** A new slot, only where none is. */
export const putNewSlot = (d: Db, s: SlotRecord): TransactItem => ({
  Put: { TableName: d.tableName, Item: slotItem(s), ConditionExpression: 'attribute_not_exists(pk)' },
});

/**
 * Re-lays an existing slot (times, room, modes) only if its booking is still the one the layout was
 * computed from. A held slot keeps its group (with the marker's new sequence) unless `release`.
 */
export const relaySlot = (
  d: Db,
  s: Pick<SlotRecord, 'courseId' | 'slotId' | 'start' | 'end' | 'room' | 'modes'>,
  held: { groupId: string; sequence: number; release: boolean } | undefined,
): TransactItem => {
  const set = 'SET #start = :start, #end = :end, room = :room, modes = :modes';
  return {
    Update: {
      TableName: d.tableName,
      Key: keys.slot(s.courseId, s.slotId),
      UpdateExpression: !held
        ? set
        : held.release
          ? `${set} REMOVE groupId, #mode, #seq, bookedAt, bookedBy`
          : `${set}, #seq = :seq`,
      ConditionExpression: held ? 'groupId = :g' : 'attribute_exists(pk) AND attribute_not_exists(groupId)',
      ExpressionAttributeNames: {
        '#start': 'start',
        '#end': 'end',
        ...(held?.release ? { '#mode': 'mode' } : {}),
        ...(held ? { '#seq': 'sequence' } : {}),
      },
      ExpressionAttributeValues: {
        ':start': s.start,
        ':end': s.end,
        ':room': s.room,
        ':modes': s.modes,
        ...(held ? { ':g': held.groupId } : {}),
        ...(held && !held.release ? { ':seq': held.sequence } : {}),
      },
    },
  };
};

/** Deletes a slot only in the booking state it was read in (free, or held by that group). */
export const deleteSlot = (
  d: Db,
  courseId: string,
  slotId: string,
  heldBy: string | undefined,
): TransactItem => ({
  Delete: {
    TableName: d.tableName,
    Key: keys.slot(courseId, slotId),
    ConditionExpression: heldBy ? 'groupId = :g' : 'attribute_not_exists(groupId)',
    ...(heldBy ? { ExpressionAttributeValues: { ':g': heldBy } } : {}),
  },
});

/** Takes a slot for a group: only an existing slot that no group holds. One group per slot. */
export const claimSlot = (
  d: Db,
  courseId: string,
  slotId: string,
  hold: { groupId: string; mode: PresentationMode; sequence: number; at: string; by: string },
): TransactItem => ({
  Update: {
    TableName: d.tableName,
    Key: keys.slot(courseId, slotId),
    UpdateExpression: 'SET groupId = :g, #mode = :m, #seq = :seq, bookedAt = :at, bookedBy = :by',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(groupId)',
    ExpressionAttributeNames: { '#mode': 'mode', '#seq': 'sequence' },
    ExpressionAttributeValues: {
      ':g': hold.groupId,
      ':m': hold.mode,
      ':seq': hold.sequence,
      ':at': hold.at,
      ':by': hold.by,
    },
    ...returnOld,
  },
});

/** Changes the mode (and the marker's sequence copy) of a slot the group holds. */
export const rewriteHeldSlot = (
  d: Db,
  courseId: string,
  slotId: string,
  hold: { groupId: string; mode: PresentationMode; sequence: number },
): TransactItem => ({
  Update: {
    TableName: d.tableName,
    Key: keys.slot(courseId, slotId),
    UpdateExpression: 'SET #mode = :m, #seq = :seq',
    ConditionExpression: 'groupId = :g',
    ExpressionAttributeNames: { '#mode': 'mode', '#seq': 'sequence' },
    ExpressionAttributeValues: { ':g': hold.groupId, ':m': hold.mode, ':seq': hold.sequence },
    ...returnOld,
  },
});

/** Frees a slot, only from the group that holds it. */
export const releaseSlot = (d: Db, courseId: string, slotId: string, groupId: string): TransactItem => ({
  Update: {
    TableName: d.tableName,
    Key: keys.slot(courseId, slotId),
    UpdateExpression: 'REMOVE groupId, #mode, #seq, bookedAt, bookedBy',
    ConditionExpression: 'groupId = :g',
    ExpressionAttributeNames: { '#mode': 'mode', '#seq': 'sequence' },
    ExpressionAttributeValues: { ':g': groupId },
    ...returnOld,
  },
});

/** Removes a deleted group's booking marker, only while it still holds the slot that is released with it. */
export const deleteBookingMarker = (
  d: Db,
  courseId: string,
  groupId: string,
  slotId: string,
): TransactItem => ({
  Delete: {
    TableName: d.tableName,
    Key: keys.booking(courseId, groupId),
    ConditionExpression: 'slotId = :s',
    ExpressionAttributeValues: { ':s': slotId },
  },
});

/**
 * The state of the marker the writer read: none, free (cancelled) at a sequence, or holding a slot
 * at a sequence. Every marker write bumps the sequence, so this is also an optimistic lock.
 */
export type MarkerExpectation =
  | { kind: 'absent' }
  | { kind: 'free'; sequence: number }
  | { kind: 'held'; slotId: string; sequence: number };

export const expectationOf = (b: BookingRecord | undefined): MarkerExpectation =>
  !b
    ? { kind: 'absent' }
    : b.slotId
      ? { kind: 'held', slotId: b.slotId, sequence: b.sequence }
      : { kind: 'free', sequence: b.sequence };

/**
 * Writes the group's booking marker. A book needs `attribute_not_exists(slotId)`; a move or cancel
 * needs `slotId = :old`; both also need the sequence that was read.
 */
export const putBookingMarker = (d: Db, next: BookingRecord, expect: MarkerExpectation): TransactItem => {
  const base = { TableName: d.tableName, Item: bookingItem(next), ...returnOld };
  if (expect.kind === 'absent')
    return {
      Put: { ...base, ConditionExpression: 'attribute_not_exists(slotId) AND attribute_not_exists(pk)' },
    };
  if (expect.kind === 'free')
    return {
      Put: {
        ...base,
        ConditionExpression: 'attribute_not_exists(slotId) AND #seq = :seq',
        ExpressionAttributeNames: { '#seq': 'sequence' },
        ExpressionAttributeValues: { ':seq': expect.sequence },
      },
    };
  return {
    Put: {
      ...base,
      ConditionExpression: 'slotId = :old AND #seq = :seq',
      ExpressionAttributeNames: { '#seq': 'sequence' },
      ExpressionAttributeValues: { ':old': expect.slotId, ':seq': expect.sequence },
    },
  };
};

/**
 * The group exists and, when asked, still has at least `minSize` members and still counts `member`
 * among them: checked by the transaction, not only by the read before it.
 */
export const groupCheck = (
  d: Db,
  courseId: string,
  groupId: string,
  rules: { minSize?: number; member?: string },
): TransactItem => {
  const parts = ['attribute_exists(pk)'];
  const values: Record<string, unknown> = {};
  if (rules.minSize !== undefined) {
    parts.push('size(members) >= :min');
    values[':min'] = rules.minSize;
  }
  if (rules.member !== undefined) {
    parts.push('contains(members, :me)');
    values[':me'] = rules.member;
  }
  return {
    ConditionCheck: {
      TableName: d.tableName,
      Key: keys.group(courseId, groupId),
      ConditionExpression: parts.join(' AND '),
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      ...returnOld,
    },
  };
};
