import { auditPut } from '../audit/audit-entry.js';
import type { Caller } from '../auth/caller.js';
import type { CourseConfig, GradeComponent } from '../domain/course-config.js';
import { toText } from '../domain/fraction.js';
import { componentValue, withinScale } from '../domain/grade-math.js';
import { BadRequest, Conflict, NotFound, type Issue } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import {
  groupExistsCheck,
  putGradeAtVersion,
  toGrade,
  GRADE_WRITE_ATTEMPTS,
  type GradeRecord,
} from '../store/grade-repo.js';
import { findBooking } from '../store/slot-repo.js';
import { toGroup } from '../store/group-repo.js';
import { keys } from '../store/keys.js';
import { namedEach, TransactionFailed, transactNamed } from '../store/transactions.js';
import { deliverableRefusal, presentationRefusal } from './entry-rules.js';
import { gradeUpdateMails } from './grade-update-mails.js';
import { anonymousLabel } from '../domain/marking-rules.js';
import { loadByGroupRef } from '../marking/group-ref.js';
import { assignmentsChanged, assignmentsGuard, gradeEntryRefusal } from '../marking/marking-access.js';
import { markedGradeView } from '../marking/marks-view.js';
import type { PutGradeBody } from './schemas.js';

export const scoreIssues = (component: GradeComponent, body: PutGradeBody, scale: number): Issue[] => {
  const issues: Issue[] = [];
  const range = `must be within 0..${scale}`;
  if (component.aspects?.length) {
    const ids = component.aspects.map((a) => a.id);
    if (body.score !== undefined)
      issues.push({
        path: 'body.score',
        message: `"${component.id}" is graded by aspects (${ids.join(', ')}): give "aspects" instead`,
      });
    if (!body.aspects)
      issues.push({ path: 'body.aspects', message: `required: a score for ${ids.join(', ')}` });
    else {
      for (const id of ids)
        if (body.aspects[id] === undefined) issues.push({ path: `body.aspects.${id}`, message: 'required' });
      for (const [id, value] of Object.entries(body.aspects)) {
        if (!ids.includes(id))
          issues.push({ path: `body.aspects.${id}`, message: `no aspect "${id}" in "${component.id}"` });
        else if (!withinScale(value, scale)) issues.push({ path: `body.aspects.${id}`, message: range });
      }
    }
  } else {
    if (body.aspects !== undefined)
      issues.push({ path: 'body.aspects', message: `"${component.id}" has no aspects: give "score"` });
    if (body.score === undefined) issues.push({ path: 'body.score', message: 'required' });
    else if (!withinScale(body.score, scale)) issues.push({ path: 'body.score', message: range });
  }
  return issues;
};

/** What the audit keeps of a grade: the input, the exact value it gives, the version. */
export const gradeSnapshot = (config: CourseConfig, g: GradeRecord) => {
  const component = config.grading.components.find((c) => c.id === g.componentId);
  const value = component ? componentValue(component, g) : undefined;
  return {
    ...(g.score !== undefined ? { score: g.score } : {}),
    ...(g.aspects ? { aspects: g.aspects } : {}),
    ...(g.comment ? { comment: g.comment } : {}),
    value: value?.ok ? toText(value.value) : null,
    version: g.version,
  };
};

/**
 * An instructor enters a group's grade for one component. The write carries the version it read:
 * the Put is conditioned on it, so two instructors never overwrite each other unknowingly; the audit
 * record is in the same transaction. A presentation grade needs the presentation to have started, a
 * deliverable's grade an accepted submission (entry-rules.ts), unless a reason is given. After
 * publication, members shown their grades whose complete grades change are mailed: their mails
 * (outbox intents, `grades-update#<group>#<component>#v<version>#<email>`) are in that transaction
 * too. Where markers assign graders, a grader's write is conditioned on the assignment item being
 * the one read (revoked meanwhile → 409). `{groupId}` may be a marking label (shared/marking).
 * DynamoDB: one BatchGet (access, group, publication, grade, booking, the component's marker
 * assignments of shared/marking) — by label, a second one for the group's items, and for a non-lead
 * instructor of a course with anonymous components maybe one for the anonymity rule; for a deliverable's component without a reason one Query of the
 * group's submissions of it; after publication one more BatchGet (the group's other grades and
 * member changes); then one TransactWrite.
 */
