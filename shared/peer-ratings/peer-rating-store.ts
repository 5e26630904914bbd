import * as z from 'zod';
import { defineEntity } from '../store/entity.js';
import { keys, prefixes } from '../store/keys.js';

/** One member's confidential rating of their group (keys.peerRating): replaced whole on each write. */
export const peerRatingEntity = defineEntity({
  type: 'peer-rating',
  schema: z.object({
    courseId: z.string(),
    groupId: z.string(),
    rater: z.string(),
    /** member email -> score 1..5, every member of the group when rated (the rater included). */
    ratings: z.record(z.string(), z.number()),
    ratedAt: z.string(),
  }),
  key: (r) => keys.peerRating(r.courseId, r.groupId, r.rater),
});
export type PeerRatingRecord = z.output<typeof peerRatingEntity.schema>;

/** Sort-key prefix of one group's ratings. */
export const groupRatingsPrefix = (groupId: string) => `${prefixes.peerRating}${groupId}#`;
