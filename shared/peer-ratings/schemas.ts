import * as z from 'zod';
import { StorableNumber } from '../domain/safe-input.js';
import { GroupParams } from '../groups/schemas.js';

export const PEER_SCORE_MIN = 1;
export const PEER_SCORE_MAX = 5;

export const PeerRatingParams = GroupParams;

export const PutPeerRatingsBody = z.strictObject({
  ratings: z
    .record(
      z.string().max(254),
      StorableNumber.int('a whole number from 1 to 5')
        .min(PEER_SCORE_MIN, 'a whole number from 1 to 5')
        .max(PEER_SCORE_MAX, 'a whole number from 1 to 5'),
    )
    .meta({
      description:
        'Member email -> score from 1 (far less than a fair share) to 5 (far more), for every member of the group, yourself included',
      example: { 'ines.garcia@students.example': 3, 'lucas.martin@students.example': 4 },
    }),
});
export type PutPeerRatingsBody = z.infer<typeof PutPeerRatingsBody>;

export const OwnPeerRatingView = z.object({
  courseId: z.string(),
  groupId: z.string(),
  rater: z.string(),
  ratings: z.record(z.string(), z.number()),
  ratedAt: z.string(),
});

export const PeerFactorView = z.object({
  email: z.string(),
  factor: z.string().nullable().meta({
    description: 'Suggested WebPA factor as an exact fraction ("9/8"); null while nobody has rated',
  }),
  factorValue: z.number().nullable().meta({ description: 'The same factor as a number, for display' }),
});

export const PeerRatingsView = z.object({
  courseId: z.string(),
  groupId: z.string(),
  enabled: z.boolean().meta({ description: 'groups.peerRating in the course config' }),
  members: z.array(PeerFactorView),
  raters: z.array(z.string()).meta({ description: 'Members whose rating counts' }),
  missing: z.array(z.string()).meta({
    description:
      'Members whose rating does not count: not given, or given before the group last changed (they rate again)',
  }),
  ratings: z
    .array(
      z.object({
        rater: z.string(),
        ratings: z.record(z.string(), z.number()),
        ratedAt: z.string(),
        counts: z.boolean(),
      }),
    )
    .meta({ description: 'The raw ratings (confidential: instructors only)' }),
});
