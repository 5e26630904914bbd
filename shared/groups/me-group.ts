import type { MePart } from '../courses/me-part.js';

/** Filled in by the groups capability. */
export const meGroup: MePart<unknown> = {
  keys: () => [],
  build: () => null,
};
