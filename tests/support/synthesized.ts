import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { CfnTemplate } from '../../local/template/resolve.js';

/**
 * The cloud assembly the test run's stack synthesized (bundles included, as `cdk synth` makes
 * them): its folder and a fresh copy of its templates, which a test may change.
 */
export const synthesizedTemplates = () => {
  const synthDir = inject('synthDir');
  const read = (name: string) =>
    JSON.parse(readFileSync(join(synthDir, `${name}.template.json`), 'utf8')) as CfnTemplate;
  return {
    synthDir,
    stacks: { ExamdeskStateful: read('ExamdeskStateful'), ExamdeskStateless: read('ExamdeskStateless') },
  };
};
