import { describe, expect, it } from 'vitest';
import { checkFile, type FileRules } from '../../shared/files/check-file.js';
import { inspectPdf, pdfTrailerProblem } from '../../shared/files/pdf-inspect.js';
import { sniff } from '../../shared/files/sniff.js';
import { zipProblem } from '../../shared/files/zip-inspect.js';
import {
  fixture,
  mergedPdf,
  pdfWithLyingCount,
  pdfWithPages,
  textNamedPdf,
  truncated,
  zipWithOneFile,
} from '../support/pdf-fixtures.js';

const report: FileRules = { title: 'Report', maxBytes: 20 * 1024 * 1024, maxPages: 10 };
const check = (
  bytes: Uint8Array,
  declaredType = 'application/pdf',
  rules = report,
  fileName = 'report.pdf',
) => checkFile({ fileName, declaredType, size: bytes.length, head: bytes.subarray(0, 8192), bytes }, rules);

describe('page counting with pdf.js', () => {
  it.each([1, 10, 11])(
    'counts %i page(s) with object and xref streams, and with a classic xref table',
    async (n) => {
      expect(await inspectPdf(await pdfWithPages(n))).toEqual({ ok: true, pages: n });
      expect(await inspectPdf(await pdfWithPages(n, { objectStreams: false }))).toEqual({
        ok: true,
        pages: n,
      });
    },
  );

  it('counts files merged from several documents', async () => {
    expect(await inspectPdf(await mergedPdf([3, 4, 2]))).toEqual({ ok: true, pages: 9 });
    expect(await inspectPdf(fixture('upload-7p-merged-qpdf.pdf'))).toEqual({ ok: true, pages: 7 });
  });

  it('counts linearized files', async () => {
    expect(await inspectPdf(fixture('upload-10p-linearized.pdf'))).toEqual({ ok: true, pages: 10 });
  });

  it('opens and counts files encrypted with an owner password only (AES-256, RC4, + object streams)', async () => {
    for (const name of [
      'upload-10p-owner-password-aes256.pdf',
      'upload-10p-owner-password-rc4.pdf',
      'upload-10p-owner-password-linearized-objstm.pdf',
    ])
      expect(await inspectPdf(fixture(name)), name).toEqual({ ok: true, pages: 10 });
  });

  it('refuses a file that needs a password to open', async () => {
    expect(await inspectPdf(fixture('upload-10p-user-password.pdf'))).toMatchObject({
      ok: false,
      problem: 'password',
    });
  });

  it('refuses truncated files, including those pdf.js would still open by rebuilding the xref', async () => {
    const whole = await pdfWithPages(10);
    const linearized = fixture('upload-10p-linearized.pdf');
    for (const [bytes, fraction] of [
      [whole, 0.5],
      [whole, 0.99],
      [linearized, 0.95],
      [linearized, 0.995],
    ] as const) {
      const r = await inspectPdf(truncated(bytes, fraction));
      expect(r.ok, `${fraction}`).toBe(false);
      expect(r).toMatchObject({ problem: 'truncated' });
    }
  });

  it('accepts trailing blanks after %%EOF, refuses a file without its end', () => {
    const ok = new TextEncoder().encode('%PDF-1.4\n...\nstartxref\n123\n%%EOF\n\n  \0\0');
    expect(pdfTrailerProblem(ok)).toBeUndefined();
    expect(pdfTrailerProblem(new TextEncoder().encode('%PDF-1.4\n1 0 obj'))).toMatch(/%%EOF/);
  });

  it('refuses a damaged file with a header and an end but nothing readable between', async () => {
    const junk = new TextEncoder().encode('%PDF-1.7\n' + 'garbage '.repeat(200) + '\nstartxref\n9\n%%EOF\n');
    expect(await inspectPdf(junk)).toMatchObject({ ok: false, problem: 'damaged' });
  });

  it('counts the page tree leaves whatever the root /Count says (pdf.js alone trusts a smaller one)', async () => {
    expect(await inspectPdf(await pdfWithLyingCount(11, 10))).toEqual({ ok: true, pages: 11 });
    expect(await inspectPdf(await pdfWithLyingCount(11, 12))).toEqual({ ok: true, pages: 11 });
    expect(await check(await pdfWithLyingCount(11, 10))).toMatchObject({
      status: 'rejected',
      code: 'too-many-pages',
      pages: 11,
    });
  });
});

describe('the decision on a received file', () => {
  it('accepts a 10-page report and refuses an 11-page one with a reason a student understands', async () => {
    expect(await check(await pdfWithPages(10))).toEqual({ status: 'accepted', detected: 'pdf', pages: 10 });
    const r = await check(await pdfWithPages(11));
    expect(r).toMatchObject({ status: 'rejected', code: 'too-many-pages', pages: 11 });
    expect(r.status === 'rejected' && r.reason).toContain('The PDF has 11 pages; Report allows at most 10');
  });

  it('refuses a text file named .pdf, by content', async () => {
    const r = await check(textNamedPdf());
    expect(r).toMatchObject({ status: 'rejected', code: 'wrong-type', detected: 'text' });
    expect(r.status === 'rejected' && r.reason).toContain('its content is plain text');
  });

  it('refuses empty, too large, password-protected and truncated files', async () => {
    expect(await check(new Uint8Array())).toMatchObject({ status: 'rejected', code: 'empty' });
    const big = await check(await pdfWithPages(1), 'application/pdf', { ...report, maxBytes: 100 });
    expect(big).toMatchObject({ status: 'rejected', code: 'too-large' });
    expect(await check(fixture('upload-10p-user-password.pdf'))).toMatchObject({
      status: 'rejected',
      code: 'password',
    });
    expect(await check(truncated(await pdfWithPages(3), 0.7))).toMatchObject({
      status: 'rejected',
      code: 'truncated',
    });
  });

  it('accepts a ZIP declared as either ZIP type, refuses a cut ZIP and a PDF sent as ZIP', async () => {
    const zip = zipWithOneFile();
    const rules = { title: 'Assignment', maxBytes: 1024 * 1024 };
    expect(await check(zip, 'application/zip', rules, 'a.zip')).toEqual({
      status: 'accepted',
      detected: 'zip',
    });
    expect(await check(zip, 'application/x-zip-compressed', rules, 'a.zip')).toMatchObject({
      status: 'accepted',
    });
    expect(await check(truncated(zip, 0.8), 'application/zip', rules, 'a.zip')).toMatchObject({
      status: 'rejected',
      code: 'truncated',
    });
    expect(await check(await pdfWithPages(1), 'application/zip', rules, 'a.zip')).toMatchObject({
      status: 'rejected',
      code: 'wrong-type',
    });
  });
});

describe('magic bytes', () => {
  it('recognises formats by content', async () => {
    expect(sniff(await pdfWithPages(1)).kind).toBe('pdf');
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])).kind).toBe('png');
    expect(sniff(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])).kind).toBe('jpeg');
    expect(sniff(zipWithOneFile()).kind).toBe('zip');
    expect(sniff(new TextEncoder().encode('Résumé — plain UTF-8 text\n')).kind).toBe('text');
    expect(sniff(new Uint8Array([0, 1, 2, 3, 250, 251])).kind).toBe('unknown');
    // A PDF header after a little junk still counts, as in readers.
    expect(sniff(new TextEncoder().encode('\r\n\r\n%PDF-1.4\n')).kind).toBe('pdf');
  });

  it('finds the ZIP end record', () => {
    expect(zipProblem(zipWithOneFile())).toBeUndefined();
    expect(zipProblem(new Uint8Array(10))).toMatch(/too short/);
  });
});
