import type { Caller } from '../auth/caller.js';
import { loadAccess } from '../courses/access.js';
import { paperLoad } from '../domain/group-rules.js';
import type { Deps } from '../runtime/deps.js';
import { listGroups } from '../store/group-repo.js';
import type { PapersView } from './schemas-papers.js';

/**
 * How many groups took each paper and how many may still take it, for anyone in the course
 * (students choose a paper with it). Only counts leave this function: group ids and members are
 * read to count them, never returned. Two DynamoDB calls: the access read, then the Query of the
 * course's groups (the same one the instructors' list makes; it pages only past 1 MB of groups).
 */
export const paperAvailability = async (d: Deps, courseId: string, caller: Caller): Promise<PapersView> => {
  const { course } = await loadAccess(d, courseId, caller);
  const { papers, groups: rules } = course.config;
  const load = paperLoad(papers, await listGroups(d, courseId), rules.maxGroupsPerPaper);
  return {
    papers: load.map((p) => ({ ...p, seatsLeft: p.cap === null ? null : Math.max(0, p.cap - p.groups) })),
  };
};
