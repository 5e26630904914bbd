/* global process, performance */
// The local stand-in for the Lambda runtime interface client: runs ONE function from its bundle
// folder (LAMBDA_TASK_ROOT, the asset `cdk synth` made, with no node_modules above it), imports the
// handler once (the cold start), then serves one invocation at a time, as a Lambda instance does.
// Plain JavaScript on purpose: it runs on the Lambda runtime's Node without tsx or a build step.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.env.LAMBDA_TASK_ROOT;
const [file, exportName] = (process.env._HANDLER ?? 'index.handler').split('.');
let loading;

const load = async () => {
  const started = performance.now();
  const candidates = [`${file}.mjs`, `${file}.js`, `${file}.cjs`];
  let lastError;
  for (const name of candidates) {
    try {
      const module = await import(pathToFileURL(join(root, name)).href);
      const handler = module[exportName];
      if (typeof handler !== 'function') throw new Error(`${name} does not export ${exportName}`);
      return { handler, initMs: performance.now() - started };
    } catch (error) {
      if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(name)) throw error;
      lastError = error;
    }
  }
  throw lastError;
};

const describe = (error) => ({
  errorType: error?.name ?? 'Error',
  errorMessage: error?.message ?? String(error),
  stack: typeof error?.stack === 'string' ? error.stack.split('\n') : [],
});

process.on('message', async (message) => {
  if (message?.type !== 'invoke') return;
  const { id, event, context, deadline } = message;
  try {
    loading ??= load();
    const { handler, initMs } = await loading;
    const result = await handler(event, {
      ...context,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    });
    process.send({ type: 'result', id, ok: true, result, initMs });
  } catch (error) {
    process.send({ type: 'result', id, ok: false, error: describe(error) });
  }
});
process.on('uncaughtException', (error) => {
  process.send?.({ type: 'crash', error: describe(error) });
  process.exit(1);
});
// The local stack went away (even by kill -9): an execution environment never outlives it.
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready' });
