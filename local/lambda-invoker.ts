import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

/** Handlers are imported on first use, like a Lambda cold start, and kept. */
type AnyHandler = (event: never, context?: never) => Promise<unknown>;

const cache = new Map<string, Promise<AnyHandler>>();
const functionsDir = join(import.meta.dirname, '..', 'functions');

export const loadHandler = (module: string): Promise<AnyHandler> => {
  let found = cache.get(module);
  if (!found) {
    found = import(pathToFileURL(join(functionsDir, `${module}.ts`)).href).then(
      (m: { handler?: AnyHandler }) => {
        if (typeof m.handler !== 'function')
          throw new Error(`functions/${module}.ts does not export a handler`);
        return m.handler;
      },
    );
    cache.set(module, found);
  }
  return found;
};

let invocation = 0;

/** A Lambda-like context: enough for handlers that read the request id. */
export const lambdaContext = (name: string) => ({
  awsRequestId: `local-${Date.now().toString(36)}-${(invocation++).toString(36)}`,
  functionName: name,
});

export const invoke = async <R>(module: string, event: unknown): Promise<R> => {
  const handler = (await loadHandler(module)) as unknown as (e: unknown, c: unknown) => Promise<R>;
  return handler(event, lambdaContext(module));
};
