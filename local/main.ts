import { createServer } from 'node:net';
import { join, resolve as resolvePath } from 'node:path';
import { SetupError, startDynamoDbLocal } from './services/dynamodb-local.js';

/**
 * `npm start [-- --memory] [-- --bundles]`: the whole API on localhost, no cloud account, no
 * Docker. `--bundles` runs every function from the bundle `cdk synth` makes, in its own processes
 * on the Lambda runtime's Node, with its role's grants enforced (what `npm test` runs).
 */
const memory = process.argv.includes('--memory');
const bundles = process.argv.includes('--bundles');
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}
const started = Date.now();
/** EXAMDESK_DATA_DIR moves the persisted data (tests use a temp folder); default `.data/` here. */
const dataDir = memory
  ? undefined
  : resolvePath(process.env.EXAMDESK_DATA_DIR ?? join(process.cwd(), '.data'));

/**
 * Stopping works from the first moment: SIGINT (Ctrl-C, also forwarded by npm), SIGTERM (kill, a
 * process manager, npm forwarding it) and SIGHUP (terminal closed). Before the stack is up there is
 * nothing to save: exit at once, and the exit handler of DynamoDB Local kills Java.
 */
let stop: ((signal: NodeJS.Signals) => void) | undefined;
const early = (signal: NodeJS.Signals) => {
  if (stop) return stop(signal);
  console.log(`\n${signal}: stopping while starting.`);
  process.exit(1);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, early);

/** Fails fast, before Java boots, when the port is taken (the gateway checks again when it binds). */
const portIsFree = (p: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(p, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

try {
  if (port !== 0 && !(await portIsFree(port)))
    throw new SetupError(
      `Port ${port} is already in use. Stop the program using it, or choose another port: PORT=${port + 1} npm start`,
    );
  // Java takes the longest to boot: start it first and load the rest of the code meanwhile.
  const dynamodb = startDynamoDbLocal(dataDir ? { dataDir: join(dataDir, 'dynamodb') } : {});
  dynamodb.catch(() => undefined);
  const [{ startStack }, { DEMO_COURSE_ID, demoCourse }, { LIVE_COURSE_ID }] = await Promise.all([
    import('./stack.js'),
    import('../shared/demo/demo-course.js'),
    import('../shared/demo/live-course.js'),
  ]);
  const stack = await startStack({
    port,
    dynamodb,
    seedDemo: true,
    bundles,
    web: true,
    ...(dataDir ? { dataDir } : {}),
  });
  const student = 'ines.garcia@students.example';
  /** A failed build leaves the API (and an older build, if any) running: say so, briefly. */
  const appNote = (web: typeof stack.web) => {
    if (!web || web.ok) return web?.built ? ' (built now)' : '';
    const why = web.error.split('\n').find((line) => line.trim()) ?? web.error;
    return `\n               the build failed${web.previous ? ', serving the previous one' : ''}: ${why} (npm run build:web)`;
  };
  const instructor = demoCourse.instructors[0];
  console.log(`
examdesk is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s, data ${dataDir ? `in ${dataDir}` : 'in memory'})

  App          ${stack.appUrl}  — sign in as a demo student or instructor${appNote(stack.web)}
  API          ${stack.apiUrl}           (OpenAPI: ${stack.apiUrl}/openapi.json)
  Functions    ${stack.runner.runtime}${bundles ? '' : ' (`npm start -- --bundles`: the deployed bundles)'}
  Mailbox      ${stack.mailUrl}/           (JSON: ${stack.apiUrl}/_local/mail)
  Live course  ${LIVE_COURSE_ID}: dated from the day it was loaded (groups close after 7 days), usable now
  Demo course  ${DEMO_COURSE_ID}${stack.seeded ? ' (loaded now)' : ''}: the 2023 calendar (\`npm run demo\`); instructor ${instructor}, admin: any email with groups ["admins"]

Try it (form a group in the live course as a demo student):
  TOKEN=$(curl -s -X POST ${stack.apiUrl}/_local/token -H 'content-type: application/json' \\
    -d '{"email":"${student}"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
  curl -s -X POST ${stack.apiUrl}/courses/${LIVE_COURSE_ID}/groups -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '{"members":["${student}","lucas.martin@students.example","chloe.bernard@students.example"],"paperId":"ddim"}'
  curl -s ${stack.apiUrl}/courses/${LIVE_COURSE_ID}/me -H "Authorization: Bearer $TOKEN"

  Live in ${DEMO_COURSE_ID}'s calendar: curl -X PUT ${stack.apiUrl}/_local/clock -H 'content-type: application/json' -d '{"now":"2023-03-01T10:00:00+01:00"}'

Ctrl-C stops everything.`);

  let stopping = false;
  stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local services…`);
    // A stop that hangs must not leave the process (and Java) running.
    setTimeout(() => {
      console.error('The local services did not stop within 10 s; exiting anyway.');
      process.exit(1);
    }, 10_000).unref();
    stack
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
} catch (error) {
  if (error instanceof SetupError) {
    console.error(`Cannot start examdesk: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
