import { createInflateRaw } from 'node:zlib';
import { formatBytes } from '../domain/upload-rules.js';

/**
 * A ZIP archive is read from its end: the "end of central directory" record (PK\x05\x06) lists
 * where the table of contents is. A file cut short loses it, and no unzip tool can list it.
 */
export const zipProblem = (bytes: Uint8Array): string | undefined => {
  const end = findEnd(bytes);
  return typeof end === 'string' ? end : undefined;
};

interface ZipEnd {
  /** Offset of the end record. */
  at: number;
  entries: number;
  cdSize: number;
  cdOffset: number;
}

const u64 = (view: DataView, at: number) => Number(view.getBigUint64(at, true));

const findEnd = (bytes: Uint8Array): ZipEnd | string | undefined => {
  const minEocd = 22;
  if (bytes.length < minEocd) return 'it is too short to be a ZIP archive';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - minEocd - 0xffff);
  for (let i = bytes.length - minEocd; i >= lowest; i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const commentLength = view.getUint16(i + 20, true);
    if (i + minEocd + commentLength > bytes.length) continue;
    let entries = view.getUint16(i + 10, true);
    let size = view.getUint32(i + 12, true);
    let offset = view.getUint32(i + 16, true);
    // ZIP64 archives put 0xffff(ffff) here and the real values in the ZIP64 end record, found
    // through the locator (PK\x06\x07) just before this record.
    if (offset === 0xffffffff || size === 0xffffffff || entries === 0xffff) {
      const locator = i - 20;
      if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) return undefined;
      const end64 = u64(view, locator + 8);
      if (end64 + 56 > locator || view.getUint32(end64, true) !== 0x06064b50)
        return 'its ZIP64 end record is missing';
      entries = u64(view, end64 + 32);
      size = u64(view, end64 + 40);
      offset = u64(view, end64 + 48);
    }
    if (offset + size > i) return 'its table of contents points past the end of the file';
    return { at: i, entries, cdSize: size, cdOffset: offset };
  }
  return 'its table of contents (the end of the archive) is missing';
};

/**
 * Limits against "zip bombs" (a small archive that expands to fill a disk or a memory). What the
 * files of an archive declare, summed, may not exceed 20 times the deliverable's upload limit,
 * capped at 1 GB: an archive of source code or data compresses 2-10 times, so 20 leaves room for
 * very repetitive data (logs, CSV) while the cap keeps a grader's machine (or a Lambda with 1 GB)
 * safe whatever the upload limit is. No single file may expand more than 1000 times (deflate
 * cannot do much better, ~1030:1; only runs of identical bytes get there) once it is over 1 MB.
 * And at most 10,000 files (a project with its dependencies folder is the usual way past it).
 */
export const ZIP_LIMITS = {
  expansionFactor: 20,
  maxTotalBytes: 1024 ** 3,
  maxRatio: 1000,
  ratioFromBytes: 1024 ** 2,
  maxEntries: 10_000,
} as const;

export interface ZipProblem {
  code: 'truncated' | 'zip-bomb';
  /** For the student: what is wrong and which limit it breaks. */
  detail: string;
}

export const zipExpandedLimit = (maxBytes: number): number =>
  Math.min(ZIP_LIMITS.expansionFactor * maxBytes, ZIP_LIMITS.maxTotalBytes);

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/** The central directory's entries, ZIP64 sizes included; a string when it is damaged. */
const readEntries = (bytes: Uint8Array, end: ZipEnd): Entry[] | string => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: Entry[] = [];
  let p = end.cdOffset;
  for (let n = 0; n < end.entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      return 'its table of contents is damaged';
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > bytes.length) return 'its table of contents is damaged';
    const entry: Entry = {
      name: Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength)).toString('utf8'),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      uncompressed: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    };
    // ZIP64 extended information (extra field 0x0001): the 64-bit values, in this order, of the
    // fields set to 0xffffffff.
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength;) {
      const id = view.getUint16(x, true);
      const size = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let f = x + 4;
        for (const key of ['uncompressed', 'compressed', 'localOffset'] as const)
          if (entry[key] === 0xffffffff && f + 8 <= x + 4 + size) {
            entry[key] = u64(view, f);
            f += 8;
          }
      }
      x += 4 + size;
    }
    entries.push(entry);
    p = next;
  }
  return entries;
};

