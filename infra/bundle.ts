import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/** ESM bundles still meet the odd CommonJS dependency calling require(). */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * How every function is bundled; the bench measures bundles with the same options. On Lambda the
 * role's credentials are always in the environment, so the SDK's default credential chain (SSO,
 * ini files, IMDS, STS) is replaced by the environment provider: about 120 KB less per function.
 */
export const lambdaBuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  mainFields: ['module', 'main'],
  // Nothing external: the AWS SDK clients are bundled (pinned versions, tree-shaken).
  external: [],
  minify: true,
  alias: {
    '@aws-sdk/credential-provider-node': join(
      import.meta.dirname,
      '..',
      'shared',
      'runtime',
      'lambda-credentials.ts',
    ),
  },
  banner: { js: ESM_REQUIRE_BANNER },
} as const;

export interface BundleOptions {
  /** Handler module (under functions/, no extension) -> absolute entry file. */
  entries: ReadonlyMap<string, string>;
  /** Emptied, then receives `<handler>/index.mjs` (+ .map) per handler. */
  outdir: string;
  target: string;
}

/**
 * Bundles every function in ONE esbuild run with the local esbuild (no Docker). The options are the
 * ones NodejsFunction would pass (ESM, minified, source maps, `module` first, AWS SDK bundled, the
 * createRequire banner), but NodejsFunction starts `npx esbuild` once per function, which costs
 * ~1.5-2 s each here; a single multi-entry build parses shared modules (SDK clients, zod) once.
 *
 * Returns handler -> directory holding that function's `index.mjs`, ready for Code.fromAsset.
 */
export const bundleFunctions = ({ entries, outdir, target }: BundleOptions): Map<string, string> => {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = buildSync({
    entryPoints: [...entries].map(([handler, entry]) => ({ in: entry, out: `${handler}/index` })),
    outdir,
    outExtension: { '.js': '.mjs' },
    ...lambdaBuildOptions,
    mainFields: [...lambdaBuildOptions.mainFields],
    external: [],
    target,
    sourcemap: true,
    sourcesContent: false,
    charset: 'utf8',
    logLevel: 'warning',
  });
  if (result.errors.length > 0)
    throw new Error(`esbuild failed: ${result.errors.map((e) => e.text).join('; ')}`);
  return new Map([...entries.keys()].map((handler) => [handler, join(outdir, handler)]));
};
