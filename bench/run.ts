import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startStack } from '../local/stack.js';
import '../shared/runtime/db-client.js';
import { buildDeps } from '../shared/runtime/deps.js';
import { readEnv } from '../shared/runtime/env.js';
import type { BenchContext, BenchRow, BenchScenario } from './bench-types.js';

/**
 * `npm run bench [-- name…] [-- --sources]`: starts the embedded stack in memory, runs every
 * scenario under bench/scenarios (or those named) and prints one table. Figures come from this run
 * only. The functions run from the bundles the CDK synthesis makes, each in processes of its own on
 * the Lambda runtime's Node (`--sources`: the TypeScript sources in this process, for a quick look).
 */
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const bundles = !process.argv.includes('--sources');
const dir = join(import.meta.dirname, 'scenarios');
const scenarios: BenchScenario[] = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { scenario?: BenchScenario };
  if (mod.scenario && (!only.length || only.includes(mod.scenario.name))) scenarios.push(mod.scenario);
}

process.env.LOG_LEVEL ??= 'silent';
const stack = await startStack({ port: 0, seedDemo: true, scheduler: false, bundles, web: true });
console.error(`stack: ${stack.runner.runtime}`);
// The bench process reaches the local services as the local admin, as tests do (stack-deps.ts).
Object.assign(process.env, stack.env);
const deps = buildDeps(readEnv());
const tokens = new Map<string, Promise<string>>();
const token = (email: string, groups: string[] = []) => {
  const key = `${email}|${groups.join(',')}`;
  let t = tokens.get(key);
  if (!t) {
    t = fetch(`${stack.apiUrl}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, groups, expiresIn: 86_400 }),
    })
      .then((r) => r.json() as Promise<{ token: string }>)
      .then((b) => b.token);
    tokens.set(key, t);
  }
  return t;
};

const ctx: BenchContext = {
  stack,
  deps,
  async call(email, method, path, body, options = {}) {
    const headers: Record<string, string> = { authorization: `Bearer ${await token(email, options.groups)}` };
    if (options.now) headers['x-examdesk-now'] = options.now;
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const started = performance.now();
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    const ops = res.headers.get('x-examdesk-ddb-ops') ?? '';
    return {
      status: res.status,
      body: parsed,
      ddbCalls: Number(res.headers.get('x-examdesk-ddb-calls') ?? 0),
      ddbOps: ops ? ops.split(',') : [],
      ms,
    };
  },
};

const rows: BenchRow[] = [];
let failed = false;
try {
  for (const s of scenarios) {
    const started = performance.now();
    try {
      rows.push(...(await s.run(ctx)));
    } catch (error) {
      failed = true;
      console.error(`scenario ${s.name} failed:`, error);
    }
    console.error(`${s.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  // Also removes the synthesized assembly (bundles included) the stack made.
  await stack.stop();
}

const misses = (r: BenchRow) =>
  r.target &&
  ((r.target.max !== undefined && r.value > r.target.max) ||
    (r.target.min !== undefined && r.value < r.target.min));
const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1));
const table = [
  ['scenario', 'metric', 'value', 'unit', 'target', '', ''],
  ...rows.map((r) => [
    r.scenario,
    r.metric,
    fmt(r.value),
    r.unit,
    r.target?.text ?? '',
    misses(r) ? 'MISSED' : '',
    r.detail ?? '',
  ]),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
for (const row of table)
  console.log(
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
const notes = rows.filter((r) => r.note);
if (notes.length) {
  console.log('\nNotes:');
  for (const r of notes) console.log(`- ${r.scenario} / ${r.metric}: ${r.note}`);
}
process.exit(failed || rows.some(misses) ? 1 : 0);
