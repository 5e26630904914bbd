import { demoCourse } from '../../shared/demo/demo-course.js';
import { benchCourse, numberedStudents } from '../bench-course.js';
import type { BenchRow, BenchScenario } from '../bench-types.js';

/** Before the demo course's group deadline (Monday 13 March 2023, 23:59 Paris). */
const OPEN = '2023-03-01T10:00:00+01:00';
const AFTER = '2023-03-14T09:00:00+01:00';

/**
 * Every group route once, on a fresh course, with the DynamoDB calls each made (target ≤ 3, no
 * Scan). The instructor's changes after the deadline (with a reason, audited) are measured too.
 */
export const scenario: BenchScenario = {
  name: 'groups',
  async run(ctx) {
    const { courseId, teacher, students } = await benchCourse(
      ctx,
      'groups',
      (id) => numberedStudents(6, (i) => `s${i + 1}@${id}.example`),
      { groups: { ...demoCourse.groups, maxGroupsPerPaper: 2 } },
    );
    const [s1 = '', s2 = '', s3 = '', s4 = ''] = students;

    const created = await ctx.call(
      s1,
      'POST',
      `/courses/${courseId}/groups`,
      { members: [s1, s2, s3], paperId: 'ddim' },
      { now: OPEN },
    );
    const groupId = (created.body as { groupId?: string }).groupId ?? '';
    const group = `/courses/${courseId}/groups/${groupId}`;
    const member = (email: string) => `${group}/members/${encodeURIComponent(email)}`;
    const accepted = await ctx.call(s2, 'POST', `${group}/accept`, undefined, { now: OPEN });
    const steps: [string, Awaited<ReturnType<typeof ctx.call>>][] = [
      ['POST /courses/{id}/groups (student: joins, invites two)', created],
      ['POST …/groups/{groupId}/accept (invitee joins)', accepted],
      [
        'GET /courses/{id}/me (invited student)',
        await ctx.call(s3, 'GET', `/courses/${courseId}/me`, undefined, { now: OPEN }),
      ],
      [
        'POST …/groups/{groupId}/accept (second invitee)',
        await ctx.call(s3, 'POST', `${group}/accept`, undefined, { now: OPEN }),
      ],
      [
        'GET /courses/{id}/groups (instructor)',
        await ctx.call(teacher, 'GET', `/courses/${courseId}/groups`),
      ],
      ['GET /courses/{id}/groups/{groupId} (member)', await ctx.call(s2, 'GET', group)],
      [
        'PATCH /courses/{id}/groups/{groupId} paper + invite (member)',
        await ctx.call(s1, 'PATCH', group, { paperId: 'ddrm', addMembers: [s4] }, { now: OPEN }),
      ],
      [
        'POST …/groups/{groupId}/accept (invitee joins)',
        await ctx.call(s4, 'POST', `${group}/accept`, undefined, { now: OPEN }),
      ],
      [
        'PATCH /courses/{id}/groups/{groupId} (instructor, after deadline, reason)',
        await ctx.call(teacher, 'PATCH', group, { paperId: 'ddim', reason: 'bench' }, { now: AFTER }),
      ],
      [
        'DELETE …/members/{email} (member leaves)',
        await ctx.call(s4, 'DELETE', member(s4), undefined, { now: OPEN }),
      ],
      [
        'DELETE …/members/{email} (instructor, after deadline, reason)',
        await ctx.call(teacher, 'DELETE', `${member(s3)}?reason=bench`, undefined, { now: AFTER }),
      ],
      ['GET /courses/{id}/me (student in a group)', await ctx.call(s1, 'GET', `/courses/${courseId}/me`)],
    ];
    // The last members leave: the group is deleted and its seat released.
    await ctx.call(teacher, 'DELETE', member(s2), undefined, { now: OPEN });
    steps.push([
      'DELETE …/members/{email} (last member: group deleted)',
      await ctx.call(teacher, 'DELETE', member(s1), undefined, { now: OPEN }),
    ]);

    const rows: BenchRow[] = [];
    for (const [metric, r] of steps) {
      if (r.status >= 300) throw new Error(`${metric}: ${r.status} ${JSON.stringify(r.body)}`);
      rows.push({
        scenario: 'groups',
        metric: `${metric} DynamoDB calls`,
        value: r.ddbCalls,
        unit: 'calls',
        target: { max: 3, text: '≤ 3' },
        note: `${r.ddbOps.join(', ')}; ${r.ms.toFixed(0)} ms`,
      });
    }
    const scans = steps.filter(([, r]) => r.ddbOps.includes('Scan')).map(([m]) => m);
    rows.push({
      scenario: 'groups',
      metric: 'group routes making a Scan',
      value: scans.length,
      unit: 'routes',
      target: { max: 0, text: 'none' },
      ...(scans.length ? { note: scans.join('; ') } : {}),
    });
    if (scans.length) throw new Error(`Scan made by: ${scans.join('; ')}`);
    return rows;
  },
};
