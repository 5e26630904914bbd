import { describe, expect, it } from 'vitest';
import { runRankedDemo } from '../../local/demo/ranked-demo.js';
import { runDemo } from '../../local/demo/run-demo.js';
import { Api } from '../support/api.js';

describe('npm run demo', () => {
  it(
    'plays the course from sign-up to published grades through the public API',
    { timeout: 120_000 },
    async () => {
      // The same story as `npm run demo`, in 2045 so that its jobs touch no other test's course.
      const result = await runDemo(new Api().baseUrl, () => undefined, { year: 2045 });
      expect(result.grades).toHaveLength(16);
      const byName = new Map(result.grades.map((g) => [g.name, g]));
      // G1 = 14 (aspects 14, 15, 13), G2 = 15 → 2/3·14 + 1/3·15 = 14.33.
      expect(byName.get('García, Inès')).toMatchObject({
        components: { report: 14, presentation: 15 },
        final: 14.33,
      });
      // G1 = 12.5, G2 = 17 → 14.00, and the member adjusted by +1 on the report: 13.5 → 14.67.
      expect(byName.get('Manon Richard')?.final).toBe(14);
      expect(byName.get('Léa Thomas')?.final).toBe(14.67);
      expect(result.grades.every((g) => g.groupId && g.final !== null)).toBe(true);
      expect(result.story.join('\n')).toMatch(/11-page draft: rejected/);
      expect(result.story.join('\n')).toMatch(/late=true/);
      expect(result.story.join('\n')).toMatch(/booking closes; assigned g_/);
      // A regrade request after publication, answered 'changed': presentation 15 + 1 → 2/3·14 + 1/3·16.
      expect(result.story.join('\n')).toMatch(/asks for a regrade of the presentation/);
      expect(result.story.join('\n')).toMatch(/answers it \(changed\): .* presentation 16, final 14.67/);
      expect(byName.get('Lucas Martin')?.final).toBe(14.67);
    },
  );

  it(
    'allocates papers from the groups’ rankings in the ranked copy of the course',
    { timeout: 60_000 },
    async () => {
      // In 2046: its group-deadline job touches no other test's course.
      const result = await runRankedDemo(new Api().baseUrl, () => undefined, { year: 2046 });
      // Two groups want ddim first; the least total cost gives one of them ddim and the other its
      // 2nd choice (ddrm), the third group its 1st (flow-matching); the fourth ranked nothing.
      expect(result.allocation.groups.map((g) => g.paperId).sort()).toEqual([
        'analog-bits',
        'ddim',
        'ddrm',
        'flow-matching',
      ]);
      expect(result.allocation.report).toMatchObject({
        waiting: 4,
        byRank: [
          { rank: 1, groups: 2 },
          { rank: 2, groups: 1 },
        ],
        onUnranked: 1,
        unplaced: 0,
      });
      expect(result.report).toContain('  1st choice: 2');
      expect(result.story.join('\n')).toMatch(/→ Flow Matching for Generative Modeling \(1st choice\)/);
    },
  );
});
