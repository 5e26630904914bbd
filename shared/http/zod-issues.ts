import type { z } from 'zod';
import type { Issue } from '../errors.js';

const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc ? `${acc}.${String(part)}` : String(part);
  }, '');

/** Zod's issues as the API's `issues`: one per bad field, unknown keys each named. */
export const toIssues = (error: z.ZodError, prefix: string): Issue[] =>
  error.issues.flatMap((issue) => {
    const base = [prefix, pathText(issue.path)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'unknown field' }));
    return [{ path: base || prefix, message: issue.message }];
  });
