import type { Caller } from '../auth/caller.js';
import { loadAccess } from '../courses/access.js';
import type { Deps } from '../runtime/deps.js';
import { listSlots } from '../store/slot-repo.js';
import { slotView } from './slot-view.js';

/** Every slot in time order: one read for access, one Query for the slots. */
export const listSlotsFor = async (d: Deps, courseId: string, caller: Caller) => {
  const access = await loadAccess(d, courseId, caller);
  const slots = await listSlots(d, courseId);
  const viewer = { isStaff: access.isStaff, groupId: access.student?.groupId };
  return slots.map((s) => slotView(access.course, s, viewer));
};
