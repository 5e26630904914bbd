/** The pdf.js worker module ships without types; only its message handler is used (in-thread). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
