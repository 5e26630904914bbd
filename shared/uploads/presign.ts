import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Deps } from '../runtime/deps.js';
import '../runtime/s3-client.js';

/** How long a presigned upload form stays valid. */
export const UPLOAD_FORM_SECONDS = 10 * 60;
/** How long a download link stays valid. */
export const DOWNLOAD_LINK_SECONDS = 5 * 60;

/**
 * createPresignedPost dates the policy with Date.now() plus the client's clock offset. The course
 * clock (moved by the local server and by tests) must date it instead, so that a form asked for at
 * 23:58 course time expires at 00:08 course time. A view of the client with its own offset does
 * that without touching the shared client (other requests use it at the same time).
 */
const clientAtCourseTime = (d: Pick<Deps, 's3' | 'clock'>): S3Client => {
  const offset = d.clock.now().getTime() - Date.now();
  if (Math.abs(offset) < 1000) return d.s3;
  // Replaces (not adds to) the offset the SDK samples from S3's Date headers (second precision).
  const config = { ...d.s3.config, systemClockOffset: offset };
  return Object.assign(Object.create(d.s3) as S3Client, { config });
};

export interface UploadForm {
  url: string;
  fields: Record<string, string>;
  expiresAt: Date;
}

/**
 * A browser-style POST form for exactly this key, this content type and this size: S3 refuses
 * anything else (content-length-range of the file, eq Content-Type, eq key, the bucket, expiry).
 */
export const presignUploadForm = async (
  d: Pick<Deps, 's3' | 'clock' | 'bucket'>,
  input: { key: string; contentType: string; size: number },
): Promise<UploadForm> => {
  const { url, fields } = await createPresignedPost(clientAtCourseTime(d), {
    Bucket: d.bucket,
    Key: input.key,
    Conditions: [['content-length-range', input.size, input.size]],
    Fields: { 'Content-Type': input.contentType },
    Expires: UPLOAD_FORM_SECONDS,
  });
  const policy = JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8')) as {
    expiration: string;
  };
  return { url, fields, expiresAt: new Date(policy.expiration) };
};

/** RFC 6266 attachment header: an ASCII fallback and the exact UTF-8 name. */
export const attachmentDisposition = (fileName: string): string => {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};

/**
 * A presigned GET of one stored version. Signed on the real clock, not the course clock: the link's
 * lifetime is S3's business (and the local S3 checks it against real time too).
 */
export const presignDownload = async (
  d: Pick<Deps, 's3' | 'bucket'>,
  input: { key: string; versionId?: string; fileName: string; contentType: string },
): Promise<{ url: string; expiresAt: Date }> => {
  const url = await getSignedUrl(
    d.s3,
    new GetObjectCommand({
      Bucket: d.bucket,
      Key: input.key,
      ...(input.versionId ? { VersionId: input.versionId } : {}),
      ResponseContentDisposition: attachmentDisposition(input.fileName),
      ResponseContentType: input.contentType,
    }),
    { expiresIn: DOWNLOAD_LINK_SECONDS },
  );
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_LINK_SECONDS * 1000) };
};
