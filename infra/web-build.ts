import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from './lambda.js';

/** What the app's build reads: its sources and config, the shared code it imports, the locked deps. */
const INPUTS = ['web', 'shared', 'package-lock.json'];
/** Never inputs: the usual build output, and dependencies (package-lock.json stands for them). */
const SKIPPED = new Set(['dist', 'node_modules']);
export const WEB_CONFIG_FILE = join(PROJECT_ROOT, 'web', 'vite.config.ts');
const CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'examdesk-web');
/** Builds kept in the cache; older ones are removed after a new build. */
const KEEP = 4;

const filesUnder = (path: string): string[] => {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !SKIPPED.has(entry.name))
    .flatMap((entry) => filesUnder(join(path, entry.name)));
};

/** A hash of every input's path and content: equal fingerprints build the same app. */
export const webFingerprint = (): string => {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => filesUnder(join(PROJECT_ROOT, input))).sort()) {
    hash.update(relative(PROJECT_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 24);
};

/** Run in a child process: Vite's programmatic build is async, and a CDK stack is built synchronously. */
const BUILD_SCRIPT = `
const { build } = await import('vite');
await build({
  configFile: process.env.EXAMDESK_WEB_CONFIG,
  logLevel: 'warn',
  build: { outDir: process.env.EXAMDESK_WEB_OUT, emptyOutDir: true },
});`;

/**
 * The built web app (index.html + assets/) for the current sources, as a folder for
 * `Source.asset`. Built with Vite's programmatic build and `web/vite.config.ts`, like `npm run
 * build:web`, but into a cache folder of its own named by the sources' fingerprint: a deploy never
 * ships a stale `web/dist`, and syntheses running in parallel (the infra tests) never empty a folder
 * another one is reading. Equal sources reuse the build.
 */
export const buildWebApp = (): string => {
  const dir = join(CACHE_DIR, webFingerprint());
  if (existsSync(join(dir, 'index.html'))) return dir;
  mkdirSync(CACHE_DIR, { recursive: true });
  const building = mkdtempSync(join(CACHE_DIR, 'building-'));
  try {
    execFileSync(process.execPath, ['--input-type=module', '-e', BUILD_SCRIPT], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        EXAMDESK_WEB_CONFIG: WEB_CONFIG_FILE,
        EXAMDESK_WEB_OUT: building,
        // Plain text in the error this module throws.
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    const e = error as { stderr?: Buffer; stdout?: Buffer; message: string };
    const output = `${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`.trim();
    throw new Error(`Building the web app (vite build, ${WEB_CONFIG_FILE}) failed:\n${output || e.message}`);
  }
  if (!existsSync(join(building, 'index.html')))
    throw new Error(`The web app build wrote no index.html into ${building}`);
  try {
    // Atomic: another synthesis that built the same sources meanwhile wins, and this copy goes.
    renameSync(building, dir);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(dir, 'index.html'))) throw error;
  }
  pruneCache(dir);
  return dir;
};

/** Best effort: another synthesis may be pruning too. */
const pruneCache = (keep: string) => {
  try {
    const builds = readdirSync(CACHE_DIR)
      .filter((name) => !name.startsWith('building-'))
      .map((name) => join(CACHE_DIR, name))
      .filter((path) => path !== keep)
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    for (const old of builds.slice(KEEP - 1)) rmSync(old, { recursive: true, force: true });
  } catch {
    // A cache left a little larger is harmless.
  }
};
