import { formatBytes, typeLabel } from '../domain/upload-rules.js';
import { inspectPdf } from './pdf-inspect.js';
import { kindLabel, kindOfContentType, sniff, type Kind } from './sniff.js';
import { inspectZip } from './zip-inspect.js';

export type RefusalCode =
  | 'empty'
  | 'too-large'
  | 'wrong-type'
  | 'password'
  | 'damaged'
  | 'truncated'
  | 'no-pages'
  | 'too-many-pages'
  /** The PDF could not be checked within the time or memory budget. */
  | 'too-complex'
  /** A ZIP whose content would expand far beyond its size (a "zip bomb"), or with too many entries. */
  | 'zip-bomb';

export interface FileRules {
  /** The deliverable's title, as students know it. */
  title: string;
  maxBytes: number;
  maxPages?: number;
  /** How long a PDF may take to check; default PDF_CHECK_TIMEOUT_MS (20 s). */
  pdfTimeoutMs?: number;
}

export interface FileInput {
  fileName: string;
  /** The type the student declared (and S3 stored); one of the deliverable's accepted types. */
  declaredType: string;
  size: number;
  /** The first bytes of the file (at least 4 KB when the file has them). */
  head: Uint8Array;
  /** The whole file, when it was small enough to hold in memory; needed for PDF and ZIP checks. */
  bytes?: Uint8Array;
}

export type FileVerdict = {
  detected: Kind;
  pages?: number;
} & ({ status: 'accepted' } | { status: 'rejected'; code: RefusalCode; reason: string });

/**
 * The decision on a received file, in the order a student would want to hear it: empty, too
 * large, not what it claims to be (by content), then format-specific checks (a PDF must open
 * without a password, be complete, have no more pages than allowed — counted as the page tree's
 * leaves — and be checkable within PDF_CHECK_TIMEOUT_MS; a ZIP must be complete and not expand
 * beyond the ZIP_LIMITS).
 * Reasons are written for the student who receives the receipt.
 */
export const checkFile = async (file: FileInput, rules: FileRules): Promise<FileVerdict> => {
  const sniffed = sniff(file.head);
  const detected = sniffed.kind;
  const refuse = (code: RefusalCode, reason: string, pages?: number): FileVerdict => ({
    status: 'rejected',
    code,
    reason,
    detected,
    ...(pages === undefined ? {} : { pages }),
  });
  if (file.size === 0)
    return refuse('empty', 'The file is empty (0 bytes): nothing was submitted. Upload the file again.');
  if (file.size > rules.maxBytes)
    return refuse(
      'too-large',
      `The file is ${formatBytes(file.size)}; ${rules.title} accepts at most ${formatBytes(rules.maxBytes)}.`,
    );
  const promised = kindOfContentType(file.declaredType);
  if (promised && promised !== detected)
    return refuse(
      'wrong-type',
      `"${file.fileName}" was sent as ${typeLabel(file.declaredType)} but it is not one: its content is ${sniffed.label}. ` +
        `Renaming a file does not change its format; export or save it as ${kindLabel(promised)} and upload it again.`,
    );
  if (detected === 'pdf' && file.bytes) {
    const report = await inspectPdf(file.bytes, {
      ...(rules.maxPages === undefined ? {} : { maxPages: rules.maxPages }),
      ...(rules.pdfTimeoutMs === undefined ? {} : { timeoutMs: rules.pdfTimeoutMs }),
    });
    if (!report.ok)
      switch (report.problem) {
        case 'password':
          return refuse(
            'password',
            'The PDF is protected by a password, so it cannot be opened for grading. ' +
              'Save a copy without a password to open it and upload that copy.',
          );
        case 'truncated':
          return refuse(
            'truncated',
            `The PDF is incomplete: ${report.detail}. The export or the upload was probably cut short; ` +
              'export it again and upload the new file.',
          );
        case 'no-pages':
          return refuse('no-pages', 'The PDF has no pages.');
        case 'damaged':
          return refuse(
            'damaged',
            `The PDF is damaged and cannot be opened (${report.detail}). Export it again from your editor and upload the new file.`,
          );
        case 'timeout':
        case 'too-complex':
          return refuse(
            'too-complex',
            `The PDF could not be checked: ${report.detail}, far longer than a report of this size should take, ` +
              'so it is probably malformed or unusually complex. Export it again from your editor ' +
              '(or "Print to PDF"), check that it opens, and upload the new file' +
              (rules.maxPages === undefined ? '.' : ` (at most ${rules.maxPages} pages).`),
          );
      }
    const { pages } = report;
    if (rules.maxPages !== undefined && (report.more || pages > rules.maxPages))
      return report.more
        ? refuse(
            'too-many-pages',
            `The PDF has more than ${pages} pages; ${rules.title} allows at most ${rules.maxPages}. ` +
              'Shorten it and upload it again.',
          )
        : refuse(
            'too-many-pages',
            `The PDF has ${pages} pages; ${rules.title} allows at most ${rules.maxPages}. ` +
              'Shorten it and upload it again.',
            pages,
          );
    // Without a page limit, a page count past the counting cap is not known exactly.
    return { status: 'accepted', detected, ...(report.more ? {} : { pages }) };
  }
  if (detected === 'zip' && file.bytes) {
    const problem = await inspectZip(file.bytes, { maxBytes: rules.maxBytes });
    if (problem)
      return refuse(
        problem.code,
        problem.code === 'truncated'
          ? `The ZIP archive is incomplete or damaged: ${problem.detail}. Create the archive again and upload it.`
          : `The ZIP archive cannot be accepted: ${problem.detail}.`,
      );
  }
  return { status: 'accepted', detected };
};
