/**
 * What a file is, by its first bytes (magic numbers), never by its name or declared type.
 * `kind` groups the content types that share a format: a declared `application/x-zip-compressed`
 * and a detected ZIP archive agree.
 */
export type Kind =
  'pdf' | 'zip' | 'gzip' | 'png' | 'jpeg' | 'gif' | 'text' | 'ole2' | 'rar' | '7z' | 'ps' | 'unknown';

export interface Sniffed {
  kind: Kind;
  /** How a student reads it: "plain text", "a ZIP archive". */
  label: string;
}

const LABELS: Record<Kind, string> = {
  pdf: 'a PDF document',
  zip: 'a ZIP archive',
  gzip: 'a gzip archive',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  text: 'plain text',
  ole2: 'an old Microsoft Office document (.doc/.xls/.ppt)',
  rar: 'a RAR archive',
  '7z': 'a 7-Zip archive',
  ps: 'a PostScript file',
  unknown: 'an unrecognised binary file',
};

/** The kind a declared content type promises; undefined when the type cannot be checked by content. */
export const kindOfContentType = (contentType: string): Kind | undefined => {
  if (contentType === 'application/pdf') return 'pdf';
  if (contentType === 'application/zip' || contentType === 'application/x-zip-compressed') return 'zip';
  if (contentType === 'application/gzip' || contentType === 'application/x-gzip') return 'gzip';
  if (contentType === 'image/png') return 'png';
  if (contentType === 'image/jpeg') return 'jpeg';
  if (contentType === 'image/gif') return 'gif';
  if (contentType.startsWith('text/') || contentType === 'application/json' || contentType.endsWith('+json'))
    return 'text';
  return undefined;
};

const startsWith = (bytes: Uint8Array, signature: number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** `%PDF-` may follow a little junk: readers look for it in the first 1024 bytes. */
export const pdfHeaderOffset = (head: Uint8Array): number => {
  const limit = Math.min(head.length - 5, 1024);
  const sig = ascii('%PDF-');
  for (let i = 0; i <= limit; i++) if (startsWith(head, sig, i)) return i;
  return -1;
};

const looksLikeText = (head: Uint8Array): boolean => {
  if (head.length === 0) return false;
  if (head.includes(0)) return false;
  try {
    // A cut in the middle of a multi-byte character at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
  } catch {
    return false;
  }
  let control = 0;
  for (const b of head) if (b < 9 || (b > 13 && b < 32)) control++;
  return control <= head.length / 100;
};

/** Decides from the first few KB of the file (4 KB is plenty). */
export const sniff = (head: Uint8Array): Sniffed => {
  const kind = ((): Kind => {
    if (pdfHeaderOffset(head) >= 0) return 'pdf';
    if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
      return 'zip';
    if (startsWith(head, [0x50, 0x4b, 0x07, 0x08])) return 'zip';
    if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
    if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
    if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
    if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
    if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2';
    if (startsWith(head, ascii('Rar!\x1a\x07'))) return 'rar';
    if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
    if (startsWith(head, ascii('%!PS'))) return 'ps';
    if (looksLikeText(head)) return 'text';
    return 'unknown';
  })();
  return { kind, label: LABELS[kind] };
};

export const kindLabel = (kind: Kind): string => LABELS[kind];
