import * as z from 'zod';
import { Email, Id } from '../domain/course-config.js';
import { StorableNumber, safeText } from '../domain/safe-input.js';
import { ComponentId, GradeParams, GroupGradeView, PutGradeBody } from '../grades/schemas.js';
import { GroupId } from '../groups/schemas.js';

/**
 * A path's {groupId} on the marking routes and the grade PUT: a group id, or the label a group is
 * shown under (S-1A2B3C4D), resolved through the component's assignments. A grader kept anonymous
 * addresses an anonymous component by label only.
 */
export const GroupRef = z
  .string()
  .regex(/^(g_[A-Za-z0-9_-]{10,40}|S-[0-9A-F]{8})$/, 'not a group id or a label (S-1A2B3C4D)')
  .meta({ description: 'A group id (g_3kQ9…) or the label the group is shown under (S-1A2B3C4D)' });

export const MarkParams = GradeParams.extend({ groupId: GroupRef });

/** A grade as a grader may see it: no group id while the component is anonymous for them. */
export const MarkedGradeView = GroupGradeView.extend({
  groupId: z.string().nullable().meta({ description: 'Null while the component is anonymous for you' }),
  label: z.string().meta({ description: 'The label the group is shown under' }),
});

const Graders = z
  .array(Email)
  .max(10)
  .refine((list) => new Set(list).size === list.length, 'a grader is listed twice');

export const PutAssignmentsBody = z
  .strictObject({
    assignments: z
      .array(
        z.strictObject({
          groupId: GroupId,
          componentId: ComponentId,
          graders: Graders.meta({
            description:
              'Instructors who mark this group for this component (exactly two for a second-marked component); [] removes the assignment',
          }),
        }),
      )
      .min(1)
      .max(500),
  })
  .meta({ description: 'Set the graders of each listed (group, component); pairs not listed are unchanged' });
export type PutAssignmentsBody = z.infer<typeof PutAssignmentsBody>;

export const AssignmentView = z.object({
  groupId: z.string(),
  componentId: z.string(),
  graders: z.array(z.string()),
});

export const AssignmentsView = z.object({
  assignments: z
    .array(AssignmentView)
    .meta({ description: 'Every assignment of the components this call touched, after it' }),
});

/** An independent mark: a score or aspect scores, a comment for the lead, a reason to waive the entry rule. */
export const PutMarkBody = PutGradeBody.omit({ version: true }).meta({
  description:
    'Your independent mark of a second-marked component (replaceable until the other mark is in); "reason" enters it before its rule is met, as for grades',
});
export type PutMarkBody = z.infer<typeof PutMarkBody>;

const Score = StorableNumber.min(0, 'must be at least 0');

export const AgreeBody = z
  .strictObject({
    accept: z
      .union([z.literal('mean'), Email])
      .optional()
      .meta({
        description: '"mean" (within the threshold only), or the email of the grader whose mark is the final',
      }),
    score: Score.optional().meta({
      description: 'A final of your own (components without aspects); needs a reason',
    }),
    aspects: z
      .record(Id, Score)
      .optional()
      .meta({ description: 'A final of your own, per aspect; needs a reason' }),
    comment: safeText(z.string().trim().max(4000), { multiline: true })
      .optional()
      .meta({ description: "The students' feedback (default: the accepted grader's comment)" }),
    reason: safeText(z.string().trim().min(1, 'must not be empty').max(1000), { multiline: true })
      .optional()
      .meta({ description: 'Required over the threshold and for a final of your own; audited' }),
    version: StorableNumber.int()
      .min(0)
      .optional()
      .meta({ description: "The group grade's version you read; 0 or absent for the first agreement" }),
  })
  .meta({ description: 'The lead agrees the final of two independent marks: it becomes the group grade' });
export type AgreeBody = z.infer<typeof AgreeBody>;

const Member = z.object({ email: z.string(), name: z.string().nullable() });

