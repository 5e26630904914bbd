import '../runtime/s3-client.js';
import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { stringify } from 'csv-stringify/sync';
import { ZipFile } from 'yazl';
import { neutralizeFormula } from '../grades/grades-csv.js';
import type { Deps } from '../runtime/deps.js';
import { log } from '../runtime/log.js';
import { listGroups } from '../store/group-repo.js';
import { coursePk, prefixes } from '../store/keys.js';
import { queryCourse } from '../store/table-ops.js';
import { countingIds } from '../uploads/submission-view.js';
import { SUBMISSION_TYPE, toSubmission, type SubmissionRecord } from '../uploads/upload-store.js';
import { entryNames } from './archive-names.js';
import { claimArchive, finishArchive, type ArchiveOutcome, type ArchiveRecord } from './archive-store.js';

/** S3's smallest part; two in flight: the upload holds ~10 MB whatever the number or size of files. */
export const PART_BYTES = 5 * 1024 * 1024;
export const PARTS_IN_FLIGHT = 2;
export const MANIFEST_NAME = 'manifest.csv';

export interface ArchiveEntry {
  name: string;
  submission: SubmissionRecord;
  paperId?: string;
}

/**
 * The accepted submissions of the deliverable, named for the ZIP. `latest`: the one that counts per
 * owner (the latest accepted, what is graded); `all`: every accepted version. Two Queries: the
 * SUB# collection filtered to this deliverable's accepted submissions, and the groups (papers).
 */
export const archiveEntries = async (d: Deps, a: ArchiveRecord): Promise<ArchiveEntry[]> => {
  const pk = coursePk(a.courseId);
  const [items, groups] = await Promise.all([
    queryCourse(d, pk, prefixes.submission, {
      FilterExpression: '#type = :type AND deliverableId = :d AND #status = :accepted',
      ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
      ExpressionAttributeValues: { ':type': SUBMISSION_TYPE, ':d': a.deliverableId, ':accepted': 'accepted' },
    }),
    listGroups(d, a.courseId),
  ]);
  const accepted = items.flatMap((i) => toSubmission(i) ?? []);
  const counting = countingIds(accepted);
  const chosen = accepted
    .filter((s) => a.versions === 'all' || counting.has(s.submissionId))
    .sort((x, y) => x.ownerId.localeCompare(y.ownerId) || x.receivedAt.localeCompare(y.receivedAt));
  // A group's paper; a student's through the group they are in (per-student deliverables).
  const paper = new Map<string, string>();
  for (const g of groups)
    if (g.paperId) {
      paper.set(g.groupId, g.paperId);
      for (const m of g.members) paper.set(m, g.paperId);
    }
  const names = entryNames(
    chosen.map((s) => ({ owner: s.ownerId, paperId: paper.get(s.ownerId), fileName: s.fileName })),
  );
  return chosen.map((submission, i) => {
    const paperId = paper.get(submission.ownerId);
    return { name: names[i] as string, submission, ...(paperId ? { paperId } : {}) };
  });
};

/** Which entry is which: owner, members, paper, version, and the checksum the checker recorded. */
export const manifestCsv = (entries: readonly ArchiveEntry[]): string =>
  stringify(
    [
      [
        'file',
        'owner',
        'members',
        'paperId',
        'submissionId',
        'originalName',
        'receivedAt',
        'late',
        'bytes',
        'sha256',
      ],
      ...entries.map(({ name, submission: s, paperId }) => [
        name,
        neutralizeFormula(s.ownerId),
        neutralizeFormula([...s.members].sort().join(' ')),
        paperId ?? '',
        s.submissionId,
        neutralizeFormula(s.fileName),
        s.receivedAt,
        s.late ? 'yes' : 'no',
        String(s.bytes),
        s.sha256,
      ]),
    ],
    { bom: true, record_delimiter: 'windows' },
  );

