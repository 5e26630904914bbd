import * as z from 'zod';
import { safeText } from '../domain/safe-input.js';
import { DateTime } from 'luxon';
import { CourseId, PresentationMode } from '../domain/course-config.js';
import { isWellFormedSlotId, SLOT_ID } from '../domain/slot-rules.js';
import { GroupId } from '../groups/schemas.js';

const SLOT_ID_MESSAGE = 'not a slot id: expected the slot start as YYYY-MM-DDTHH:mm in the course time zone';
export const SlotId = z
  .string()
  .regex(SLOT_ID, SLOT_ID_MESSAGE)
  .refine(isWellFormedSlotId, SLOT_ID_MESSAGE)
  .meta({
    description: 'Slot id: its start as wall-clock time in the course zone',
    example: '2023-05-15T09:00',
  });

const DateText = z
  .string()
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid,
    'expected a date YYYY-MM-DD',
  )
  .meta({ example: '2023-05-15' });

const TimeText = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a wall-clock time HH:mm')
  .meta({ example: '09:00' });

const Reason = safeText(z.string().trim().min(1).max(1000), { multiline: true });

export const LayoutDay = z.strictObject({
  date: DateText,
  start: TimeText,
  end: TimeText,
  room: safeText(z.string().trim().max(200)).optional(),
  /** Defaults to every mode the course offers. */
  modes: z.array(PresentationMode).min(1).optional(),
});

export const LayoutSlotsBody = z
  .strictObject({
    days: z.array(LayoutDay).max(100),
    force: z.boolean().optional().meta({
      description:
        'Cancel the bookings of booked slots that this layout drops (the groups are emailed); needs a reason',
    }),
    reason: Reason.optional().meta({ description: 'Why (required with force); recorded in the audit log' }),
  })
  .superRefine((b, ctx) => {
    if (b.force && !b.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reason is required with force: true' });
  })
  .meta({
    example: {
      days: [
        {
          date: '2023-05-15',
          start: '09:00',
          end: '12:00',
          room: 'Room C103',
          modes: ['in-person', 'remote'],
        },
      ],
    },
  });
export type LayoutSlotsBody = z.infer<typeof LayoutSlotsBody>;

export const BookingBody = z.strictObject({
  slotId: SlotId,
  mode: PresentationMode,
  reason: Reason.optional().meta({
    description: "Instructors: required when acting outside the students' rules; recorded in the audit log",
  }),
});
export type BookingBody = z.infer<typeof BookingBody>;

export const CancelBookingQuery = z.object({
  reason: Reason.optional().meta({
    description:
      "Instructors: required when cancelling outside the students' window; recorded in the audit log",
  }),
});

export const SlotsParams = z.object({ courseId: CourseId });
export const BookingParams = z.object({ courseId: CourseId, groupId: GroupId });

export const SlotView = z.object({
  slotId: z.string(),
  start: z.string().meta({ description: 'ISO 8601 instant with the course offset' }),
  end: z.string().meta({ description: 'ISO 8601 instant with the course offset' }),
  room: z.string().nullable(),
  modes: z.array(PresentationMode),
  available: z.boolean(),
  yours: z.boolean().optional().meta({ description: "Students: true on their own group's slot" }),
  groupId: z.string().nullable().optional().meta({ description: 'Instructors only: the group holding it' }),
  mode: PresentationMode.nullable().optional().meta({ description: 'Instructors only: the booked mode' }),
});

export const LayoutResult = z.object({
  slots: z.array(SlotView),
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  released: z.array(z.object({ slotId: z.string(), groupId: z.string() })),
});

export const BookingView = z.object({
  groupId: z.string(),
  status: z.enum(['booked', 'cancelled']),
  slotId: z.string(),
  start: z.string(),
  end: z.string(),
  room: z.string().nullable(),
  mode: PresentationMode,
  meetingUrl: z.string().optional(),
  sequence: z.number().int(),
  changeUntil: z.string().meta({ description: 'Students may move or cancel until this instant' }),
  timeZone: z.string(),
});
