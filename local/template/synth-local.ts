import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildAppOptions } from '../../infra/build-app.js';
import { readLocalApp, type LocalApp } from './local-app.js';
import type { CfnTemplate } from './resolve.js';

export interface SynthLocalOptions {
  /** The sender the local SES knows (passed as `-c mailFrom`, as the README's deploy command does). */
  mailFrom: string;
  /** Bundle the functions exactly as `cdk synth` does (their assets then hold index.mjs). */
  bundles: boolean;
  /**
   * Where the cloud assembly goes. Defaults to a fresh folder under the OS temp dir: outside the
   * repo, so no node_modules lies above the bundles, as in /var/task on Lambda.
   */
  outdir?: string;
  /** Tests: another route or background list (e.g. one route with a grant taken away). */
  routes?: BuildAppOptions['routes'];
  backgroundFunctions?: BuildAppOptions['backgroundFunctions'];
}

export interface SynthesizedApp {
  app: LocalApp;
  outdir: string;
}

/** Synthesizes the CDK app in this process (as `cdk synth -c mailFrom=...` would) and reads it. */
export const synthLocal = async (options: SynthLocalOptions): Promise<SynthesizedApp> => {
  // aws-cdk-lib takes seconds to load: only when the stack is started.
  const { buildApp } = await import('../../infra/build-app.js');
  const outdir = options.outdir ?? mkdtempSync(join(tmpdir(), 'examdesk-synth-'));
  const { app } = buildApp({
    outdir,
    nag: false,
    context: {
      mailFrom: options.mailFrom,
      // What the CDK CLI sets: assets and construct paths recorded on each resource.
      'aws:cdk:enable-asset-metadata': true,
      'aws:cdk:enable-path-metadata': true,
      // Bundles: the functions' only (the web app's release is not served from the template: the
      // local stack builds and serves web/ itself, and a broken app must not stop the API).
      'aws:cdk:bundling-stacks': options.bundles ? ['ExamdeskStateless'] : [],
    },
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.backgroundFunctions ? { backgroundFunctions: options.backgroundFunctions } : {}),
  });
  // The built-in CloudFormation linting (a WASM engine, ~5 s) is for `cdk synth`; the local stack
  // only reads the templates. `npm test` still synthesizes with it in tests/infra.
  const validation = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  let assembly;
  try {
    assembly = app.synth();
  } finally {
    if (validation === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = validation;
  }
  const stacks: Record<string, CfnTemplate> = {};
  for (const stack of assembly.stacks) stacks[stack.stackName] = stack.template as CfnTemplate;
  return { app: readLocalApp(stacks, { assemblyDir: assembly.directory }), outdir };
};
