import type * as z from 'zod';
import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStudent } from '../courses/access.js';
import { isoInZone } from '../domain/local-time.js';
import { Forbidden } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { toStudent, type StudentRecord } from '../store/course-repo.js';
import { coursePk, prefixes } from '../store/keys.js';
import { queryAll, queryCourse, type Item } from '../store/table-ops.js';
import {
  contributionEntity,
  indexStatements,
  ownStatementsKey,
  CONTRIBUTION_TYPE,
  type ContributionRecord,
} from './contribution-store.js';
import { findDeliverable } from './deliverable.js';
import { ownerOf, type OwnerKind } from './owner.js';
import type { MissingOwner, SubmissionsQuery } from './schemas.js';
import {
  byOwnerThenTime,
  countingIds,
  isShownPending,
  pendingView,
  submissionView,
  type SubmissionViewT,
} from './submission-view.js';
import {
  deliverableExtensionsPrefix,
  ownerSubmissionsPrefix,
  rosterToUploadsRange,
  toExtension,
  toSubmission,
  toUpload,
  SUBMISSION_TYPE,
  UPLOAD_TYPE,
  type SubmissionRecord,
  type UploadRecord,
} from './upload-store.js';

type MissingOwnerT = z.infer<typeof MissingOwner>;

const views = (
  records: SubmissionRecord[],
  uploads: UploadRecord[],
  statements: ContributionRecord[],
  zone: string,
  now: Date,
): SubmissionViewT[] => {
  const counting = countingIds(records);
  const received = new Set(records.map((r) => r.uploadId));
  const own = indexStatements(statements);
  const ownFor = (x: { ownerId: string; deliverableId: string }) =>
    own.get(ownStatementsKey(x.ownerId, x.deliverableId));
  return [
    ...records.map((r) => submissionView(r, zone, counting.has(r.submissionId), { own: ownFor(r) })),
    ...uploads
      .filter((u) => !received.has(u.uploadId) && isShownPending(u, now))
      .map((u) => pendingView(u, zone, ownFor(u))),
  ].sort(byOwnerThenTime);
};

/**
 * Owners with nothing accepted for the deliverable: groups (or, for a per-student deliverable,
 * students) from the roster, plus, for a group deliverable, the students who are in no group and so
 * cannot upload it at all.
 */
const missingOwners = (
  kind: OwnerKind,
  students: StudentRecord[],
  records: SubmissionRecord[],
  pending: SubmissionViewT[],
  extensions: Map<string, string>,
  zone: string,
): MissingOwnerT[] => {
  const owners = new Map<string, { kind: OwnerKind; members: string[]; inGroup: boolean }>();
  for (const s of students) {
    if (kind === 'student')
      owners.set(s.email, { kind: 'student', members: [s.email], inGroup: Boolean(s.groupId) });
    else if (s.groupId) {
      const o = owners.get(s.groupId) ?? { kind: 'group' as const, members: [], inGroup: true };
      o.members.push(s.email);
      owners.set(s.groupId, o);
    } else owners.set(s.email, { kind: 'student', members: [s.email], inGroup: false });
  }
  const accepted = new Set(records.filter((r) => r.status === 'accepted').map((r) => r.ownerId));
  const rejected = new Set(records.filter((r) => r.status === 'rejected').map((r) => r.ownerId));
  const waiting = new Set(pending.filter((v) => v.status === 'pending').map((v) => v.owner));
  return [...owners]
    .filter(([id]) => !accepted.has(id))
    .map(([id, o]) => {
      const until = extensions.get(id);
      return {
        owner: id,
        ownerKind: o.kind,
        members: o.members.sort(),
        inGroup: o.inGroup,
        hasRejected: rejected.has(id),
        hasPending: waiting.has(id),
        extensionUntil: until ? isoInZone(new Date(until), zone) : null,
      };
    })
    .sort((a, b) => Number(a.inGroup) - Number(b.inGroup) || a.owner.localeCompare(b.owner));
};

/**
 * A deliverable's submissions: an owner sees their own (every version, plus forms handed out and not
 * yet received), instructors see everyone's and, with `include=missing`, who has nothing accepted.
 *
 * Versions of deliverables that require contributions show each member's statement and whether
 * they confirmed it; members' own statements sort inside the owner's submissions (keys.contribution),
 * so the same Queries read them.
 *
 * DynamoDB: the access BatchGet, then for an owner a Query of their submissions and one of the
 * course's uploads; for instructors one Query of the STUDENT#..UPLOAD# range (roster, submissions,
 * statements, uploads) and one of the deliverable's extensions. 3 calls (more only if a Query pages
 * past 1 MB).
 */
export const listSubmissions = async (
  d: Deps,
  courseId: string,
  deliverableId: string,
  caller: Caller,
  query: z.infer<typeof SubmissionsQuery>,
) => {
  const access = await loadAccess(d, courseId, caller);
  const { course } = access;
  const zone = course.config.timeZone;
  const deliverable = findDeliverable(course, deliverableId);
  const pk = coursePk(courseId);
  const now = d.clock.now();

  if (!access.isStaff) {
    if (query.include) throw new Forbidden('Only instructors see who has not submitted');
    const owner = ownerOf(deliverable, requireStudent(access));
    if (!owner) return [];
    const [subItems, uploadItems] = await Promise.all([
      queryCourse(d, pk, ownerSubmissionsPrefix(owner.id, deliverableId)),
      queryCourse(d, pk, prefixes.upload, {
        FilterExpression: 'ownerId = :owner AND deliverableId = :d AND #status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':owner': owner.id, ':d': deliverableId, ':pending': 'pending' },
      }),
    ]);
    return views(
      subItems.flatMap((i) => toSubmission(i) ?? []),
      uploadItems.flatMap((i) => toUpload(i) ?? []),
      contributionEntity.parseAll(subItems),
      zone,
      now,
    );
  }

  const [rangeItems, extensionItems] = await Promise.all([
    queryAll(d, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      FilterExpression:
        '#type = :student OR (deliverableId = :d AND #type IN (:submission, :upload, :statement))',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: {
        ':pk': pk,
        ':from': rosterToUploadsRange.from,
        ':to': rosterToUploadsRange.to,
        ':student': 'student',
        ':d': deliverableId,
        ':submission': SUBMISSION_TYPE,
        ':upload': UPLOAD_TYPE,
        ':statement': CONTRIBUTION_TYPE,
      },
    }),
    queryCourse(d, pk, deliverableExtensionsPrefix(deliverableId)),
  ]);
  const of = <T>(to: (i: Item) => T | undefined) => rangeItems.flatMap((i) => to(i) ?? []);
  const records = of(toSubmission);
  const list = views(records, of(toUpload), of(contributionEntity.parse), zone, now);
  if (query.include !== 'missing') return list;
  const students = of((i) => (i.type === 'student' ? toStudent(i) : undefined));
  const extensions = new Map(
    extensionItems.flatMap((i) => {
      const e = toExtension(i);
      return e ? [[e.ownerId, e.until] as const] : [];
    }),
  );
  return {
    submissions: list,
    missing: missingOwners(deliverable.owner, students, records, list, extensions, zone),
  };
};
