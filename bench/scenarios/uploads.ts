import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { checkFile } from '../../shared/files/check-file.js';
import { pdfWithPages } from '../../tests/support/pdf-fixtures.js';
import { ESM_REQUIRE_BANNER } from '../../infra/bundle.js';
import { benchCourse, numberedStudents } from '../bench-course.js';
import type { BenchRow, BenchScenario } from '../bench-types.js';

const root = join(import.meta.dirname, '..', '..');
const GROUPS_AT = '2023-03-01T10:00:00+01:00';
const APRIL = '2023-04-20T10:00:00+02:00';

const bundle = async (entry: string, banner = false) => {
  const out = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
    ...(banner ? { banner: { js: ESM_REQUIRE_BANNER } } : {}),
  });
  return out.outputFiles;
};

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
 * Uploads: the upload-received bundle (pdf.js included), the time to check a 10- and a 200-page
 * PDF as the event handler does, whether pdf.js still counts pages once bundled (no worker file),
 * and the DynamoDB calls of the upload routes on a fresh course (target ≤ 3, no Scan).
 */
export const scenario: BenchScenario = {
  name: 'uploads',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const row = (metric: string, value: number, unit: string, extra: Partial<BenchRow> = {}) =>
      rows.push({ scenario: 'uploads', metric, value, unit, ...extra });

    const size = (await bundle('functions/events/upload-received.ts')).reduce(
      (n, f) => n + f.contents.length,
      0,
    );
    row('events/upload-received bundle', Math.round(size / 1024), 'KB', {
      note: 'minified ESM, node22, SDK clients and pdf.js (display + in-thread worker) included',
    });

    // The bundled pdf.js must find its worker without a file next to it (globalThis.pdfjsWorker).
    const dir = mkdtempSync(join(tmpdir(), 'examdesk-bench-'));
    try {
      const [file] = await bundle('shared/files/pdf-inspect.ts', true);
      const path = join(dir, 'pdf-inspect.mjs');
      writeFileSync(path, file?.contents ?? new Uint8Array());
      const mod = (await import(pathToFileURL(path).href)) as {
        inspectPdf: (b: Uint8Array) => Promise<{ ok: boolean; pages?: number }>;
      };
      const r = await mod.inspectPdf(await pdfWithPages(10));
      row('bundled pdf.js counts a 10-page PDF', r.ok ? (r.pages ?? 0) : -1, 'pages', {
        target: { min: 10, max: 10, text: '= 10' },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

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
    for (;;) {
      const list = await ctx.call(s1, 'GET', `/courses/${courseId}/deliverables/report/submissions`);
      if ((list.body as { submissionId: string }[]).some((s) => s.submissionId === ticket.submissionId))
        break;
      if (performance.now() - sentAt > 30_000) throw new Error('the upload was never recorded');
      await new Promise((r) => setTimeout(r, 50));
    }
    row('S3 POST answered -> submission listed', Math.round(performance.now() - sentAt), 'ms', {
      note: 'local stack, polling every 50 ms (includes the receipt mails)',
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
