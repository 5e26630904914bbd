import type { MePart } from '../courses/me-part.js';

/** Filled in by the uploads capability. */
export const meSubmissions: MePart<unknown[]> = {
  keys: () => [],
  build: () => [],
};
