import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from './build-app.js';
import { routes } from '../functions/routes.js';
const t0 = Date.now();
const { app, stateful, stateless } = buildApp({
  nag: false,
  routes: [...routes.slice(0, 3), { ...routes[3]!, access: ['table-read', 'bucket-write', 'mail'] }],
  backgroundFunctions: [
    { id: 'check-upload', handler: 'http/get-health', trigger: { kind: 's3-object-created', prefix: 'uploads/' }, access: ['table-write', 'bucket-read'], description: 'x' },
    { id: 'deadline-notices', handler: 'http/get-me', trigger: { kind: 'schedule', expression: 'rate(15 minutes)', everyMs: 1000 }, access: ['table-read', 'mail'], description: 'y' },
  ],
});
console.log('build', Date.now() - t0);
const pre = new AwsSolutionsChecks(undefined).validateScope(stateless);
console.log('pre-synth violations', pre.violations.map((v) => v.ruleName));
app.synth();
for (const st of [stateful, stateless]) {
  const r = new AwsSolutionsChecks(undefined, { verbose: false }).validateScope(st);
  for (const v of r.violations) console.log(v.ruleName, v.severity, v.violatingResources.map((x) => x.constructPath).join(' '));
}
console.log('total', Date.now() - t0);
