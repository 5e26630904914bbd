import { describe, expect, it } from 'vitest';
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
    },
  );
});
