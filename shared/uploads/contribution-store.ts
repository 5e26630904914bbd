import * as z from 'zod';
import { defineEntity } from '../store/entity.js';
import { keys } from '../store/keys.js';
import { ownerSubmissionsPrefix } from './upload-store.js';

/**
 * A member's own contribution statement for one deliverable of one owner (keys.contribution): the
 * member wrote it, or confirmed a text an uploader proposed for them, by sending it themselves.
 * Replaced whole on every write (the latest text counts); `confirmedAt` is the last time they sent it.
 */
export const contributionEntity = defineEntity({
  type: 'contribution',
  schema: z.object({
    courseId: z.string(),
    deliverableId: z.string(),
    ownerId: z.string(),
    email: z.string(),
    statement: z.string(),
    confirmedAt: z.string(),
  }),
  key: (c) => keys.contribution(c.courseId, c.ownerId, c.deliverableId, c.email),
});
export type ContributionRecord = z.output<typeof contributionEntity.schema>;
export const CONTRIBUTION_TYPE = contributionEntity.type;

/** Sort-key prefix of an owner's own statements for one deliverable (inside its submissions). */
export const ownerContributionsPrefix = (ownerId: string, deliverableId: string) =>
  `${ownerSubmissionsPrefix(ownerId, deliverableId)}STMT#`;

/** Own statements by owner and deliverable, then by member email. */
export type OwnStatements = Map<string, Map<string, ContributionRecord>>;

export const ownStatementsKey = (ownerId: string, deliverableId: string) =>
  `${ownerId}\u0000${deliverableId}`;

export const indexStatements = (records: readonly ContributionRecord[]): OwnStatements => {
  const index: OwnStatements = new Map();
  for (const r of records) {
    const key = ownStatementsKey(r.ownerId, r.deliverableId);
    const byMember = index.get(key) ?? new Map<string, ContributionRecord>();
    byMember.set(r.email, r);
    index.set(key, byMember);
  }
  return index;
};
