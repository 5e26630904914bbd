import type * as z from 'zod';
import { isoInZone } from '../domain/local-time.js';
import type { ContributionRecord } from './contribution-store.js';
import type { MemberStatementView } from './schemas.js';

export type MemberStatementViewT = z.infer<typeof MemberStatementView>;

export interface StatementSources {
  /** The members the statements are for (the version's members). */
  members: readonly string[];
  /** What the uploader sent with the version (email -> text), when anything. */
  proposed: Readonly<Record<string, string>> | undefined;
  /** The uploader: their own text in the upload body is their own statement, confirmed by sending it. */
  uploadedBy: string;
  uploadedAt: Date;
  /** Members' own statements for this owner and deliverable, by email. */
  own: ReadonlyMap<string, ContributionRecord> | undefined;
  zone: string;
}

/**
 * Per member, the statement that counts: the member's own (written or confirmed by them) wins over
 * the text an uploader proposed for them; a proposal stays "proposed by <uploader>" until the member
 * sends a statement themselves. Pure, so the rule is unit-tested without a table.
 */
export const memberStatements = (s: StatementSources): MemberStatementViewT[] =>
  s.members.map((email) => {
    const mine = s.own?.get(email);
    if (mine)
      return {
        email,
        statement: mine.statement,
        confirmed: true,
        confirmedAt: isoInZone(new Date(mine.confirmedAt), s.zone),
        proposedBy: null,
      };
    const text = s.proposed?.[email];
    if (text === undefined)
      return { email, statement: null, confirmed: false, confirmedAt: null, proposedBy: null };
    const self = email === s.uploadedBy;
    return {
      email,
      statement: text,
      confirmed: self,
      confirmedAt: self ? isoInZone(s.uploadedAt, s.zone) : null,
      proposedBy: self ? null : s.uploadedBy,
    };
  });
