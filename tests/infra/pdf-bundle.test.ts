import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFunctions } from '../../infra/bundle.js';
import { bareEnv, checkPdfInIsolatedBundle, isolatedDir, NODE24 } from '../support/isolated-pdf-check.js';

const fixtures = resolve(import.meta.dirname, '..', 'fixtures');
const fixture = (name: string) => join(fixtures, name);
const node = existsSync(NODE24) ? NODE24 : process.execPath;
const cleanup: string[] = [];
afterAll(() => cleanup.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('pdf.js once bundled, with no node_modules around (as in the Lambda)', () => {
  it('inspects the fixtures: counts, owner-password files, lying /Count, passwords', async () => {
    const names = readdirSync(fixtures).filter((f) => f.endsWith('.pdf'));
    expect(names.length).toBeGreaterThanOrEqual(7);
    const reports = await checkPdfInIsolatedBundle(names.map(fixture));
    const byName = Object.fromEntries(names.map((n, i) => [n, reports[i]]));
    expect(byName).toEqual({
      'upload-10p-linearized.pdf': { ok: true, pages: 10 },
      'upload-10p-owner-password-aes256.pdf': { ok: true, pages: 10 },
      'upload-10p-owner-password-linearized-objstm.pdf': { ok: true, pages: 10 },
      'upload-10p-owner-password-rc4.pdf': { ok: true, pages: 10 },
      'upload-10p-user-password.pdf': expect.objectContaining({ ok: false, problem: 'password' }),
      'upload-7p-merged-qpdf.pdf': { ok: true, pages: 7 },
      'upload-12p-count-2.pdf': { ok: true, pages: 12 },
    });
  });

  it('loads the upload-received bundle (no DOMMatrix error) and its checking thread counts a PDF', async () => {
    const out = join(tmpdir(), `examdesk-upload-bundle-${process.pid}`);
    cleanup.push(out);
    const dirs = bundleFunctions({
      entries: new Map([
        ['events/upload-received', resolve(import.meta.dirname, '../../functions/events/upload-received.ts')],
      ]),
      outdir: out,
      target: 'node24',
    });
    const built = dirs.get('events/upload-received') ?? '';
    const dir = isolatedDir('examdesk-upload-received-');
    cleanup.push(dir);
    cpSync(built, dir, { recursive: true });
    // The handler module exports only `handler`; its checking thread is the bundle itself, started
    // as inspectPdf starts it (same workerData marker), sent one job.
    writeFileSync(
      join(dir, 'run.mjs'),
      `import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
const mod = await import('./index.mjs');
const worker = new Worker(new URL('./index.mjs', import.meta.url), { workerData: { examdeskPdfInspect: true } });
const bytes = new Uint8Array(readFileSync(process.argv[2]));
worker.on('message', (m) => {
  if (m.ready) worker.postMessage({ id: 1, bytes, maxPages: 10 });
  else { console.log(JSON.stringify({ exports: Object.keys(mod), dommatrix: typeof globalThis.DOMMatrix, report: m.report })); void worker.terminate(); }
});
worker.on('error', (e) => { console.error(e); process.exit(1); });`,
    );
    const { stdout } = await promisify(execFile)(node, ['run.mjs', fixture('upload-12p-count-2.pdf')], {
      cwd: dir,
      env: bareEnv({ AWS_REGION: 'eu-west-3', TABLE_NAME: 't', BUCKET_NAME: 'b', MAIL_FROM: 'a@b.example' }),
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)).toEqual({
      exports: ['handler'],
      // pdf.js (and the polyfill) load only in the checking thread.
      dommatrix: 'undefined',
      report: { ok: true, pages: 11, more: true }, // 12 leaves, counting stops past maxPages + 1
    });
    expect(statSync(join(dir, 'index.mjs')).size).toBeLessThan(2_300_000);
  });
});
