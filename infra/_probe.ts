import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from './build-app.js';
const t0 = Date.now();
const { stateful, stateless } = buildApp({ nag: false, context: { mailFrom: 'a@b.example' } });
console.log('build ms', Date.now() - t0);
for (const st of [stateful, stateless]) {
  const r = new AwsSolutionsChecks(undefined, { verbose: false }).validateScope(st);
  for (const v of r.violations) console.log(v.ruleName, v.severity, v.violatingResources.map((x) => x.constructPath).join(' '));
}
