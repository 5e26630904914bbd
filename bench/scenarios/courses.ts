import { DEMO_COURSE_ID, demoCourse } from '../../shared/demo/demo-course.js';
import type { BenchRow, BenchScenario } from '../bench-types.js';

const student = 'ines.garcia@students.example';
const instructor = demoCourse.instructors[0] ?? '';

/** DynamoDB calls of the foundation routes, as the e2e tests call them. */
export const scenario: BenchScenario = {
  name: 'courses',
  async run(ctx) {
    const calls: [string, string, string, string, string[]?][] = [
      ['GET /health', student, 'GET', '/health'],
      ['GET /courses (student)', student, 'GET', '/courses'],
      ['GET /courses (admin)', 'admin@examdesk.example', 'GET', '/courses', ['admins']],
      ['GET /courses/{id}', student, 'GET', `/courses/${DEMO_COURSE_ID}`],
      ['GET /courses/{id}/me', student, 'GET', `/courses/${DEMO_COURSE_ID}/me`],
      ['GET /courses/{id}/roster', instructor, 'GET', `/courses/${DEMO_COURSE_ID}/roster`],
    ];
    const rows: BenchRow[] = [];
    for (const [metric, email, method, path, groups] of calls) {
      const r = await ctx.call(email, method, path, undefined, groups ? { groups } : {});
      if (r.status !== 200) throw new Error(`${metric}: ${r.status}`);
      rows.push({
        scenario: 'courses',
        metric: `${metric} DynamoDB calls`,
        value: r.ddbCalls,
        unit: 'calls',
        target: { max: 3, text: '≤ 3, no Scan' },
        ...(r.ddbOps.length ? { note: r.ddbOps.join(', ') } : {}),
      });
      if (r.ddbOps.includes('Scan')) throw new Error(`${metric} made a Scan`);
    }
    const config = (await ctx.call(instructor, 'GET', `/courses/${DEMO_COURSE_ID}`)).body as {
      config: unknown;
    };
    const put = await ctx.call(instructor, 'PUT', `/courses/${DEMO_COURSE_ID}`, config.config);
    rows.push({
      scenario: 'courses',
      metric: 'PUT /courses/{id} DynamoDB calls',
      value: put.ddbCalls,
      unit: 'calls',
      target: { max: 3, text: '≤ 3' },
    });
    return rows;
  },
};
