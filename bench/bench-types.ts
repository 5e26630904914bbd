import type { LocalStack } from '../local/stack.js';
import type { Deps } from '../shared/runtime/deps.js';

/** One measured figure. Ratios are measured within the same run, never against a stored number. */
export interface BenchRow {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  /** Target, when the issue sets one (e.g. "≤ 3"); the bench marks rows that miss it. */
  target?: { max?: number; min?: number; text: string };
  note?: string;
  /** A short remark printed on the row itself (e.g. a ratio, "baseline"); longer ones go in `note`. */
  detail?: string;
}

export interface BenchContext {
  stack: LocalStack;
  /** The bench's own clients, reaching the stack's services as the local admin (uncounted). */
  deps: Deps;
  /** fetch against the local API as a person (real token), returning status, JSON body and the DynamoDB calls. */
  call(
    email: string,
    method: string,
    path: string,
    body?: unknown,
    options?: { groups?: string[]; now?: string; contentType?: string },
  ): Promise<{ status: number; body: unknown; ddbCalls: number; ddbOps: string[]; ms: number }>;
}

export interface BenchScenario {
  name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}
