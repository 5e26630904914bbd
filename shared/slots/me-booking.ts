import type { MePart } from '../courses/me-part.js';

/** Filled in by the slots capability. */
export const meBooking: MePart<unknown> = {
  keys: () => [],
  build: () => null,
};
