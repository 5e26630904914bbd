import * as z from 'zod';
import { PresentationMode } from '../domain/course-config.js';
import { MeGradesView } from '../grades/schemas.js';
import { GroupView, MeInvitationView } from '../groups/schemas.js';
import { RegradeView } from '../regrades/schemas.js';
import { MemberStatementView, SubmissionView } from '../uploads/schemas.js';
import { DeadlineView } from './schemas.js';

/** GET /me, as documented in openapi.json (the web app's types are generated from it). */
export const MeDeliverableView = z.object({
  deliverableId: z.string(),
  title: z.string(),
  ownerKind: z.enum(['group', 'student']),
  owner: z.string().nullable().meta({ description: 'Group id or own email; null while in no group' }),
  required: z.boolean(),
  due: z.string(),
  deadline: z.string().meta({ description: 'Last on-time instant for this owner (extension, grace)' }),
  extended: z.boolean(),
  state: z.enum(['none', 'submitted', 'late']),
  counting: SubmissionView.nullable(),
  versions: z.array(SubmissionView).meta({ description: 'Every version received, newest first' }),
  statements: z.array(MemberStatementView).optional().meta({
    description:
      "Deliverables that require contributions: each current member's statement and whether they confirmed it",
  }),
});

export const MeBookingView = z
  .object({
    slotId: z.string(),
    start: z.string(),
    end: z.string(),
    room: z.string().nullable(),
    mode: PresentationMode,
    meetingUrl: z.string().optional(),
  })
  .nullable();

export const MeView = z.object({
  courseId: z.string(),
  student: z.object({ email: z.string(), name: z.string(), studentId: z.string().nullable() }),
  group: GroupView.nullable(),
  invitations: z.array(MeInvitationView).meta({
    description: 'Open invitations to groups (empty once in a group: accepting withdraws the others)',
  }),
  submissions: z.array(MeDeliverableView),
  booking: MeBookingView,
  grades: MeGradesView,
  regrades: z.array(RegradeView).meta({
    description: 'Your regrade requests and their answers (courses with grading.regradeDays)',
  }),
  deadlines: z.array(DeadlineView),
});
export type MeView = z.infer<typeof MeView>;
