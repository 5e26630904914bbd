import { randomBytes } from 'node:crypto';
import type { Deliverable } from '../domain/course-config.js';
import type { StudentRecord } from '../store/course-repo.js';

export type OwnerKind = Deliverable['owner'];

/**
 * Who owns a deliverable's submissions: the group (owner id = groupId) for group deliverables, the
 * student (owner id = email) for student deliverables. Undefined when a student has no group yet.
 */
export interface Owner {
  kind: OwnerKind;
  id: string;
}

export const ownerOf = (
  deliverable: Pick<Deliverable, 'owner'>,
  student: StudentRecord,
): Owner | undefined =>
  deliverable.owner === 'student'
    ? { kind: 'student', id: student.email }
    : student.groupId
      ? { kind: 'group', id: student.groupId }
      : undefined;

/**
 * Upload and submission ids share one random part (120 bits): an upload that arrives becomes the
 * submission with the same suffix. So the event handler's submission id is deterministic (a
 * redelivered S3 event cannot record it twice) and the download route finds a submission by id
 * through its upload item (`keys.upload`), one BatchGet with the access check.
 */
const RANDOM = /^[A-Za-z0-9_-]{20}$/;

export const newUploadId = (): string => `u_${randomBytes(15).toString('base64url')}`;
export const submissionIdOf = (uploadId: string): string => `s_${uploadId.slice(2)}`;
export const uploadIdOf = (submissionId: string): string | undefined =>
  submissionId.startsWith('s_') && RANDOM.test(submissionId.slice(2))
    ? `u_${submissionId.slice(2)}`
    : undefined;
export const isUploadId = (id: string): boolean => id.startsWith('u_') && RANDOM.test(id.slice(2));

/**
 * The object key the server chooses: `uploads/{courseId}/{deliverableId}/{owner}/{uploadId}`.
 * The owner segment is the group id, or `e_` + the student's email in base64url, so every key is
 * made of [A-Za-z0-9_-/] only: S3 notifications URL-encode keys (and EventBridge does not), and a
 * key with nothing to encode reads the same either way.
 */
export const UPLOAD_PREFIX = 'uploads/';

export const ownerSegment = (owner: Owner): string =>
  owner.kind === 'group' ? owner.id : `e_${Buffer.from(owner.id, 'utf8').toString('base64url')}`;

export const objectKeyFor = (courseId: string, deliverableId: string, owner: Owner, uploadId: string) =>
  `${UPLOAD_PREFIX}${courseId}/${deliverableId}/${ownerSegment(owner)}/${uploadId}`;

const KEY =
  /^uploads\/([a-z0-9][a-z0-9-]{0,62})\/([a-z0-9][a-z0-9-]{0,62})\/((?:g|e)_[A-Za-z0-9_-]+)\/(u_[A-Za-z0-9_-]{20})$/;

export interface ParsedKey {
  courseId: string;
  deliverableId: string;
  owner: Owner;
  uploadId: string;
}

export const parseObjectKey = (key: string): ParsedKey | undefined => {
  const m = KEY.exec(key);
  if (!m) return undefined;
  const [, courseId, deliverableId, segment, uploadId] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const owner: Owner = segment.startsWith('e_')
    ? { kind: 'student', id: Buffer.from(segment.slice(2), 'base64url').toString('utf8') }
    : { kind: 'group', id: segment };
  return { courseId, deliverableId, owner, uploadId };
};
