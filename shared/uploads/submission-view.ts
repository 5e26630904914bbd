import type * as z from 'zod';
import { isoInZone } from '../domain/local-time.js';
import type { ContributionRecord } from './contribution-store.js';
import { memberStatements } from './contribution-view.js';
import type { SubmissionView } from './schemas.js';
import type { SubmissionRecord, UploadRecord } from './upload-store.js';

export type SubmissionViewT = z.infer<typeof SubmissionView>;

/** How long after its form expired a never-received upload is still shown as pending. */
export const PENDING_SHOWN_AFTER_EXPIRY_MS = 15 * 60_000;

/**
 * The submission that counts for an owner and a deliverable: the latest accepted version, late or
 * not (a late file is kept and marked; whether it is graded is the instructors' call).
 */
export const countingIds = (records: SubmissionRecord[]): Set<string> => {
  const latest = new Map<string, SubmissionRecord>();
  for (const r of records) {
    if (r.status !== 'accepted') continue;
    const key = `${r.ownerId}#${r.deliverableId}`;
    const seen = latest.get(key);
    if (!seen || seen.receivedAt < r.receivedAt) latest.set(key, r);
  }
  return new Set([...latest.values()].map((r) => r.submissionId));
};

export const submissionView = (
  r: SubmissionRecord,
  zone: string,
  counts: boolean,
  options: {
    contributions?: boolean;
    /** Members' own statements for this owner and deliverable (deliverables that require them). */
    own?: ReadonlyMap<string, ContributionRecord>;
  } = {},
): SubmissionViewT => ({
  submissionId: r.submissionId,
  deliverableId: r.deliverableId,
  owner: r.ownerId,
  ownerKind: r.ownerKind,
  status: r.status,
  ...(r.reason ? { reason: r.reason } : {}),
  ...(r.code ? { code: r.code } : {}),
  ...(r.pages === undefined ? {} : { pages: r.pages }),
  bytes: r.bytes,
  sha256: r.sha256,
  receivedAt: isoInZone(new Date(r.receivedAt), zone),
  late: r.late,
  counts,
  fileName: r.fileName,
  contentType: r.contentType,
  uploadedBy: r.uploadedBy,
  deadline: isoInZone(new Date(r.closesAt), zone),
  ...(options.contributions !== false && r.contributions ? { contributions: r.contributions } : {}),
  // A version uploaded with statements (its deliverable requires them) shows who confirmed theirs.
  ...(options.contributions !== false && r.contributions
    ? {
        statements: memberStatements({
          members: r.members,
          proposed: r.contributions,
          uploadedBy: r.uploadedBy,
          uploadedAt: new Date(r.receivedAt),
          own: options.own,
          zone,
        }),
      }
    : {}),
});

/** A form handed out whose file has not arrived (or is being checked). */
export const pendingView = (
  u: UploadRecord,
  zone: string,
  own?: ReadonlyMap<string, ContributionRecord>,
): SubmissionViewT => ({
  submissionId: u.submissionId,
  deliverableId: u.deliverableId,
  owner: u.ownerId,
  ownerKind: u.ownerKind,
  status: 'pending',
  bytes: u.size,
  sha256: null,
  receivedAt: null,
  late: false,
  counts: false,
  fileName: u.fileName,
  contentType: u.contentType,
  uploadedBy: u.requestedBy,
  deadline: null,
  ...(u.contributions ? { contributions: u.contributions } : {}),
  ...(u.contributions
    ? {
        statements: memberStatements({
          members: u.members,
          proposed: u.contributions,
          uploadedBy: u.requestedBy,
          uploadedAt: new Date(u.requestedAt),
          own,
          zone,
        }),
      }
    : {}),
  expiresAt: isoInZone(new Date(u.expiresAt), zone),
});

export const isShownPending = (u: UploadRecord, now: Date): boolean =>
  u.status === 'pending' && new Date(u.expiresAt).getTime() + PENDING_SHOWN_AFTER_EXPIRY_MS >= now.getTime();

/** Oldest first within an owner, owners in id order: the order a grader reads them. */
const timeOf = (v: SubmissionViewT) => (v.receivedAt ? Date.parse(v.receivedAt) : Number.MAX_SAFE_INTEGER);

export const byOwnerThenTime = (a: SubmissionViewT, b: SubmissionViewT): number =>
  a.owner.localeCompare(b.owner) || timeOf(a) - timeOf(b) || a.submissionId.localeCompare(b.submissionId);
