import { inject } from 'vitest';
import { buildDeps, type Deps } from '../../shared/runtime/deps.js';
import { readEnv } from '../../shared/runtime/env.js';

/**
 * Dependencies reaching the test run's local stack as its admin, the way a function reaches AWS:
 * the SDK finds the endpoints and credentials in the standard environment variables.
 */
export const stackDeps = (extra: Record<string, string> = {}): Deps => {
  Object.assign(process.env, inject('stackEnv'));
  return buildDeps(readEnv({ ...process.env, ...extra }));
};
