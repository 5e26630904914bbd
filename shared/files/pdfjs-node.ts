// Order matters: ESM evaluates imports in the order written, and pdf.js needs DOMMatrix at load.
import './dom-polyfill.js';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

/*
 * pdf.js in Node (and in a bundled Lambda): the legacy build runs the "worker" in the same thread
 * (the fake worker; our own isolation is the worker_threads Worker pdf-inspect.ts starts). Left
 * alone it would `import()` ./pdf.worker.mjs from GlobalWorkerOptions.workerSrc at run time, a file
 * a bundle does not have; handing it the worker module through globalThis.pdfjsWorker makes the
 * import static, so esbuild bundles it.
 *
 * This module is only loaded with a dynamic import() from the checking thread: once bundled,
 * esbuild wraps it (and pdf.js) in a lazy initialiser, so the handler's own thread never evaluates
 * the ~3 MB of pdf.js.
 */
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

export { getDocument, VerbosityLevel };
