import * as z from 'zod';
import { Email, Id } from '../domain/course-config.js';
import { StorableNumber, safeText } from '../domain/safe-input.js';
import { GroupParams } from '../groups/schemas.js';

/**
 * "members" is the one component id a course may not use: PUT …/grades/members/{email} lives next
 * to PUT …/grades/{componentId}. The course config refuses it too.
 */
export const RESERVED_COMPONENT_IDS = ['members'] as const;

export const ComponentId = Id.refine(
  (id) => !(RESERVED_COMPONENT_IDS as readonly string[]).includes(id),
  '"members" is reserved and cannot be a component id',
).meta({ description: 'A grading component id from the course config, e.g. report' });

export const GradeParams = GroupParams.extend({ componentId: ComponentId });
export const MemberGradeParams = GroupParams.extend({
  email: Email.meta({ description: "The member's email (URL-encoded)" }),
});

const Score = StorableNumber.min(0, 'must be at least 0').meta({ description: 'Within 0..scale' });
const Version = StorableNumber.int()
  .min(0)
  .meta({ description: 'The version you read; 0 or absent for a first write. A stale version gets 409.' });

export const PutGradeBody = z
  .strictObject({
    aspects: z
      .record(Id, Score)
      .optional()
      .meta({ description: 'A score per aspect, for components with aspects (all aspects required)' }),
    score: Score.optional().meta({ description: 'The score, for components without aspects' }),
    comment: safeText(z.string().trim().max(4000), { multiline: true })
      .optional()
      .meta({ description: 'Feedback for the students: published with the grade, in /me and in their mail' }),
    reason: safeText(z.string().trim().min(1, 'must not be empty').max(1000), { multiline: true })
      .optional()
      .meta({
        description:
          'Enter the grade although its rule is not met (presentation not started, no accepted report), e.g. a no-show graded 0; audited',
      }),
    version: Version.optional(),
  })
  .meta({ description: 'A group’s grade for one component; replaces the previous one' });
export type PutGradeBody = z.infer<typeof PutGradeBody>;

const PutMemberGradeShape = z.strictObject({
  componentId: ComponentId,
  adjustment: StorableNumber.optional().meta({
    description: "Added to the group's grade; the result is clamped to 0..scale",
  }),
  override: Score.optional().meta({ description: "Replaces the group's grade for this member" }),
  clear: z.literal(true).optional().meta({ description: 'Removes the adjustment or override' }),
  reason: safeText(z.string().trim().min(1, 'a reason is required').max(1000), { multiline: true }),
  version: Version.optional().meta({
    description: 'The version of this member’s change you read; 0 or absent when there is none',
  }),
});

type MemberShape = z.infer<typeof PutMemberGradeShape>;
type LooseMember = Partial<Record<keyof MemberShape, unknown>>;

const exactlyOneChange = z.superRefine<MemberShape>((value, ctx) => {
  const v = value as LooseMember;
  const given = (['adjustment', 'override', 'clear'] as const).filter((k) => v[k] !== undefined);
  if (given.length !== 1)
    ctx.addIssue({
      code: 'custom',
      path: given.length ? [given[1] ?? given[0] ?? 'adjustment'] : ['adjustment'],
      message: 'give exactly one of adjustment, override or clear',
    });
});
// Run the rule even when another field failed, so that one answer lists every problem.
exactlyOneChange._zod.def.when = (payload) => typeof payload.value === 'object' && payload.value !== null;

export const PutMemberGradeBody = PutMemberGradeShape.check(exactlyOneChange).meta({
  description:
    'Adjust (add, clamped to 0..scale), override or clear one member’s grade for one component; a reason is required',
});
export type PutMemberGradeBody = z.infer<typeof PutMemberGradeBody>;

const ComponentValues = z
  .record(z.string(), z.number().nullable())
  .meta({ description: 'Component id → value rounded by the course rule (display only), null when missing' });

const MemberChangeView = z.object({
  kind: z.enum(['adjustment', 'override']),
  value: z.number(),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
  version: z.number().int(),
});

export const GradeRowView = z.object({
  email: z.string(),
  name: z.string(),
  studentId: z.string().nullable(),
  groupId: z.string().nullable(),
  paperId: z.string().nullable(),
  components: ComponentValues,
  final: z
    .number()
    .nullable()
    .meta({ description: 'Σ weight · component, exact, rounded once by the course rule; null when missing' }),
  finalText: z.string().nullable().meta({ description: 'The final with the step’s decimals, e.g. "14.00"' }),
  finalReason: z.string().optional().meta({ description: 'Why the final is empty' }),
  exact: z.object({
    components: z.record(z.string(), z.string().nullable()),
    final: z.string().nullable(),
  }),
  changes: z.record(z.string(), MemberChangeView).optional(),
});

