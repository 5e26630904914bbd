import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { log } from '../runtime/log.js';
import { capturePageTreeRoot, countPageLeaves } from './pdf-page-tree.js';

export type PdfProblem = 'password' | 'damaged' | 'truncated' | 'no-pages' | 'timeout' | 'too-complex';

/**
 * `pages` is the number of leaves of the page tree. Counting stops past the limit: `more: true`
 * means the file has more than `pages` pages (then `pages` is `maxPages + 1`).
 */
export type PdfReport =
  { ok: true; pages: number; more?: true } | { ok: false; problem: PdfProblem; detail: string };

export interface InspectOptions {
  /** The deliverable's page limit; counting stops just past it. Default: DEFAULT_PAGE_CAP. */
  maxPages?: number;
  /** Wall-clock budget for opening and counting; the checking thread is terminated after it. */
  timeoutMs?: number;
}

/** The Lambda has 60 s; 20 s leaves time to record the verdict and mail the receipt. */
export const PDF_CHECK_TIMEOUT_MS = 20_000;
/** Counting bound for deliverables without a page limit. */
export const DEFAULT_PAGE_CAP = 1000;
/** Heap of the checking thread (the function has 1 GB); pdf.js does not render, so this is ample. */
const WORKER_HEAP_MB = 384;

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

/**
 * Opens a PDF the way a reader does and counts its pages as the leaves of its page tree (see
 * pdf-page-tree.ts): pdf.js follows xref streams, compressed object streams, incremental updates
 * and linearization, and opens files encrypted with an owner password only (the empty user
 * password opens them everywhere). The pages within the limit are then loaded, so a page tree
 * pointing at objects that are not there is caught.
 *
 * pdf.js works synchronously for long stretches (a hostile file can keep it busy for minutes), so
 * it runs in a worker thread that is terminated when `timeoutMs` runs out: the caller's thread
 * stays responsive and always gets a report. The worker is this very module (one file per Lambda
 * bundle; from the TypeScript sources, with tsx), and only it loads pdf.js.
 */
export const inspectPdf = async (bytes: Uint8Array, options: InspectOptions = {}): Promise<PdfReport> => {
  const trailer = pdfTrailerProblem(bytes);
  if (trailer) return { ok: false, problem: 'truncated', detail: trailer };
  const job: Job = {
    id: ++lastJobId,
    bytes: new Uint8Array(bytes),
    maxPages: options.maxPages ?? DEFAULT_PAGE_CAP,
  };
  return inWorker(job, options.timeoutMs ?? PDF_CHECK_TIMEOUT_MS);
};

const MARKER = 'examdeskPdfInspect';

interface Job {
  id: number;
  bytes: Uint8Array;
  maxPages: number;
}

type FromWorker = { ready: true } | { id: number; report: PdfReport };

let lastJobId = 0;

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

/**
 * The worker's entry when running from the TypeScript sources (vitest, `node --import tsx`): a
 * worker's `--import tsx` does not reach its entry module on Node 20, so this script registers tsx
 * itself. pdf.js is loaded natively first (after the polyfill), since going through tsx's hooks
 * costs ~4 s per thread; the later imports of the same files hit the module cache.
 */
