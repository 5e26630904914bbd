import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStaff } from '../courses/access.js';
import { BadRequest, Conflict, type Issue } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { toGroup } from '../store/group-repo.js';
import { keys } from '../store/keys.js';
import { putAssignmentsAtVersion, type AssignmentsRecord } from '../store/marking-repo.js';
import { TransactionFailed, transactNamed } from '../store/transactions.js';
import { assignmentsIn, isSecondMarked, requireLead, requireMarkers } from './marking-access.js';
import type { PutAssignmentsBody } from './schemas.js';

/**
 * The lead (or an admin) sets which instructors mark each listed (group, component); pairs not
 * listed keep their graders. Each touched component's assignment item is rewritten over the version
 * read, with one audit record of every change, in one transaction. DynamoDB: one BatchGet (access,
 * the touched components' assignments, the listed groups), then one TransactWrite.
 */
export const putAssignments = async (d: Deps, courseId: string, caller: Caller, body: PutAssignmentsBody) => {
  const componentIds = [...new Set(body.assignments.map((a) => a.componentId))];
  const groupIds = [...new Set(body.assignments.map((a) => a.groupId))];
  const access = await loadAccess(d, courseId, caller, [
    ...componentIds.map((c) => keys.markingAssignments(courseId, c)),
    ...groupIds.map((g) => keys.group(courseId, g)),
  ]);
  requireStaff(access, 'assign graders');
  const { config } = access.course;
  const markers = requireMarkers(config);
  requireLead(access, markers, 'assign graders');

  const issues: Issue[] = [];
  const seen = new Set<string>();
  body.assignments.forEach((a, i) => {
    const at = `body.assignments.${i}`;
    if (!config.grading.components.some((c) => c.id === a.componentId))
      issues.push({
        path: `${at}.componentId`,
        message: `no grade component "${a.componentId}" in this course`,
      });
    if (!toGroup(access.extras.find((x) => x.sk === keys.group(courseId, a.groupId).sk)))
      issues.push({ path: `${at}.groupId`, message: `no group "${a.groupId}" in this course` });
    const pair = `${a.groupId}/${a.componentId}`;
    if (seen.has(pair)) issues.push({ path: at, message: `${pair} is listed twice` });
    seen.add(pair);
    a.graders.forEach((g, j) => {
      if (!config.instructors.includes(g))
        issues.push({ path: `${at}.graders.${j}`, message: `${g} is not one of the course's instructors` });
    });
    if (isSecondMarked(config, a.componentId) && a.graders.length !== 0 && a.graders.length !== 2)
      issues.push({
        path: `${at}.graders`,
        message: `"${a.componentId}" is second-marked: give exactly two graders (or [] to remove them)`,
      });
  });
  if (issues.length) throw new BadRequest('Invalid assignments', issues, 'invalid_assignment');

  const now = d.clock.now();
  const changes: { groupId: string; componentId: string; before: string[]; after: string[] }[] = [];
  const next = componentIds.map((componentId) => {
    const current = assignmentsIn(access.extras, courseId, componentId);
    const groups = { ...current?.groups };
    for (const a of body.assignments.filter((x) => x.componentId === componentId)) {
      const before = groups[a.groupId] ?? [];
      if (a.graders.length) groups[a.groupId] = a.graders;
      else delete groups[a.groupId];
      if (before.join() !== a.graders.join())
        changes.push({ groupId: a.groupId, componentId, before, after: a.graders });
    }
    const record: AssignmentsRecord = {
      courseId,
      componentId,
      groups,
      version: (current?.version ?? 0) + 1,
      updatedAt: now.toISOString(),
      updatedBy: caller.email,
    };
    return { record, readVersion: current?.version ?? 0 };
  });
  if (changes.length) {
    try {
      await transactNamed(d, [
        ...next.map(
          ({ record, readVersion }) =>
            [`assign:${record.componentId}`, putAssignmentsAtVersion(d, record, readVersion)] as const,
        ),
        [
          'audit',
          auditPut(d.tableName, {
            courseId,
            actor: caller.email,
            action: 'marking.assign',
            target: componentIds.join(','),
            after: changes,
            at: now,
          }),
        ] as const,
      ]);
    } catch (error) {
      if (error instanceof TransactionFailed && error.withPrefix('assign:').length)
        throw new Conflict(
          'The assignments were changed by someone else meanwhile; read them again and retry',
          'stale_version',
        );
      throw error;
    }
  }
  return {
    assignments: next.flatMap(({ record }) =>
      Object.entries(record.groups).map(([groupId, graders]) => ({
        groupId,
        componentId: record.componentId,
        graders,
      })),
    ),
  };
};
