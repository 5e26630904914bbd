import { unwrap, type ApiClient } from '../../api/client.js';
import type { ResponseOf } from '../../api/types.js';

export type GroupsView = ResponseOf<'/courses/{courseId}/groups', 'get'>;
export type GroupView = GroupsView['groups'][number];
export type SlotView = ResponseOf<'/courses/{courseId}/slots', 'get'>[number];
export type GradeRow = ResponseOf<'/courses/{courseId}/grades', 'get'>[number];
export type GroupGrades = ResponseOf<'/courses/{courseId}/groups/{groupId}/grades', 'get'>;
export type PresentationMode = SlotView['modes'][number];

export const loadGroups = (api: ApiClient, courseId: string) =>
  unwrap(api.GET('/courses/{courseId}/groups', { params: { path: { courseId } } }));

/**
 * Groups have opaque ids; people call them "Group 3": numbered oldest first, as the API lists them,
 * so a number stays the same while no older group is deleted.
 */
export const groupNumbers = (groups: { groupId: string }[]): Map<string, number> =>
  new Map(groups.map((g, i) => [g.groupId, i + 1]));

/** Runs `tasks` with at most `limit` in flight: a page of 40 groups must not open 40 requests at once. */
export const inPool = async <T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> => {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < tasks.length; i = next++) results[i] = await (tasks[i] as () => Promise<T>)();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
};