const sourcesBootstrap = (self: URL): string => {
  const require = createRequire(import.meta.url);
  const url = (path: string) => JSON.stringify(pathToFileURL(path).href);
  const tsx = url(join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs'));
  const polyfill = JSON.stringify(new URL('./dom-polyfill.ts', self).href);
  const pdfjsWorker = url(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'));
  const pdfjs = url(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
  return `(async () => {
    const { register } = await import(${tsx});
    const unregister = register();
    await import(${polyfill});
    await unregister();
    await import(${pdfjsWorker});
    await import(${pdfjs});
    register();
    await import(${JSON.stringify(self.href)});
  })();`;
};

/** A checking thread: this very module, with pdf.js loaded; `ready` once it has loaded. */
interface Checker {
  worker: Worker;
  ready: boolean;
}

/** One idle thread is kept (unref'd: it never holds the process) for the next check. */
let idle: Checker | undefined;

const startChecker = (): Checker => {
  const self = new URL(import.meta.url);
  const options = {
    workerData: { [MARKER]: true },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  };
  const worker = /\.[cm]?tsx?$/.test(self.pathname)
    ? new Worker(sourcesBootstrap(self), { ...options, eval: true })
    : new Worker(self, options);
  const checker: Checker = { worker, ready: false };
  worker.on('message', (message: FromWorker) => {
    if ('ready' in message) checker.ready = true;
  });
  worker.on('exit', () => {
    if (idle === checker) idle = undefined;
  });
  // Errors are handled by the job in progress; an idle thread that fails just goes away.
  worker.on('error', () => undefined);
  return checker;
};

const inWorker = (job: Job, timeoutMs: number): Promise<PdfReport> =>
  new Promise<PdfReport>((resolve, reject) => {
    const checker = idle ?? startChecker();
    idle = undefined;
    const { worker } = checker;
    worker.ref();
    let settled = false;
    const finish = (outcome: PdfReport | Error, keep = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep && !idle) {
        worker.unref();
        idle = checker;
      } else void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    // The only way to stop pdf.js mid-work: terminate its thread.
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          problem: 'timeout',
          detail: `checking it did not finish within ${duration(timeoutMs)}`,
        }),
      timeoutMs,
    );
    const onMessage = (message: FromWorker) => {
      if ('id' in message && message.id === job.id) finish(message.report, true);
    };
    const onError = (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
        return finish({ ok: false, problem: 'too-complex', detail: 'checking it needed too much memory' });
      // Before pdf.js loaded, the fault is ours (a broken bundle): fail the invocation loudly.
      // After, pdf.js choked on this file: the student gets a verdict.
      if (!checker.ready)
        return finish(new Error(`the PDF checking thread failed to start: ${error.message}`));
      log.warn('pdf check thread failed', { error });
      finish({ ok: false, problem: 'damaged', detail: `the PDF reader failed on it (${error.message})` });
    };
    const onExit = (code: number) =>
      finish(new Error(`the PDF checking thread exited (code ${code}) without a report`));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
  });

/** pdf.js's legacy build warns, on load, that it cannot load the native canvas we do not want. */
const withoutCanvasWarning = async <T>(load: () => Promise<T>): Promise<T> => {
  const { log: originalLog, warn: originalWarn } = console;
  const quiet =
    (original: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('Cannot load "@napi-rs/canvas"')) return;
      original(...args);
    };
  console.log = quiet(originalLog);
  console.warn = quiet(originalWarn);
  try {
    return await load();
  } finally {
    console.log = originalLog;
    console.warn = originalWarn;
  }
};

const loadPdfjs = () => withoutCanvasWarning(() => import('./pdfjs-node.js'));

const inspectHere = async (
  { getDocument, VerbosityLevel }: Awaited<ReturnType<typeof loadPdfjs>>,
  { bytes, maxPages }: Job,
): Promise<PdfReport> => {
  const tree = capturePageTreeRoot();
  const task = getDocument({
    data: bytes,
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
  try {
    const doc = await task.promise;
    tree.stop();
    const root = tree.root();
    let counted: { pages: number; more: boolean };
    if (root) {
      const leaves = countPageLeaves(root, maxPages + 1);
      if (!leaves.ok) return { ok: false, problem: 'damaged', detail: leaves.detail };
      counted = leaves;
    } else {
      // pdf.js internals changed (see pdf-page-tree.ts): fall back on its own count, bounded.
      log.warn('pdf page tree not captured; counting with pdf.js numPages');
      counted = { pages: Math.min(doc.numPages, maxPages + 1), more: doc.numPages > maxPages + 1 };
    }
    const { pages, more } = counted;
    if (!Number.isInteger(pages) || pages < 1)
      return { ok: false, problem: 'no-pages', detail: 'it has no pages' };
    if (more || pages > maxPages) return { ok: true, pages, ...(more ? { more: true as const } : {}) };
    // Within the limit: load each page as a reader would (pdf.js knows at most numPages of them).
    for (let i = 1; i <= Math.min(pages, doc.numPages); i++) {
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
    const e = error as { name?: string; message?: string };
    if (e.name === 'PasswordException')
      return { ok: false, problem: 'password', detail: 'it needs a password to open' };
    return { ok: false, problem: 'damaged', detail: e.message ?? String(error) };
  } finally {
    tree.stop();
    await task.destroy().catch(() => undefined);
  }
};

// The worker branch: this module, loaded as a worker by startChecker (from a bundle, the whole
// bundle is loaded; its other modules only define things). Jobs are handled one at a time.
if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[MARKER] === true) {
  const port = parentPort;
  // A rejection here is unhandled, so it ends the thread with an 'error' event (see inWorker).
  void loadPdfjs().then((pdfjs) => {
    port.postMessage({ ready: true } satisfies FromWorker);
    let queue = Promise.resolve();
    port.on('message', (job: Job) => {
      queue = queue
        .then(() => inspectHere(pdfjs, job))
        .then((report) => port.postMessage({ id: job.id, report } satisfies FromWorker));
    });
  });
}