export const GroupGradeView = z.object({
  groupId: z.string(),
  componentId: z.string(),
  score: z.number().optional(),
  aspects: z.record(z.string(), z.number()).optional(),
  comment: z.string().optional(),
  value: z.number().nullable(),
  exact: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const MemberGradeView = z.object({
  groupId: z.string(),
  email: z.string(),
  componentId: z.string(),
  change: MemberChangeView.nullable(),
  components: ComponentValues,
  final: z.number().nullable(),
  finalText: z.string().nullable(),
  finalReason: z.string().optional(),
});

export const GroupGradesView = z.object({
  groupId: z.string(),
  paperId: z.string(),
  publishedAt: z.string().nullable(),
  components: z.array(
    z.object({
      componentId: z.string(),
      title: z.string(),
      weight: z.string(),
      grade: GroupGradeView.nullable(),
    }),
  ),
  members: z.array(
    z.object({
      email: z.string(),
      name: z.string().nullable(),
      changes: z.record(z.string(), MemberChangeView),
      components: ComponentValues,
      final: z.number().nullable(),
      finalText: z.string().nullable(),
      finalReason: z.string().optional(),
    }),
  ),
});

/** A student's own grades with the grader's feedback, as /me and the publication preview show them. */
export const StudentGradesView = z.object({
  components: ComponentValues,
  final: z.number().nullable(),
  finalText: z.string().nullable(),
  finalReason: z.string().optional(),
  complete: z.boolean().meta({ description: 'Every component is graded, so the final exists' }),
  feedback: z
    .array(
      z.object({
        componentId: z.string(),
        title: z.string(),
        weight: z.string(),
        value: z.number().nullable(),
        missing: z.string().optional().meta({ description: 'Why there is no value yet' }),
        aspects: z.array(
          z.object({ aspectId: z.string(), title: z.string(), weight: z.string(), score: z.number() }),
        ),
        comment: z.string().nullable().meta({ description: "The grader's comment for the group" }),
      }),
    )
    .meta({ description: 'Each component in course order: value, aspect scores and comment' }),
});

export const PublishBody = z
  .strictObject({
    scope: z.enum(['all', 'complete']).default('all').meta({
      description:
        "'all': every student sees their grades (mailed once complete); 'complete': only students whose grade is complete now (publish again later to add the others)",
    }),
    dryRun: z.boolean().default(false).meta({
      description: 'Write nothing and mail nobody: say who would receive what, and who is incomplete',
    }),
  })
  .meta({ description: 'Publish the grades (an empty body publishes to all)' });
export type PublishBody = z.infer<typeof PublishBody>;

const StudentRef = { email: z.string(), name: z.string(), groupId: z.string().nullable() };

export const PublishView = z.object({
  dryRun: z.boolean(),
  scope: z.enum(['all', 'complete']).meta({ description: 'The scope of the publication after this call' }),
  publishedAt: z
    .string()
    .nullable()
    .meta({ description: 'When the grades were first published; null on a dry run before any' }),
  alreadyPublished: z
    .boolean()
    .meta({ description: 'Nothing changed: already published to everyone asked for' }),
  emailed: z.number().int().meta({
    description:
      'Students whose grade mail was queued (or would be, on a dry run); the outbox sends them a moment later, at the SES rate',
  }),
  failed: z.array(z.string()).meta({
    description:
      'Always empty: the mails leave through the outbox, which retries them (GET …/mail lists dead ones)',
  }),
  recipients: z
    .array(z.object({ ...StudentRef, grades: StudentGradesView }))
    .meta({ description: 'Who is (or would be) mailed by this publication, with exactly what they receive' }),
  incomplete: z
    .array(
      z.object({
        ...StudentRef,
        reason: z.string().meta({ description: 'What is missing, e.g. no grade for Presentation (G2)' }),
        shown: z
          .boolean()
          .meta({ description: 'Sees their partial grades in /me (scope all); never mailed until complete' }),
      }),
    )
    .meta({
      description:
        'Students whose grade is not complete: not mailed, and left out of a "complete" publication',
    }),
});

export const UnpublishBody = z
  .strictObject({
    reason: safeText(z.string().trim().min(1, 'a reason is required').max(1000), { multiline: true }),
  })
  .meta({ description: 'Why the published grades are withdrawn (audited)' });
export type UnpublishBody = z.infer<typeof UnpublishBody>;

export const UnpublishView = z.object({
  publishedAt: z.string(),
  withdrawnAt: z.string(),
  reason: z.string(),
});

export const MeGradesView = StudentGradesView.extend({
  scale: z.number(),
  publishedAt: z.string(),
})
  .nullable()
  .meta({ description: 'Null until the grades are published to this student (and after a withdrawal)' });
