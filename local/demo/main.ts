import { runRankedDemo } from './ranked-demo.js';
import { runDemo } from './run-demo.js';
import { writeExports } from './write-exports.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCourse } from '../../shared/demo/demo-course.js';

/**
 * `npm run demo`: plays the demo course against the server of `npm start` (API_URL, default
 * http://127.0.0.1:3000). With no server there, it starts an in-memory one for the walkthrough.
 */
const apiUrl = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const reachable = await fetch(`${apiUrl}/health`).then(
  (r) => r.ok,
  () => false,
);
let stop: (() => Promise<void>) | undefined;
let target = apiUrl;
let mailbox = `${apiUrl}/_local/mail`;
if (!reachable) {
  console.log(
    `No examdesk server at ${apiUrl}; starting an in-memory one for the demo (npm start keeps one running).`,
  );
  process.env.LOG_LEVEL ??= 'silent';
  const { startStack } = await import('../stack.js');
  const stack = await startStack({ port: 0, scheduler: false });
  target = stack.apiUrl;
  mailbox = `${stack.mailUrl}/`;
  stop = stack.stop;
}

try {
  console.log('\nThe Generative Modeling final project, March to May 2023\n');
  const result = await runDemo(target, (line) => console.log(`- ${line}`));
  console.log(
    `\nFinal grades (${result.courseId}; final = 2/3 report + 1/3 presentation, rounded once to 0.01):\n`,
  );
  const rows = [
    ['student', 'group', 'report', 'presentation', 'final'],
    ...result.grades.map((g) => [
      g.name,
      g.groupId ?? '-',
      String(g.components.report ?? '-'),
      String(g.components.presentation ?? '-'),
      g.final === null ? '-' : g.final.toFixed(2),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(`  ${r.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`);
  const exportsDir = join(tmpdir(), `examdesk-exports-${result.courseId}`);
  const exported = await writeExports(target, result.courseId, demoCourse.instructors[0] ?? '', exportsDir);
  console.log(`\nThe instructors' exports (grade CSV, Moodle and Canvas imports, ZIP of the reports):`);
  for (const path of exported) console.log(`  ${path}`);
  console.log('\nThe same course with ranked paper preferences (groups.paperChoice "ranked")\n');
  await runRankedDemo(target, (line) => console.log(`- ${line}`));
  console.log(
    `\n${result.mails} mails in the local mailbox: ${mailbox}${reachable ? ` (viewer: see npm start's banner)` : ''}`,
  );
} finally {
  await stop?.();
}
