import { ApiProblem } from '../../api/client.js';

/** A field a refusal without `issues` (a 409) may be about: by its code, and by the value it names. */
export interface FieldRule {
  path: string;
  code: string;
  /** The field's value (an email): the rule holds only when the message names it. */
  value?: string;
}

const words = (message: string) => new Set(message.split(/[\s,;:()"“”]+/).map((w) => w.toLowerCase()));

/**
 * Conflicts (already in a group, paper full) come as a message with no `issues`. So that they too
 * appear next to the field they are about, they get an issue at that field's path; 400s already
 * carry their own issues and are left as they are.
 */
export const withFieldIssues = (problem: ApiProblem | undefined, rules: FieldRule[]) => {
  if (!problem || problem.issues.length) return problem;
  const named = words(problem.message);
  const issues = rules
    .filter((r) => r.code === problem.code && (r.value === undefined || named.has(r.value.toLowerCase())))
    .map((r) => ({ path: r.path, message: problem.message }));
  return issues.length ? new ApiProblem(problem.status, problem.code, problem.message, issues) : problem;
};

/** Issues at any of `from` (body.fileName, body.size…) shown at one control's path instead. */
export const movedIssues = (problem: ApiProblem | undefined, from: string[], to: string) =>
  problem &&
  new ApiProblem(
    problem.status,
    problem.code,
    problem.message,
    problem.issues.map((i) => (from.includes(i.path) ? { ...i, path: to } : i)),
  );
