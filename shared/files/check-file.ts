import { formatBytes, typeLabel } from '../domain/upload-rules.js';
import { inspectPdf } from './pdf-inspect.js';
import { kindLabel, kindOfContentType, sniff, type Kind } from './sniff.js';
import { zipProblem } from './zip-inspect.js';

export type RefusalCode =
  'empty' | 'too-large' | 'wrong-type' | 'password' | 'damaged' | 'truncated' | 'no-pages' | 'too-many-pages';

export interface FileRules {
  /** The deliverable's title, as students know it. */
  title: string;
  maxBytes: number;
  maxPages?: number;
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
 * without a password, be complete and have no more pages than allowed; a ZIP must be complete).
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
    const report = await inspectPdf(file.bytes);
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
        case 'timeout':
          return refuse(
            'damaged',
            `The PDF is damaged and cannot be opened (${report.detail}). Export it again from your editor and upload the new file.`,
          );
      }
    const { pages } = report;
    if (rules.maxPages !== undefined && pages > rules.maxPages)
      return refuse(
        'too-many-pages',
        `The PDF has ${pages} pages; ${rules.title} allows at most ${rules.maxPages}. ` +
          'Shorten it and upload it again.',
        pages,
      );
    return { status: 'accepted', detected, pages };
  }
  if (detected === 'zip' && file.bytes) {
    const problem = zipProblem(file.bytes);
    if (problem)
      return refuse(
        'truncated',
        `The ZIP archive is incomplete or damaged: ${problem}. Create the archive again and upload it.`,
      );
  }
  return { status: 'accepted', detected };
};