export const putGrade = async (
  d: Deps,
  courseId: string,
  groupRef: string,
  componentId: string,
  caller: Caller,
  body: PutGradeBody,
) => {
  // {groupId} may be a marking label; the component's marker assignments and the publication are
  // read with the access check (shared/marking/group-ref.ts), so the marker rule costs no extra call.
  const { access, groupId } = await loadByGroupRef(d, {
    courseId,
    ref: groupRef,
    componentId,
    caller,
    action: 'enter grades',
    groupKeys: (g) => [
      keys.group(courseId, g),
      keys.grade(courseId, g, componentId),
      keys.booking(courseId, g),
    ],
  });
  const { config } = access.course;
  const component = config.grading.components.find((c) => c.id === componentId);
  if (!component) throw new NotFound(`No grade component "${componentId}" in this course`);
  const group = toGroup(access.extras.find((i) => i.sk === keys.group(courseId, groupId).sk));
  if (!group) throw new NotFound(`No group "${groupRef}" in this course`);
  // Once a course has markers: assigned graders (and the lead) only; second-marked ones by agreement.
  const markerRule = gradeEntryRefusal(access, groupId, component);
  if (markerRule) throw markerRule;
  const issues = scoreIssues(component, body, config.grading.scale);
  if (issues.length) throw new BadRequest(`Invalid grade for "${componentId}"`, issues, 'invalid_grade');

  const current = toGrade(access.extras.find((i) => i.sk === keys.grade(courseId, groupId, componentId).sk));
  const readVersion = body.version ?? 0;
  const currentVersion = current?.version ?? 0;
  if (readVersion !== currentVersion) throw staleGrade(current, readVersion);

  const now = d.clock.now();
  // When a grade may be entered: checked unless an instructor gives a reason (audited below).
  if (!body.reason) {
    const refusal =
      presentationRefusal(config, component, groupId, findBooking(access.extras, courseId, groupId), now) ??
      (component.deliverableId ? await deliverableRefusal(d, config, courseId, component, group) : undefined);
    if (refusal) throw refusal;
  }
  const next: GradeRecord = {
    courseId,
    groupId,
    componentId,
    ...(component.aspects?.length ? { aspects: body.aspects ?? {} } : { score: body.score as number }),
    ...(body.comment ? { comment: body.comment } : {}),
    version: currentVersion + 1,
    updatedAt: now.toISOString(),
    updatedBy: caller.email,
  };
  const assignments = assignmentsGuard(d, access, componentId);
  const items = {
    grade: putGradeAtVersion(d, next, readVersion),
    group: groupExistsCheck(d, courseId, groupId),
    // The assignment that allowed this grader is still the one read (not revoked meanwhile).
    ...(assignments ? { assignments } : {}),
    audit: auditPut(d.tableName, {
      courseId,
      actor: caller.email,
      action: 'grade.write',
      target: `${groupId}/${componentId}`,
      ...(current ? { before: gradeSnapshot(config, current) } : {}),
      after: gradeSnapshot(config, next),
      ...(body.reason ? { reason: body.reason } : {}),
      at: now,
    }),
  };
  // After publication, the members whose visible grades change are told in the same transaction.
  const mails = await gradeUpdateMails(d, access, group, next, now);
  try {
    await transactNamed(d, { ...items, ...namedEach('outbox', mails) }, { attempts: GRADE_WRITE_ATTEMPTS });
  } catch (error) {
    const failed = error instanceof TransactionFailed ? error : undefined;
    if (failed?.has('grade')) throw staleGrade(undefined, readVersion);
    if (failed?.has('group')) throw new NotFound(`No group "${groupRef}" in this course`);
    if (failed?.has('assignments')) throw assignmentsChanged();
    throw error;
  }
  // A grader kept anonymous for this component gets the label, never the group id.
  const hidden = access.keptAnonymous.includes(componentId);
  return markedGradeView(config, next, anonymousLabel(courseId, groupId), hidden);
};

const staleGrade = (current: GradeRecord | undefined, readVersion: number) =>
  new Conflict(
    current
      ? `This grade was changed by ${current.updatedBy} (now version ${current.version}, you sent ${readVersion}); read it again and retry`
      : readVersion === 0
        ? 'This grade was entered by someone else meanwhile; read it again and retry'
        : `There is no grade yet (version 0), you sent version ${readVersion}`,
    'stale_version',
  );
