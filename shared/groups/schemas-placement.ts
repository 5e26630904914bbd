import * as z from 'zod';
import { safeText } from '../domain/safe-input.js';

export const PlaceUnassignedBody = z.strictObject({
  reason: safeText(z.string().trim().min(1).max(1000), { multiline: true }).meta({
    description: 'Recorded in the audit log with each placement',
  }),
  dryRun: z.boolean().default(false),
});
export type PlaceUnassignedBody = z.infer<typeof PlaceUnassignedBody>;

const PlacementView = z.object({
  kind: z.enum(['join', 'create']),
  groupId: z.string().optional(),
  members: z.array(z.string()),
  paperId: z.string().optional(),
});

export const PlaceUnassignedResult = z.object({
  dryRun: z.boolean(),
  placements: z.array(PlacementView),
  unplaced: z.array(z.string()),
  failed: z.array(z.object({ placement: PlacementView, error: z.string() })),
});
