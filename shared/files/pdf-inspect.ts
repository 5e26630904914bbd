import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

/*
 * pdf.js in Node (and in a bundled Lambda): the legacy build runs the "worker" in the same thread
 * (there is no Worker in Node). Left alone it would `import()` ./pdf.worker.mjs from
 * GlobalWorkerOptions.workerSrc at run time, a file a bundle does not have; handing it the worker
 * module through globalThis.pdfjsWorker makes the import static, so esbuild bundles it.
 */
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

export type PdfProblem = 'password' | 'damaged' | 'truncated' | 'no-pages' | 'timeout';

export type PdfReport = { ok: true; pages: number } | { ok: false; problem: PdfProblem; detail: string };

const latin1 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/**
 * A PDF ends with `startxref <offset> %%EOF` (readers look in the last 1024 bytes, trailing blanks
 * aside). pdf.js is lenient on purpose: it rebuilds a lost cross-reference table by scanning the
 * file, so a file cut short often still "opens" with whatever objects survived. A file that lost
 * its end is refused here, before pdf.js gets the chance to paper over it.
 */
export const pdfTrailerProblem = (bytes: Uint8Array): string | undefined => {
  let end = bytes.length;
  while (end > 0 && [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(bytes[end - 1] ?? 0)) end--;
  const tail = latin1(bytes.subarray(Math.max(0, end - 1024), end));
  const eof = tail.lastIndexOf('%%EOF');
  if (eof < 0) return 'it does not end with the %%EOF marker every complete PDF has';
  if (!/startxref\s+\d+\s*$/.test(tail.slice(0, eof))) return 'its last section (startxref) is missing';
  return undefined;
};

const CHECK_TIMEOUT_MS = 30_000;

/**
 * Opens a PDF the way a reader does and counts its pages as a reader shows them: pdf.js follows
 * xref streams, compressed object streams, incremental updates and linearization, and opens files
 * encrypted with an owner password only (the empty user password opens them everywhere). Every
 * page is then loaded, so a page tree pointing at objects that are not there is caught.
 *
 * `bytes` is copied: pdf.js transfers (detaches) the buffer it is given.
 */
export const inspectPdf = async (bytes: Uint8Array): Promise<PdfReport> => {
  const trailer = pdfTrailerProblem(bytes);
  if (trailer) return { ok: false, problem: 'truncated', detail: trailer };
  const task = getDocument({
    data: new Uint8Array(bytes),
    password: '',
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    stopAtErrors: true,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
  });
  // No onPassword handler: pdf.js then rejects with a PasswordException when the empty user
  // password does not open the file (it does open files with an owner password only).
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PdfReport>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, problem: 'timeout', detail: 'checking it took too long' }),
      CHECK_TIMEOUT_MS,
    );
  });
  const check = (async (): Promise<PdfReport> => {
    try {
      const doc = await task.promise;
      const pages = doc.numPages;
      if (!Number.isInteger(pages) || pages < 1)
        return { ok: false, problem: 'no-pages', detail: 'it has no pages' };
      for (let i = 1; i <= pages; i++) {
        try {
          await doc.getPage(i);
        } catch (error) {
          return {
            ok: false,
            problem: 'damaged',
            detail: `page ${i} of ${pages} cannot be read (${(error as Error).message})`,
          };
        }
      }
      return { ok: true, pages };
    } catch (error) {
      const e = error as { name?: string; message?: string; code?: number };
      if (e.name === 'PasswordException')
        return { ok: false, problem: 'password', detail: 'it needs a password to open' };
      return { ok: false, problem: 'damaged', detail: e.message ?? String(error) };
    }
  })();
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
};