export const MarkView = z.object({
  grader: z.string(),
  score: z.number().optional(),
  aspects: z.record(z.string(), z.number()).optional(),
  comment: z.string().optional(),
  value: z.number().meta({ description: 'Rounded by the course rule (display only)' }),
  exact: z.string().meta({ description: 'The exact value, e.g. "43/3"' }),
  at: z.string(),
});

export const MarksView = z.object({
  groupId: z.string().nullable().meta({ description: 'Null while anonymous for you' }),
  label: z.string().meta({ description: 'The opaque label the group is shown under' }),
  componentId: z.string(),
  anonymous: z.boolean().meta({ description: 'Members are hidden from you (anonymous until published)' }),
  members: z.array(Member).nullable().meta({ description: 'Null while anonymous' }),
  graders: z.array(z.string()),
  marks: z
    .array(MarkView)
    .meta({ description: 'The marks in; a grader sees the other only once theirs is in' }),
  difference: z.string().nullable().meta({ description: 'Exact |a − b| once both marks are in' }),
  threshold: z.number(),
  flagged: z
    .boolean()
    .nullable()
    .meta({ description: 'The difference is over the threshold; null until both are in' }),
  version: z.number().int().meta({ description: 'Of the marks item (0: none yet)' }),
  agreed: MarkedGradeView.nullable().meta({ description: 'The group grade once the lead agreed a final' }),
});

const QueueItem = z.object({
  groupId: z.string().nullable().meta({ description: 'Null while anonymous for you: address it by label' }),
  label: z.string().meta({ description: 'Usable in paths in place of the group id' }),
  paperId: z
    .string()
    .nullable()
    .meta({ description: 'Kept while anonymous: the report discusses it (a residual hint)' }),
  componentId: z.string(),
  anonymous: z.boolean(),
  members: z.array(Member).nullable().meta({ description: 'Null while anonymous for you' }),
  graders: z.array(z.string()),
  secondMarking: z.boolean(),
  markedBy: z
    .array(z.string())
    .meta({ description: 'Graders whose mark is in (second marking), or who entered the grade' }),
  done: z
    .boolean()
    .meta({ description: 'Your part is done: your mark (or the grade) is in; for the lead, the grade' }),
  graded: z.boolean().meta({ description: 'The group grade exists (agreed, for second marking)' }),
  grade: z
    .object({
      version: z.number().int(),
      score: z.number().optional(),
      aspects: z.record(z.string(), z.number()).optional(),
      comment: z.string().optional(),
    })
    .nullable()
    .meta({
      description:
        'A single-marked component: the grade as entered, with the version to send to change it (PUT …/grades); null otherwise',
    }),
  flagged: z
    .boolean()
    .nullable()
    .meta({ description: 'Both marks in and over the threshold; null otherwise' }),
});

const Progress = z.object({ assigned: z.number().int(), done: z.number().int() });

export const QueueView = z.object({
  role: z.enum(['lead', 'grader']),
  anonymous: z.boolean().meta({
    description:
      'You are a grader kept anonymous: until publication every route but the course, marking and grade entry refuses you',
  }),
  publishedAt: z.string().nullable(),
  items: z.array(QueueItem),
  progress: Progress.meta({ description: 'Yours: assigned items and those done' }),
  graders: z
    .array(Progress.extend({ email: z.string() }))
    .nullable()
    .meta({ description: "The lead's view: every grader's progress; null for graders" }),
  toAgree: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Lead: second-marked items with both marks in, not agreed' }),
});

export const ReportLinkView = z.object({
  groupId: z.string().nullable().meta({ description: 'Null while the component is anonymous for you' }),
  label: z.string(),
  componentId: z.string(),
  deliverableId: z.string(),
  url: z.string().meta({ description: 'A presigned GET of the stored version, valid 5 minutes' }),
  expiresAt: z.string(),
  fileName: z.string().meta({
    description: 'The label and extension while anonymous for you (S-1A2B3C4D.pdf), else the original',
  }),
  pages: z.number().int().nullable(),
  sha256: z.string(),
  receivedAt: z.string().meta({ description: 'In course time' }),
});
