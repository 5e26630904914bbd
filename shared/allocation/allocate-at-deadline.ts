import { auditPut } from '../audit/audit-entry.js';
import { ordinal, reportLines, type PlannedGroup } from '../domain/allocation-plan.js';
import { groupChangeMail, groupMailKey, withGroupMails } from '../groups/group-mail.js';
import type { Deps } from '../runtime/deps.js';
import { log } from '../runtime/log.js';
import { takeSeatUpdate, updateGroupAtVersion, type GroupRecord } from '../store/group-repo.js';
import { TransactionFailed, transactNamed } from '../store/transactions.js';
import type { CourseSnapshot } from '../notices/course-snapshot.js';
import { readAllocation, saveAllocationOnce, type AllocationRecord } from './allocation-store.js';
import { planForCourse } from './get-allocation.js';

export interface DeadlineAllocation {
  /** What was done, one line per group, for the job's history. */
  actions: string[];
  /** Groups to try again on the next run (changed meanwhile, or a write that failed). */
  unfinished: number;
  /** Lines for the instructors' deadline summary; empty when the course had nothing to allocate. */
  summary: string[];
}

const explain = (course: CourseSnapshot['course'], g: PlannedGroup): string[] => {
  const title = course.config.papers.find((p) => p.id === g.paperId)?.title ?? g.paperId;
  if (g.placedBy === 'ranked')
    return [
      `Your group had no paper at the group deadline: it was given "${title}", its ${ordinal(g.rank ?? 0)} choice.`,
    ];
  return [
    g.ranking.length
      ? `Your group had no paper at the group deadline and none of the papers it ranked had a seat left: it was given "${title}", a paper with seats left.`
      : `Your group had no paper at the group deadline: it was given "${title}", a paper with seats left.`,
  ];
};

/** The plan this deadline runs on: the one stored by an earlier run, or a new one, stored once. */
const planOnce = async (d: Deps, s: CourseSnapshot): Promise<AllocationRecord | undefined> => {
  const { course } = s;
  const stored = await readAllocation(d, course.courseId);
  if (stored) return stored;
  const ranked = course.config.groups.paperChoice === 'ranked';
  // A first-come course with every group on a paper has nothing to allocate and nothing to report.
  if (!ranked && s.groups.every((g) => g.paperId !== undefined)) return undefined;
  const plan = planForCourse(course, s.groups, s.rankings);
  return saveAllocationOnce(d, {
    courseId: course.courseId,
    computedAt: d.clock.now().toISOString(),
    ...plan,
  });
};

/**
 * At the group deadline, groups without a paper get one: by their rankings (ranked courses), else a
 * paper with seats left. The plan is computed once and stored (GET …/allocation shows it); each
 * group is then changed in a transaction of its own (the group at the version read, the paper's
 * seat under the cap, an audit record by `actor`, the members' mail in the outbox). A group that
 * has a paper is skipped, so a re-run finishes what an interrupted run started and changes nothing
 * else. DynamoDB calls (the job's snapshot already holds the groups, students and rankings): the
 * stored plan's GetItem; when there is none yet, one conditional Put; then one transaction per group
 * to change.
 */
export const allocateAtDeadline = async (
  d: Deps,
  s: CourseSnapshot,
  actor: string,
): Promise<DeadlineAllocation> => {
  const { course } = s;
  const courseId = course.courseId;
  const plan = await planOnce(d, s);
  if (!plan) return { actions: [], unfinished: 0, summary: [] };
  const now = d.clock.now();
  const current = new Map(s.groups.map((g) => [g.groupId, g]));
  const names = new Map(s.students.map((x) => [x.email, x.name]));
  const cap = course.config.groups.maxGroupsPerPaper;
  const actions: string[] = [];
  let unfinished = 0;
  for (const g of plan.groups) {
    const group = current.get(g.groupId);
    if (!group || group.paperId !== undefined) continue; // gone, or given a paper (this plan's earlier run, or an instructor)
    if (!g.paperId) {
      actions.push(`no paper with seats left for ${g.groupId}`);
      continue;
    }
    const paperId = g.paperId;
    const next: GroupRecord = { ...group, paperId, version: group.version + 1, updatedAt: now.toISOString() };
    const changes = [
      ['group', updateGroupAtVersion(d, courseId, g.groupId, group.version, next)] as const,
      ['seat', takeSeatUpdate(d, courseId, paperId, cap)] as const,
      [
        'audit',
        auditPut(d.tableName, {
          courseId,
          actor,
          action: 'group.allocate',
          target: g.groupId,
          before: { paperId: null },
          after: { paperId, rank: g.rank, placedBy: g.placedBy, priority: g.priority },
          reason:
            g.placedBy === 'ranked'
              ? `Group deadline: allocated from the group's ranking (${ordinal(g.rank ?? 0)} choice)`
              : 'Group deadline: no paper, given one with seats left',
          at: now,
        }),
      ] as const,
    ];
    const mail = groupChangeMail(course, next, 'Your group was given a paper', {
      now,
      names,
      details: [...explain(course, g), 'Changed automatically at the group deadline.'],
    });
    const items = withGroupMails(d, now, changes, { mail, key: groupMailKey(g.groupId, next.version) });
    try {
      await transactNamed(d, items, { attempts: 3 });
      actions.push(
        `gave ${g.groupId} ${paperId} (${g.placedBy === 'ranked' ? `${ordinal(g.rank ?? 0)} choice` : 'seats left'})`,
      );
    } catch (error) {
      if (error instanceof TransactionFailed && error.has('seat') && !error.has('group')) {
        // Final, not retried: an instructor filled the paper since the plan; they place this group by hand.
        actions.push(`could not give ${g.groupId} ${paperId}: no seat left; place it by hand`);
        continue;
      }
      // The group changed meanwhile, or the write failed: the next run reads it again.
      unfinished += 1;
      actions.push(`could not give ${g.groupId} ${paperId} yet: ${(error as Error).message}`);
      if (!(error instanceof TransactionFailed)) log.error('paper allocation failed', { courseId, error });
    }
  }
  const title = (id: string | null) =>
    course.config.papers.find((p) => p.id === id)?.title ?? id ?? 'no paper';
  const summary = [
    plan.mode === 'ranked'
      ? `Papers allocated from the groups' rankings (tie-break seed "${plan.seed}"):`
      : 'Papers given to the groups that had none:',
    ...reportLines(plan.report, plan.mode),
    ...plan.groups.map(
      (g) =>
        `  - ${g.groupId}: ${title(g.paperId)}${g.rank ? ` (${ordinal(g.rank)} choice)` : g.paperId ? ' (seats left)' : ''}`,
    ),
    `Details: GET /courses/${courseId}/allocation. To change a group's paper: PATCH /courses/${courseId}/groups/<groupId> with {"paperId", "reason"} (audited).`,
  ];
  return { actions, unfinished, summary };
};
