import * as z from 'zod';

/**
 * GET /courses/{courseId}/papers: what any course member may know about the papers' load. Counts
 * only: which groups took a paper, and who is in them, stays with the instructors (GET …/groups).
 */
export const PaperAvailability = z.object({
  id: z.string(),
  title: z.string(),
  groups: z.number().int().meta({ description: 'Groups that chose this paper' }),
  cap: z.number().int().nullable().meta({ description: 'groups.maxGroupsPerPaper, null when uncapped' }),
  seatsLeft: z.number().int().nullable().meta({
    description: 'Groups that may still choose it (cap − groups, never below 0); null when uncapped',
  }),
  full: z.boolean(),
});

export const PapersView = z.object({
  papers: z.array(PaperAvailability).meta({ description: 'Every paper of the course, in course order' }),
});
export type PapersView = z.infer<typeof PapersView>;