/** Inflates a raw deflate stream, keeping only the count: stops once past `cap` bytes. */
const inflatedSize = (data: Uint8Array, cap: number): Promise<number | Error> =>
  new Promise((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    let done = false;
    const settle = (value: number | Error) => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) settle(total);
    });
    inflate.on('end', () => settle(total));
    inflate.on('error', (error) => settle(error));
    inflate.end(data);
  });

/**
 * `zipProblem`, then the zip-bomb limits (ZIP_LIMITS) on what the table of contents declares,
 * then the declarations themselves are checked where it is cheap: each stored or deflated file is
 * inflated (counting bytes, never keeping them) and may not produce more than it declared, so a
 * table of contents that understates sizes does not get past the limits. The work is bounded by
 * the limits: at most `zipExpandedLimit(maxBytes)` bytes are inflated in all.
 */
export const inspectZip = async (
  bytes: Uint8Array,
  { maxBytes }: { maxBytes: number },
): Promise<ZipProblem | undefined> => {
  const end = findEnd(bytes);
  if (typeof end === 'string') return { code: 'truncated', detail: end };
  if (end === undefined) return undefined;
  const bomb = (detail: string): ZipProblem => ({ code: 'zip-bomb', detail });
  if (end.entries > ZIP_LIMITS.maxEntries)
    return bomb(
      `it holds ${end.entries.toLocaleString('en')} files; at most ${ZIP_LIMITS.maxEntries.toLocaleString('en')} are accepted ` +
        '(leave out generated folders such as node_modules, build outputs or virtual environments)',
    );
  const entries = readEntries(bytes, end);
  if (typeof entries === 'string') return { code: 'truncated', detail: entries };

  const limit = zipExpandedLimit(maxBytes);
  const limitText =
    `at most ${formatBytes(limit)} once extracted is accepted (` +
    (limit === ZIP_LIMITS.maxTotalBytes
      ? `${formatBytes(ZIP_LIMITS.maxTotalBytes)} at most`
      : `${ZIP_LIMITS.expansionFactor} times the ${formatBytes(maxBytes)} upload limit`) +
    ')';
  const declared = entries.reduce((sum, e) => sum + e.uncompressed, 0);
  if (declared > limit)
    return bomb(`its files would take ${formatBytes(declared)} once extracted; ${limitText}`);
  for (const e of entries)
    if (
      e.uncompressed > ZIP_LIMITS.ratioFromBytes &&
      e.uncompressed > ZIP_LIMITS.maxRatio * Math.max(e.compressed, 1)
    )
      return bomb(
        `"${e.name}" would expand from ${formatBytes(e.compressed)} to ${formatBytes(e.uncompressed)}, ` +
          `more than ${ZIP_LIMITS.maxRatio} times; such archives are refused as "zip bombs"`,
      );

  // Do not trust the declared sizes: check them where it is cheap.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    const encrypted = (e.flags & 1) !== 0;
    if (encrypted || (e.method !== 0 && e.method !== 8)) continue; // cannot check without the key / codec
    const local = e.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
      return { code: 'truncated', detail: `the data of "${e.name}" is missing` };
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + e.compressed > bytes.length)
      return { code: 'truncated', detail: `the data of "${e.name}" is cut short` };
    if (e.method === 0) {
      if (e.compressed !== e.uncompressed)
        return { code: 'truncated', detail: `the size recorded for "${e.name}" is wrong` };
      continue;
    }
    const actual = await inflatedSize(bytes.subarray(start, start + e.compressed), e.uncompressed);
    if (actual instanceof Error) return { code: 'truncated', detail: `the data of "${e.name}" is damaged` };
    if (actual > e.uncompressed)
      return bomb(
        `"${e.name}" expands to more than the ${formatBytes(e.uncompressed)} its table of contents declares ` +
          '(a forged archive, as "zip bombs" are)',
      );
  }
  return undefined;
};
