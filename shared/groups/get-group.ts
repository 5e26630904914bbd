import type { Caller } from '../auth/caller.js';
import type { Deps } from '../runtime/deps.js';
import { loadGroupAccess } from './group-access.js';
import { withRosterEntries } from './group-names.js';
import { groupView, namesOf, peopleOf } from './group-view.js';

/** One group, for its members and instructors: the access BatchGet (with the group), then the names. */
export const getGroup = async (d: Deps, courseId: string, groupId: string, caller: Caller) => {
  const { access, group, roster } = await loadGroupAccess(d, courseId, caller, groupId);
  const names = namesOf((await withRosterEntries(d, courseId, roster, peopleOf(group))).values());
  return groupView(access.course, group, names, d.clock.now());
};
