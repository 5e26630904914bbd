import type { TestProject } from 'vitest/node';
import { startStack, type LocalStack } from '../../local/stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    /** The web app (`${apiUrl}/`), with its sign-in at the local OpenID provider. */
    appUrl: string;
    mailUrl: string;
    stackEnv: Record<string, string>;
    /** The cloud assembly the stack runs (templates and function bundles). */
    synthDir: string;
  }
}

let stack: LocalStack | undefined;

/**
 * Starts the embedded stack once; tests reach it over HTTP or through its endpoints. The functions
 * run from the bundles `cdk synth` makes, each in its own processes on the Lambda runtime's Node
 * with its role's grants (EXAMDESK_TEST_SOURCES=1 runs the TypeScript sources in-process instead:
 * quicker while developing, proves less).
 */
export async function setup(project: TestProject) {
  process.env.LOG_LEVEL ??= 'silent';
  stack = await startStack({
    port: 0,
    seedDemo: true,
    scheduler: false,
    web: true,
    bundles: process.env.EXAMDESK_TEST_SOURCES !== '1',
  });
  project.provide('apiUrl', stack.apiUrl);
  project.provide('appUrl', stack.appUrl);
  project.provide('mailUrl', stack.mailUrl);
  project.provide('stackEnv', stack.env);
  project.provide('synthDir', stack.synthesized.outdir);
}

export async function teardown() {
  await stack?.stop();
}
