import type { Deps } from '../../shared/runtime/deps.js';
import { expect } from 'vitest';
import { stackDeps } from '../support/stack-deps.js';
import { listGroups, listPaperSeats } from '../../shared/store/group-repo.js';
import { listStudents } from '../../shared/store/roster-repo.js';
import type { ApiResponse, Loose } from '../support/api.js';
import type { CourseFixture } from '../support/course-fixture.js';
import { formGroupWithConsent } from '../support/group-formation.js';

/** Helpers shared by the group tests (not a test file itself). */
export const OPEN = '2023-03-01T10:00:00+01:00';
export const CLOSED = '2023-03-14T09:00:00+01:00';
export const DEADLINE_TEXT = 'Monday 13 March 2023, 23:59 (Europe/Paris)';

let deps: Deps | undefined;
/** Direct access to the stack's table, to check what a request did (or did not) write. */
export const tableDeps = () => (deps ??= stackDeps());

export const ddbCalls = (res: ApiResponse<unknown>) => Number(res.headers.get('x-examdesk-ddb-calls'));
export const ddbOps = (res: ApiResponse<unknown>) =>
  (res.headers.get('x-examdesk-ddb-ops') ?? '').split(',').filter(Boolean);

/** Asserts the budget every request keeps: at most 3 DynamoDB calls, never a Scan. */
export const expectCheap = (res: ApiResponse<unknown>) => {
  expect(ddbCalls(res)).toBeLessThanOrEqual(3);
  expect(ddbOps(res)).not.toContain('Scan');
};

/** Forms a group of the given students (the first creates it, the others accept) on a paper, before the deadline. */
export const formGroup = async (c: CourseFixture, indexes: number[], paperId = 'ddim'): Promise<Loose> =>
  formGroupWithConsent(
    c.api,
    c.courseId,
    indexes.map((i) => c.students[i] ?? ''),
    { paperId, at: OPEN },
  );

export const emailsOf = (group: { members: { email: string }[] }) => group.members.map((m) => m.email);

/** What the table holds for the course's groups, straight from DynamoDB. */
export const snapshot = async (courseId: string) => {
  const d = tableDeps();
  const [groups, students, seats] = await Promise.all([
    listGroups(d, courseId),
    listStudents(d, courseId),
    listPaperSeats(d, courseId),
  ]);
  return {
    groups: groups.sort((a, b) => a.groupId.localeCompare(b.groupId)),
    grouped: Object.fromEntries(students.filter((s) => s.groupId).map((s) => [s.email, s.groupId])),
    seats: Object.fromEntries([...seats].filter(([, n]) => n !== 0)),
  };
};

/** Nothing about groups was written: the instructor's view, the roster and the table all agree. */
export const expectNoGroups = async (c: CourseFixture) => {
  const list = await c.teacher.get(`/courses/${c.courseId}/groups`);
  expect(list.status).toBe(200);
  expect(list.body.groups).toEqual([]);
  expect(list.body.unassigned).toHaveLength(c.students.length);
  const roster = await c.teacher.get(`/courses/${c.courseId}/roster`);
  expect(roster.body.every((s: { groupId: string | null }) => s.groupId === null)).toBe(true);
  expect(await snapshot(c.courseId)).toEqual({ groups: [], grouped: {}, seats: {} });
};
