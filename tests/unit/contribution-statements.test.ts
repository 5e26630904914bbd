import { describe, expect, it } from 'vitest';
import { contributionProblems } from '../../shared/domain/upload-rules.js';
import type { ContributionRecord } from '../../shared/uploads/contribution-store.js';
import { memberStatements } from '../../shared/uploads/contribution-view.js';

const zone = 'Europe/Paris';
const [a, b, c] = ['a@x.edu', 'b@x.edu', 'c@x.edu'];
const own = (email: string, statement: string, confirmedAt: string): ContributionRecord => ({
  courseId: 'k',
  deliverableId: 'report',
  ownerId: 'g_1',
  email,
  statement,
  confirmedAt,
});

describe('member statements', () => {
  it("shows a member's own statement over a proposal, the uploader's text as theirs, others as proposed", () => {
    const statements = memberStatements({
      members: [a, b, c],
      proposed: { [a]: 'I wrote it', [b]: 'B proofread', [c]: 'C did figures' },
      uploadedBy: a,
      uploadedAt: new Date('2023-04-20T08:00:00Z'),
      own: new Map([[c, own(c, 'I did the figures and the code', '2023-04-21T07:30:00.000Z')]]),
      zone,
    });
    expect(statements).toEqual([
      {
        email: a,
        statement: 'I wrote it',
        confirmed: true,
        confirmedAt: '2023-04-20T10:00:00+02:00',
        proposedBy: null,
      },
      { email: b, statement: 'B proofread', confirmed: false, confirmedAt: null, proposedBy: a },
      {
        email: c,
        statement: 'I did the figures and the code',
        confirmed: true,
        confirmedAt: '2023-04-21T09:30:00+02:00',
        proposedBy: null,
      },
    ]);
  });

  it('lists a member with neither kind of statement as having none', () => {
    const [only] = memberStatements({
      members: [b],
      proposed: {},
      uploadedBy: a,
      uploadedAt: new Date(),
      own: undefined,
      zone,
    });
    expect(only).toEqual({
      email: b,
      statement: null,
      confirmed: false,
      confirmedAt: null,
      proposedBy: null,
    });
  });

  it('lets an upload leave out the members who confirmed their own statement', () => {
    const body = { [a]: 'Everything' };
    expect(contributionProblems([a, b, c], body).missing).toEqual([b, c]);
    const withOwn = contributionProblems([a, b, c], body, new Set([b]));
    expect(withOwn.missing).toEqual([c]);
    expect(withOwn.problems.map((p) => p.path)).toEqual([`body.contributions.${c}`]);
    expect(contributionProblems([a, b, c], body, new Set([b, c]))).toEqual({ problems: [], missing: [] });
  });
});
