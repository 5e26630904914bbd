import { build } from 'esbuild';
import { join } from 'node:path';
import { backgroundFunctions } from '../../functions/background.js';
import { routes } from '../../functions/routes.js';
import { lambdaBuildOptions } from '../../infra/bundle.js';
import type { BenchRow, BenchScenario } from '../bench-types.js';

const root = join(import.meta.dirname, '..', '..');
const REQUEST_HANDLER_LIMIT = 400 * 1024;

/** Each function bundled as infra/bundle.ts bundles it for CDK (minified ESM, SDK clients included), in memory. */
const bundleSize = async (handler: string): Promise<number> => {
  const out = await build({
    entryPoints: [join(root, 'functions', `${handler}.ts`)],
    ...lambdaBuildOptions,
    mainFields: [...lambdaBuildOptions.mainFields],
    external: [],
    target: 'node24',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles.reduce((n, f) => n + f.contents.length, 0);
};

export const scenario: BenchScenario = {
  name: 'bundles',
  async run() {
    const rows: BenchRow[] = [];
    const handlers = [...new Set(routes.map((r) => r.handler))];
    for (const handler of handlers)
      rows.push({
        scenario: 'bundles',
        metric: handler,
        value: Math.round((await bundleSize(handler)) / 1024),
        unit: 'KB',
        target: { max: REQUEST_HANDLER_LIMIT / 1024, text: '≤ 400 KB' },
      });
    for (const fn of backgroundFunctions)
      rows.push({
        scenario: 'bundles',
        metric: fn.handler,
        value: Math.round((await bundleSize(fn.handler)) / 1024),
        unit: 'KB',
        note: 'background function: no request-path limit',
      });
    return rows;
  },
};
