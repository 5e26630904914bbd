import * as z from 'zod';
import { Id } from '../domain/course-config.js';

/** PUT …/groups/{groupId}/preferences: the papers best first; unknown or repeated ids are named by index. */
export const PutPreferencesBody = z.strictObject({
  ranking: z
    .array(Id.meta({ description: 'A paper id of the course' }))
    .max(500)
    .meta({
      description:
        'Paper ids, best first, each at most once; any number of them ([] withdraws the ranking). Papers not ranked are given only if none ranked has a seat left',
    }),
});
export type PutPreferencesBody = z.infer<typeof PutPreferencesBody>;

const Deadline = z.object({
  at: z.string().meta({ description: 'ISO 8601 instant with the course offset' }),
  local: z.string(),
  timeZone: z.string(),
});

export const PreferencesView = z.object({
  groupId: z.string(),
  ranking: z
    .array(z.object({ rank: z.number().int(), paperId: z.string(), title: z.string() }))
    .meta({ description: 'The stored ranking, best first; empty when the group ranked nothing' }),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  paperId: z.string().nullable().meta({ description: 'The paper the group has now, null when none yet' }),
  used: z.boolean().meta({
    description:
      'false when the group already has a paper: it keeps it at the deadline and its ranking is not used',
  }),
  deadline: Deadline.meta({ description: 'Rankings can be changed until the group deadline' }),
});
export type PreferencesView = z.infer<typeof PreferencesView>;

const AllocatedGroup = z.object({
  groupId: z.string(),
  members: z.array(z.string()).meta({ description: 'Members now (the group may have changed since)' }),
  priority: z
    .number()
    .int()
    .meta({ description: 'Position in the published order (1 = first): settles ties' }),
  key: z
    .string()
    .meta({ description: 'SHA-256 (hex) of "<seed>:<groupId>"; the published order sorts by it' }),
  ranking: z.array(z.string()).meta({ description: 'The ranking used, best first' }),
  paperId: z.string().nullable(),
  rank: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Rank of paperId in the ranking; null if not ranked' }),
  placedBy: z.enum(['ranked', 'seats-left', 'unplaced']).meta({
    description:
      'ranked: a paper it ranked; seats-left: no ranked paper could be given, so a paper with seats left (fewest groups first); unplaced: every paper is full',
  }),
});

export const AllocationView = z.object({
  state: z.enum(['preview', 'done']).meta({
    description:
      'preview: a dry run over the current rankings (nothing is written); done: what the group-deadline job did',
  }),
  mode: z.enum(['first-come', 'ranked']),
  seed: z.string().meta({ description: 'The tie-break seed (the course id)' }),
  computedAt: z.string(),
  deadline: Deadline,
  groups: z
    .array(AllocatedGroup)
    .meta({ description: 'The groups without a paper at the time, in the published order' }),
  report: z.object({
    waiting: z.number().int().meta({ description: 'Groups without a paper' }),
    kept: z.number().int().meta({ description: 'Groups that already had a paper and keep it' }),
    ranked: z.number().int().meta({ description: 'Groups without a paper that ranked papers' }),
    byRank: z
      .array(z.object({ rank: z.number().int(), groups: z.number().int() }))
      .meta({ description: 'How many groups got their 1st, 2nd, … choice' }),
    onUnranked: z.number().int().meta({ description: 'Placed on a paper with seats left they did not rank' }),
    unplaced: z.number().int().meta({ description: 'Left without a paper: every paper was full' }),
  }),
});
export type AllocationView = z.infer<typeof AllocationView>;
