import type { MePart } from '../courses/me-part.js';
import { isoInZone } from '../domain/local-time.js';
import { submissionWindow } from '../domain/submission-rules.js';
import { coursePk, keys } from '../store/keys.js';
import { queryCourse } from '../store/table-ops.js';
import { toGroup } from '../store/group-repo.js';
import { contributionEntity, indexStatements, ownStatementsKey } from './contribution-store.js';
import { memberStatements, type MemberStatementViewT } from './contribution-view.js';
import { ownerOf, type OwnerKind } from './owner.js';
import { countingIds, submissionView, type SubmissionViewT } from './submission-view.js';
import { ownerSubmissionsPrefix, toExtension, toSubmission } from './upload-store.js';

export interface MeDeliverable {
  deliverableId: string;
  title: string;
  ownerKind: OwnerKind;
  /** Group id or own email; null while a group deliverable has no group to own it. */
  owner: string | null;
  required: boolean;
  due: string;
  /** Last on-time instant for this owner: due, or the extension, plus grace. */
  deadline: string;
  extended: boolean;
  /** none: nothing accepted yet; submitted: the counting version is on time; late: it is late. */
  state: 'none' | 'submitted' | 'late';
  counting: SubmissionViewT | null;
  /** Every version received, newest first. */
  versions: SubmissionViewT[];
  /**
   * Deliverables that require contributions: each current member's statement (own, else the latest
   * version's proposal), so members see who still has to confirm, before and after an upload.
   */
  statements?: MemberStatementViewT[];
}

/**
 * The student's part of GET /me: per deliverable, the versions received and the one that counts.
 * Extensions are named by key (they join the shared BatchGet); submissions take one Query per
 * owner (`SUB#{ownerId}#`: the group for group deliverables, the student's email for per-student
 * ones), so a course with only group deliverables keeps /me at 3 DynamoDB calls.
 */
export const meSubmissions: MePart<MeDeliverable[]> = {
  keys: (ctx) =>
    ctx.course.config.deliverables.flatMap((dl) => {
      const owner = ownerOf(dl, ctx.student);
      return owner ? [keys.extension(ctx.course.courseId, dl.id, owner.id)] : [];
    }),
  build: async (ctx, items, d) => {
    const { course, student } = ctx;
    const zone = course.config.timeZone;
    const owners = [...new Set(course.config.deliverables.flatMap((dl) => ownerOf(dl, student)?.id ?? []))];
    const found = await Promise.all(
      owners.map((id) => queryCourse(d, coursePk(course.courseId), ownerSubmissionsPrefix(id))),
    );
    const records = found.flat().flatMap((i) => toSubmission(i) ?? []);
    // Members' own contribution statements sort inside the owner's submissions: same Query.
    const own = indexStatements(contributionEntity.parseAll(found.flat()));
    const counting = countingIds(records);
    return course.config.deliverables.map((dl) => {
      const owner = ownerOf(dl, student);
      const ext = owner
        ? toExtension(items.find((i) => i.sk === keys.extension(course.courseId, dl.id, owner.id).sk))
        : undefined;
      const window = submissionWindow(dl, zone, ext ? new Date(ext.until) : undefined);
      const versions = owner
        ? records
            .filter((r) => r.ownerId === owner.id && r.deliverableId === dl.id)
            .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
            .map((r) =>
              submissionView(r, zone, counting.has(r.submissionId), {
                own: own.get(ownStatementsKey(r.ownerId, r.deliverableId)),
              }),
            )
        : [];
      const current = versions.find((v) => v.counts) ?? null;
      const latest = versions[0];
      // The group item is in the shared BatchGet (meGroup asks for it).
      const group =
        owner?.kind === 'group'
          ? toGroup(items.find((i) => i.sk === keys.group(course.courseId, owner.id).sk))
          : undefined;
      const members = owner?.kind === 'group' ? (group?.members ?? []) : [student.email];
      const statements =
        dl.requiresContributions && owner
          ? memberStatements({
              members,
              proposed: latest?.contributions,
              uploadedBy: latest?.uploadedBy ?? '',
              uploadedAt: latest?.receivedAt ? new Date(latest.receivedAt) : ctx.now,
              own: own.get(ownStatementsKey(owner.id, dl.id)),
              zone,
            })
          : undefined;
      return {
        deliverableId: dl.id,
        title: dl.title,
        ownerKind: dl.owner,
        owner: owner?.id ?? null,
        required: dl.required,
        due: isoInZone(window.due, zone),
        deadline: isoInZone(window.closesAt, zone),
        extended: Boolean(ext),
        state: current ? (current.late ? 'late' : 'submitted') : 'none',
        counting: current,
        versions,
        ...(statements ? { statements } : {}),
      };
    });
  },
};