/**
 * Passes the bytes on while hashing them; at the end, fails the stream if they are not the bytes the
 * checker accepted (another version, a truncated read), so a ZIP never carries a file silently wrong.
 */
const verifying = (expectedSha256: string, what: string) => {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      const got = hash.digest('hex');
      done(got === expectedSha256 ? null : new Error(`${what}: stored bytes do not match the accepted file`));
    },
  });
};

/**
 * Streams every entry from S3 into a ZIP that is streamed into an S3 multipart upload: each file is
 * opened only when the ZIP reaches it (yazl's lazy streams), stored without compression (PDFs and
 * ZIPs are compressed already), and back-pressure runs from the upload's parts to the GetObject
 * body, so memory stays at a few parts whatever the course's size. Returns the ZIP's version and size.
 */
export const streamArchive = async (
  d: Deps,
  objectKey: string,
  entries: readonly ArchiveEntry[],
  options: { partBytes?: number } = {},
): Promise<{ versionId?: string; bytes: number }> => {
  const zip = new ZipFile();
  let bytes = 0;
  // Counts in the pipe (a 'data' listener would switch the stream to flowing and lose back-pressure).
  const body = new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  zip.on('error', (error: Error) => body.destroy(error));
  zip.outputStream.on('error', (error: Error) => body.destroy(error));
  zip.outputStream.pipe(body);

  for (const { name, submission: s } of entries)
    zip.addReadStreamLazy(name, { size: s.bytes, compress: false, mtime: new Date(s.receivedAt) }, (cb) => {
      d.s3
        .send(
          new GetObjectCommand({
            Bucket: d.bucket,
            Key: s.objectKey,
            ...(s.versionId ? { VersionId: s.versionId } : {}),
          }),
        )
        .then((out) => {
          const source = out.Body;
          if (!(source instanceof Readable)) throw new Error(`${s.objectKey}: no body`);
          const checked = verifying(s.sha256, name);
          source.on('error', (error) => checked.destroy(error));
          cb(null, source.pipe(checked));
        })
        .catch((error: unknown) => cb(error, undefined as unknown as NodeJS.ReadableStream));
    });
  zip.addBuffer(Buffer.from(manifestCsv(entries), 'utf8'), MANIFEST_NAME, { mtime: new Date() });
  zip.end();

  const upload = new Upload({
    client: d.s3,
    params: { Bucket: d.bucket, Key: objectKey, Body: body, ContentType: 'application/zip' },
    partSize: options.partBytes ?? PART_BYTES,
    queueSize: PARTS_IN_FLIGHT,
    // A failed build leaves no parts behind (the bucket's lifecycle rule would catch them anyway).
    leavePartsOnError: false,
  });
  const done = await upload.done();
  return { ...('VersionId' in done && done.VersionId ? { versionId: done.VersionId } : {}), bytes };
};

const describe = (error: unknown): string => {
  const e = error as { name?: string; message?: string } | null;
  return (e?.message ? e.message : String(error)).slice(0, 500);
};

/**
 * Builds one requested ZIP (the stream's archive builder calls it): claims the request, lists and
 * streams the files, records ready (with the ZIP's S3 version) or failed (with why). A request
 * someone else claimed is left alone. Throws only when the outcome could not be recorded.
 */
export const buildArchive = async (
  d: Deps,
  a: ArchiveRecord,
  options: { partBytes?: number } = {},
): Promise<ArchiveOutcome | undefined> => {
  if (!(await claimArchive(d, a, d.clock.now()))) return undefined;
  let outcome: ArchiveOutcome;
  try {
    const entries = await archiveEntries(d, a);
    const made = await streamArchive(d, a.objectKey, entries, options);
    outcome = { status: 'ready', files: entries.length, ...made };
  } catch (error) {
    log.error('archive build failed', { archiveId: a.archiveId, courseId: a.courseId, error });
    outcome = { status: 'failed', error: describe(error) };
  }
  await finishArchive(d, a, outcome, d.clock.now());
  return outcome;
};
