import type { Caller } from '../auth/caller.js';
import { loadAccess, requireStudent } from '../courses/access.js';
import { isoInZone } from '../domain/local-time.js';
import { Forbidden, NotFound } from '../errors.js';
import type { Deps } from '../runtime/deps.js';
import { keys } from '../store/keys.js';
import { uploadIdOf } from './owner.js';
import { presignDownload } from './presign.js';
import { toUpload } from './upload-store.js';

/**
 * A short-lived link to exactly the stored version of a submission, for its owner (the group's
 * current members, or the student) or an instructor.
 *
 * One DynamoDB call: the submission id names its upload item (same random suffix), which has
 * everything needed (owner, key, S3 version), and it is read in the access BatchGet.
 */
export const downloadSubmission = async (d: Deps, courseId: string, submissionId: string, caller: Caller) => {
  const uploadId = uploadIdOf(submissionId);
  if (!uploadId) throw new NotFound(`No submission "${submissionId}"`);
  const access = await loadAccess(d, courseId, caller, [keys.upload(courseId, uploadId)]);
  const upload = toUpload(access.extras.find((i) => i.sk === keys.upload(courseId, uploadId).sk));
  if (!upload || upload.status !== 'received' || !upload.sha256)
    throw new NotFound(`No submission "${submissionId}" in course "${courseId}"`);
  if (!access.isStaff) {
    const student = requireStudent(access);
    const mine = upload.ownerKind === 'group' ? student.groupId : student.email;
    if (mine !== upload.ownerId)
      throw new Forbidden(
        upload.ownerKind === 'group'
          ? 'This submission belongs to another group'
          : 'This submission belongs to another student',
        'not_owner',
      );
  }
  const { url, expiresAt } = await presignDownload(d, {
    key: upload.objectKey,
    ...(upload.versionId ? { versionId: upload.versionId } : {}),
    fileName: upload.fileName,
    // A refused file is not what it claimed to be: do not let a browser render it as that.
    contentType: upload.submissionStatus === 'accepted' ? upload.contentType : 'application/octet-stream',
  });
  return {
    url,
    expiresAt: isoInZone(expiresAt, access.course.config.timeZone),
    fileName: upload.fileName,
    sha256: upload.sha256,
  };
};
