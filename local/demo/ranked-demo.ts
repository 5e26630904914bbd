import type { AllocationView, PreferencesView } from '../../shared/allocation/schemas.js';
import { demoCourse, demoRosterCsv } from '../../shared/demo/demo-course.js';
import { ordinal, reportLines } from '../../shared/domain/allocation-plan.js';
import { ADMIN, demoSession } from './demo-session.js';

export interface RankedDemoResult {
  courseId: string;
  story: string[];
  /** What the group-deadline job did (GET …/allocation after it ran). */
  allocation: AllocationView;
  /** The satisfaction report as printed: 1st choice: n, 2nd choice: n, … */
  report: string[];
}

/**
 * The demo course once more, with ranked preferences (groups.paperChoice "ranked", one group per
 * paper): the instructor forms four groups, three rank papers and one ranks nothing, the
 * instructor previews the allocation, and the group-deadline job allocates the papers. Through the
 * public API only, like runDemo; `npm run demo` prints the allocation and its report.
 */
export const runRankedDemo = async (
  apiUrl: string,
  say: (line: string) => void = () => undefined,
  options: { year?: number } = {},
): Promise<RankedDemoResult> => {
  const { api, story, tell, at, y, courseId, teacher, s } = demoSession(apiUrl, say, {
    ...options,
    prefix: 'genmod-ranked',
  });
  const title = (id: string | null) => demoCourse.papers.find((p) => p.id === id)?.title ?? 'no paper';

  at('2023-02-27T09:00:00+01:00');
  await api.must(201, ADMIN, 'PUT', `/courses/${courseId}`, {
    ...y(demoCourse),
    groups: { ...y(demoCourse.groups), paperChoice: 'ranked', maxGroupsPerPaper: 1 },
  });
  await api.must(200, teacher, 'PUT', `/courses/${courseId}/roster`, demoRosterCsv, 'text/csv');
  tell(
    `27 Feb: ${courseId} opens with ranked preferences: groups rank the papers, at most one group per paper.`,
  );

  at('2023-03-01T10:00:00+01:00');
  const plan: [number[], string[]][] = [
    [
      [0, 1, 2, 3],
      ['ddim', 'flow-matching', 'ddrm'],
    ],
    [
      [4, 5, 6, 7],
      ['ddim', 'ddrm'],
    ],
    [
      [8, 9, 10],
      ['flow-matching', 'ddim'],
    ],
    [[11, 12, 13], []],
  ];
  const groups: string[] = [];
  for (const [members, ranking] of plan) {
    const g = await api.must<{ groupId: string }>(201, teacher, 'POST', `/courses/${courseId}/groups`, {
      members: members.map(s),
    });
    groups.push(g.groupId);
    if (ranking.length)
      await api.must<PreferencesView>(
        200,
        s(members[1] ?? 0),
        'PUT',
        `/courses/${courseId}/groups/${g.groupId}/preferences`,
        { ranking },
      );
  }
  tell(
    `1 Mar: four groups form without a paper; three rank papers (${plan
      .filter(([, r]) => r.length)
      .map(([, r], i) => `${groups[i]}: ${r.join(' > ')}`)
      .join('; ')}), the fourth ranks none.`,
  );

  at('2023-03-10T09:00:00+01:00');
  const preview = await api.must<AllocationView>(200, teacher, 'GET', `/courses/${courseId}/allocation`);
  tell(
    `10 Mar: the instructor previews the allocation (nothing written): ${preview.groups
      .map((g) => `${g.groupId} → ${g.paperId ?? 'none'}`)
      .join(', ')}.`,
  );

  at('2023-03-13T23:15:00Z');
  await api.runJob('enforce-deadlines');
  at('2023-03-14T09:00:00+01:00');
  const allocation = await api.must<AllocationView>(200, teacher, 'GET', `/courses/${courseId}/allocation`);
  if (allocation.state !== 'done') throw new Error(`the job did not allocate the papers of ${courseId}`);
  tell(
    `13 Mar: groups close; the job allocates the papers (tie-break seed "${allocation.seed}"), mails every member and the instructors the report:`,
  );
  for (const g of allocation.groups)
    tell(
      `  ${g.priority}. ${g.groupId} → ${title(g.paperId)}${g.rank ? ` (${ordinal(g.rank)} choice)` : g.paperId ? ' (ranked nothing: a paper with seats left)' : ''}`,
    );
  const report = reportLines(allocation.report, allocation.mode);
  for (const line of report) tell(line);
  return { courseId, story, allocation, report };
};
