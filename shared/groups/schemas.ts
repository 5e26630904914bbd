import * as z from 'zod';
import { CourseId, Id } from '../domain/course-config.js';
import { safeText } from '../domain/safe-input.js';

export const GroupId = z
  .string()
  .regex(/^g_[A-Za-z0-9_-]{10,40}$/, 'not a group id')
  .meta({ description: 'Opaque group id, e.g. g_3kQ9…' });

export const GroupParams = z.object({ courseId: CourseId, groupId: GroupId });

/** A member's email, lower-cased; a bad one is named in the 400. */
export const MemberEmail = z
  .email({ error: (issue) => `${JSON.stringify(issue.input)} is not an email address` })
  .max(254)
  .transform((e) => e.toLowerCase());

/** Path parameters may reach the handler still percent-encoded (a@b → a%40b); an email has no '%'. */
const decodePercent = (value: unknown) => {
  if (typeof value !== 'string' || !value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

const EmailParam = (description: string) => z.preprocess(decodePercent, MemberEmail).meta({ description });

export const MemberParams = z.object({
  courseId: CourseId,
  groupId: GroupId,
  email: EmailParam('The member to remove (URL-encoded)'),
});

export const InviteeParams = z.object({
  courseId: CourseId,
  groupId: GroupId,
  email: EmailParam('The invited student (URL-encoded)'),
});

/** The largest group any course may configure (groups.maxSize ≤ 50). */
const MAX_LISTED = 50;
const MemberList = z
  .array(MemberEmail)
  .min(1, 'at least one member')
  .max(MAX_LISTED, `at most ${MAX_LISTED} members`);

const Reason = safeText(z.string().trim().min(1).max(1000), { multiline: true }).meta({
  description:
    'Why an instructor makes this change; required from instructors after the group deadline, recorded in the audit log',
});

export const CreateGroupBody = z.strictObject({
  members: MemberList.meta({
    description:
      'Members’ emails. From a student: the student (who joins at once) and the classmates to invite, who join only when they accept. From an instructor: members placed directly (audited)',
  }),
  paperId: Id.optional().meta({
    description:
      'The paper (first-come courses); may be chosen later. Not allowed in courses that allocate papers from rankings',
  }),
  reason: Reason.optional(),
});
export type CreateGroupBody = z.infer<typeof CreateGroupBody>;

export const UpdateGroupBody = z
  .strictObject({
    paperId: Id.optional().meta({ description: 'Move the group to this paper (its seat moves with it)' }),
    addMembers: MemberList.optional().meta({
      description:
        'Roster students in no group: from a member, invited (they join when they accept); from an instructor, added directly',
    }),
    reason: Reason.optional(),
  })
  .refine((b) => b.paperId !== undefined || b.addMembers !== undefined, {
    message: 'nothing to change: give paperId and/or addMembers',
  });
export type UpdateGroupBody = z.infer<typeof UpdateGroupBody>;

export const RemoveMemberQuery = z.object({ reason: Reason.optional() });

export const GroupMemberView = z.object({ email: z.string(), name: z.string().nullable() });

export const InvitationView = z.object({
  email: z.string(),
  name: z.string().nullable(),
  status: z.enum(['pending', 'lapsed']).meta({
    description: 'pending until the invitee accepts or declines; lapsed once the group deadline has passed',
  }),
});

/** An open invitation as the invitee sees it in /me. */
export const MeInvitationView = z.object({
  groupId: z.string(),
  members: z.array(z.string()).meta({ description: 'The group’s accepted members (emails)' }),
  paper: z.object({ id: z.string(), title: z.string(), url: z.string() }).nullable(),
  size: z.object({ members: z.number().int(), max: z.number().int() }),
  status: z.enum(['pending', 'lapsed']),
});
export type MeInvitationView = z.infer<typeof MeInvitationView>;

export const GroupView = z.object({
  groupId: z.string(),
  courseId: z.string(),
  members: z
    .array(GroupMemberView)
    .meta({ description: 'Accepted members: only they count for the size rules' }),
  invitations: z.array(InvitationView).meta({ description: 'Classmates invited who have not answered' }),
  paperId: z.string().nullable().meta({ description: 'null until the group has a paper' }),
  paper: z.object({ id: z.string(), title: z.string(), url: z.string() }).nullable(),
  status: z
    .enum(['complete', 'incomplete'])
    .meta({ description: 'incomplete while the group has fewer than groups.minSize members' }),
  size: z.object({ members: z.number().int(), min: z.number().int(), max: z.number().int() }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GroupView = z.infer<typeof GroupView>;

export const GroupListView = z.object({
  groups: z.array(GroupView).meta({ description: 'Every group of the course, oldest first' }),
  unassigned: z
    .array(z.object({ email: z.string(), name: z.string() }))
    .meta({ description: 'Roster students who are in no group' }),
  papers: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        groups: z.number().int().meta({ description: 'Groups that chose this paper' }),
        cap: z
          .number()
          .int()
          .nullable()
          .meta({ description: 'groups.maxGroupsPerPaper, null when uncapped' }),
        full: z.boolean(),
      }),
    )
    .meta({ description: 'Every paper of the course with its load' }),
  counts: z.object({
    groups: z.number().int(),
    complete: z.number().int(),
    incomplete: z.number().int(),
    students: z.number().int(),
    unassigned: z.number().int(),
  }),
  deadline: z.object({
    at: z.string().meta({ description: 'ISO 8601 instant with the course offset' }),
    local: z.string(),
    timeZone: z.string(),
  }),
});

export const EndInvitationResult = z.object({
  groupId: z.string(),
  email: z.string(),
  ended: z
    .enum(['declined', 'withdrawn'])
    .meta({ description: 'declined by the invitee, or withdrawn by the group or an instructor' }),
});

export const RemoveMemberResult = z.object({
  groupId: z.string(),
  removed: z.string(),
  deleted: z
    .boolean()
    .meta({ description: 'true when the group became empty and was deleted (its paper seat freed)' }),
  group: GroupView.nullable(),
});
