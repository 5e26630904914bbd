import type { MeContext } from '../courses/me-part.js';
import { meGrades, type MeGrades } from '../grades/me-grades.js';
import type { Deps } from '../runtime/deps.js';
import { batchGetAll } from '../store/table-ops.js';
import type { SeenGrade } from './regrade-store.js';

/**
 * What a student sees of their grades right now, by the very rule /me applies (meGrades): null
 * until published to them. One BatchGet (publication, their group's grades, their own changes).
 */
export const readSeenGrades = async (d: Deps, ctx: MeContext): Promise<MeGrades | null> =>
  meGrades.build(ctx, await batchGetAll(d, meGrades.keys(ctx)), d);

export const seenOf = (grades: MeGrades | null, componentId: string): SeenGrade => ({
  value: grades?.components[componentId] ?? null,
  final: grades?.final ?? null,
});

export const sameSeen = (a: SeenGrade, b: SeenGrade): boolean => a.value === b.value && a.final === b.final;
