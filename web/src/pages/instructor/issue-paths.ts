import { ApiProblem } from '../../api/client.js';

/**
 * The API names array items with brackets (body.days[2].end); Field and Problem match a field's
 * path and what lies under it with dots. Rewritten once, `body.days.2.end` sits under `body.days.2`.
 */
export const dotted = (problem: ApiProblem | undefined): ApiProblem | undefined =>
  problem &&
  new ApiProblem(
    problem.status,
    problem.code,
    problem.message,
    problem.issues.map((i) => ({ ...i, path: i.path.replace(/\[(\d+)\]/g, '.$1') })),
  );
