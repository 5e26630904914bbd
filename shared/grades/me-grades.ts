import type { MePart } from '../courses/me-part.js';

/** Filled in by the grades capability: null until the grades are published. */
export const meGrades: MePart<unknown> = {
  keys: () => [],
  build: () => null,
};
