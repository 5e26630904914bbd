import { describe, expect, it } from 'vitest';
import { checkFile, type FileRules } from '../../shared/files/check-file.js';
import { inspectPdf } from '../../shared/files/pdf-inspect.js';
import { fixture, pdfWithPages } from '../support/pdf-fixtures.js';

/**
 * A hand-written PDF (classic xref table) whose root /Pages declares `/Count count` and holds
 * `leaves` pages, flat, or under intermediate nodes of `perNode` pages each (their own /Count
 * true). `loop` makes the first intermediate node list the root among its kids.
 */
const handMadePdf = ({
  leaves,
  count,
  perNode,
  loop = false,
}: {
  leaves: number;
  count: number;
  perNode?: number;
  loop?: boolean;
}): Uint8Array => {
  const objects: string[] = []; // objects[i] is object i + 1
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the root, filled below
  const rootKids: number[] = [];
  if (perNode) {
    for (let first = 0; first < leaves; first += perNode) {
      const n = Math.min(perNode, leaves - first);
      const node = objects.length + 1;
      add('');
      const kids = [...(loop && first === 0 ? [2] : [])];
      for (let i = 0; i < n; i++) {
        kids.push(objects.length + 1);
        add(`<< /Type /Page /Parent ${node} 0 R /MediaBox [0 0 20 20] >>`);
      }
      objects[node - 1] =
        `<< /Type /Pages /Parent 2 0 R /Count ${n} /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] >>`;
      rootKids.push(node);
    }
  } else
    for (let i = 0; i < leaves; i++) {
      rootKids.push(objects.length + 1);
      add('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 20 20] >>');
    }
  objects[1] = `<< /Type /Pages /Count ${count} /Kids [${rootKids.map((k) => `${k} 0 R`).join(' ')}] >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
};

const report: FileRules = { title: 'Report', maxBytes: 20 * 1024 * 1024, maxPages: 10 };
const check = (bytes: Uint8Array, rules = report) =>
  checkFile(
    {
      fileName: 'report.pdf',
      declaredType: 'application/pdf',
      size: bytes.length,
      head: bytes.subarray(0, 8192),
      bytes,
    },
    rules,
  );

/** Runs `work` while a timer ticks every 10 ms; returns its result and the longest gap between ticks. */
const whileTicking = async <T>(work: () => Promise<T>) => {
  let last = performance.now();
  let longestGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, longestGap };
  } finally {
    clearInterval(timer);
  }
};

describe('page count = leaves of the page tree', () => {
  it('counts 3 pages when the root /Count claims 20,000', async () => {
    expect(await inspectPdf(handMadePdf({ leaves: 3, count: 20_000 }), { maxPages: 10 })).toEqual({
      ok: true,
      pages: 3,
    });
    expect(await check(handMadePdf({ leaves: 3, count: 20_000 }))).toEqual({
      status: 'accepted',
      detected: 'pdf',
      pages: 3,
    });
  });

  it('counts 12 leaves when the root /Count claims 2, and refuses them for a 10-page limit', async () => {
    for (const pdf of [
      handMadePdf({ leaves: 12, count: 2 }),
      handMadePdf({ leaves: 12, count: 2, perNode: 5 }),
    ]) {
      expect(await inspectPdf(pdf)).toEqual({ ok: true, pages: 12 });
      expect(await inspectPdf(pdf, { maxPages: 10 })).toEqual({ ok: true, pages: 11, more: true });
      const r = await check(pdf);
      expect(r).toMatchObject({ status: 'rejected', code: 'too-many-pages' });
      expect(r.status === 'rejected' && r.reason).toContain(
        'The PDF has more than 11 pages; Report allows at most 10',
      );
      expect(await check(pdf, { ...report, maxPages: 11 })).toMatchObject({
        status: 'rejected',
        code: 'too-many-pages',
        pages: 12,
      });
    }
  });

  it('stops counting just past the limit and says "more than"', async () => {
    const pdf = await pdfWithPages(30);
    expect(await inspectPdf(pdf, { maxPages: 10 })).toEqual({ ok: true, pages: 11, more: true });
    expect(await inspectPdf(pdf, { maxPages: 29 })).toEqual({ ok: true, pages: 30 });
    const r = await check(pdf);
    expect(r).toMatchObject({ status: 'rejected', code: 'too-many-pages' });
    expect(r).not.toHaveProperty('pages');
    expect(r.status === 'rejected' && r.reason).toContain(
      'The PDF has more than 11 pages; Report allows at most 10',
    );
  });

  it('still counts owner-password files with object streams (pdf.js decrypts them)', async () => {
    expect(
      await inspectPdf(fixture('upload-10p-owner-password-linearized-objstm.pdf'), { maxPages: 10 }),
    ).toEqual({
      ok: true,
      pages: 10,
    });
  });

  it('refuses a page tree that loops', async () => {
    expect(await inspectPdf(handMadePdf({ leaves: 4, count: 4, perNode: 2, loop: true }))).toMatchObject({
      ok: false,
      problem: 'damaged',
      detail: expect.stringContaining('loop'),
    });
  });
});

describe('bounded and interruptible', () => {
  it('checks a file declaring 20,000 pages (and holding them) in seconds, the caller staying responsive', async () => {
    const pdf = handMadePdf({ leaves: 20_000, count: 20_000 });
    expect(pdf.length).toBeGreaterThan(1_000_000);
    const { result, ms, longestGap } = await whileTicking(() => check(pdf));
    expect(result).toMatchObject({ status: 'rejected', code: 'too-many-pages' });
    expect(result.status === 'rejected' && result.reason).toContain('more than 11 pages');
    expect(ms).toBeLessThan(8_000);
    expect(longestGap).toBeLessThan(500);
  });

  it('checks 5,000 real tiny pages and 3 pages declared as 20,000 within the limit', async () => {
    for (const pdf of [
      handMadePdf({ leaves: 5_000, count: 5_000 }),
      handMadePdf({ leaves: 3, count: 20_000 }),
    ]) {
      const { result, ms, longestGap } = await whileTicking(() => inspectPdf(pdf, { maxPages: 10 }));
      expect(result.ok).toBe(true);
      expect(ms).toBeLessThan(8_000);
      expect(longestGap).toBeLessThan(500);
    }
  });

  it('gives a plain verdict when the check runs out of time (the thread is terminated), then works again', async () => {
    const pdf = handMadePdf({ leaves: 5_000, count: 5_000 });
    const { result, ms, longestGap } = await whileTicking(() => check(pdf, { ...report, pdfTimeoutMs: 1 }));
    expect(result).toMatchObject({ status: 'rejected', code: 'too-complex' });
    expect(result.status === 'rejected' && result.reason).toMatch(
      /could not be checked: checking it did not finish within 1 ms.*Export it again.*at most 10 pages/,
    );
    expect(ms).toBeLessThan(1_000);
    expect(longestGap).toBeLessThan(500);
    expect(await inspectPdf(await pdfWithPages(2))).toEqual({ ok: true, pages: 2 });
  });
});
