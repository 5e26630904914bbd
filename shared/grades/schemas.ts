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
    comment: safeText(z.string().trim().max(4000), { multiline: true }).optional(),
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

export const PublishView = z.object({
  publishedAt: z.string(),
  alreadyPublished: z.boolean(),
  emailed: z.number().int().meta({
    description:
      'Students whose grade mail was queued (the outbox sends them a moment later, at the SES rate)',
  }),
  failed: z.array(z.string()).meta({
    description:
      'Always empty: the mails leave through the outbox, which retries them (GET …/mail lists dead ones)',
  }),
});

export const MeGradesView = z
  .object({
    components: ComponentValues,
    final: z.number().nullable(),
    finalText: z.string().nullable(),
    finalReason: z.string().optional(),
    scale: z.number(),
    publishedAt: z.string(),
  })
  .nullable();
