/*
 * Counting pages as the page tree's leaves (as qpdf does), whatever the root /Count says.
 *
 * pdf.js's `numPages` is the root /Count: it corrects a /Count larger than the tree (its last page
 * is missing, so it walks the tree) but trusts a smaller one, so 12 pages declared as 2 pass a
 * 10-page limit. Its API offers no way to walk the tree, and a parser of our own would have to
 * redo what pdf.js already does well (xref streams, object streams, RC4/AES decryption of
 * owner-password files, xref reconstruction). So we borrow pdf.js's own objects: every Catalog
 * pdf.js builds stores its page-tree root with `shadow(this, "toplevelPagesDict", dict)`, i.e.
 * `Object.defineProperty`. `capturePageTreeRoot` watches that one property name while a document
 * opens, then the tree is walked with pdf.js's Dict (`get`, `has`, `getRaw`) and XRef (`fetch`).
 *
 * This relies on pdf.js internals (pdfjs-dist is pinned to an exact version; the tests with lying
 * /Count values fail if an upgrade changes them). It only runs in the dedicated checking thread
 * (pdf-inspect.ts), never in the handler's thread.
 */

export interface PdfDictLike {
  get(key: string): unknown;
  getRaw(key: string): unknown;
  has(key: string): boolean;
}

export interface PdfXrefLike {
  fetch(ref: unknown): unknown;
}

export interface PageTreeRoot {
  root: PdfDictLike;
  xref: PdfXrefLike;
}

const isDict = (v: unknown): v is PdfDictLike =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as PdfDictLike).getRaw === 'function' &&
  typeof (v as PdfDictLike).get === 'function' &&
  typeof (v as PdfDictLike).has === 'function';

const isRef = (v: unknown): v is { num: number; gen: number } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { num?: unknown }).num === 'number' &&
  typeof (v as { gen?: unknown }).gen === 'number';

const nameOf = (v: unknown): string | undefined =>
  typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string'
    ? (v as { name: string }).name
    : undefined;

/**
 * Records the page-tree root of the documents pdf.js opens until `stop()` (the last one wins: pdf.js
 * opens a second time, in recovery mode, when the cross-reference table is broken).
 */
export const capturePageTreeRoot = () => {
  const original = Object.defineProperty;
  let captured: PageTreeRoot | undefined;
  const watching = function <T>(
    obj: T,
    prop: PropertyKey,
    attributes: PropertyDescriptor & ThisType<unknown>,
  ): T {
    if (prop === 'toplevelPagesDict' && isDict(attributes.value)) {
      const xref = (obj as { xref?: unknown }).xref;
      if (typeof xref === 'object' && xref !== null && typeof (xref as PdfXrefLike).fetch === 'function')
        captured = { root: attributes.value, xref: xref as PdfXrefLike };
    }
    return original(obj, prop, attributes);
  };
  Object.defineProperty = watching;
  return {
    root: () => captured,
    stop: () => {
      if (Object.defineProperty === watching) Object.defineProperty = original;
    },
  };
};

export type LeafCount = { ok: true; pages: number; more: boolean } | { ok: false; detail: string };

/**
 * Counts the leaves of the page tree, depth first in reading order, and stops as soon as it has
 * seen `stopAfter + 1` leaves (`pages: stopAfter, more: true`): a file declaring 20,000 pages costs
 * no more than one with `stopAfter`. A leaf is a /Type /Page node or a node without /Kids (as pdf.js
 * and qpdf read them); a page object listed twice counts twice (qpdf does the same); an
 * intermediate node met twice is a loop, and a kid that is not a dictionary is a damaged file.
 */
export const countPageLeaves = ({ root, xref }: PageTreeRoot, stopAfter: number): LeafCount => {
  let pages = 0;
  const seenNodes = new Set<unknown>();
  const seenRefs = new Set<string>();
  const unreadable = (why: string): LeafCount => ({
    ok: false,
    detail: `page ${pages + 1} cannot be read (${why})`,
  });
  type Frame = { kids: unknown[]; next: number };
  const stack: Frame[] = [];

  // Returns a problem, or undefined after counting the node or pushing its kids.
  const visit = (node: PdfDictLike, ref: string | undefined): LeafCount | undefined => {
    const type = nameOf(node.get('Type'));
    if (type === 'Page' || !node.has('Kids')) {
      pages++;
      return undefined;
    }
    if (seenNodes.has(node) || (ref !== undefined && seenRefs.has(ref)))
      return { ok: false, detail: 'its page tree refers to itself (a loop)' };
    seenNodes.add(node);
    if (ref !== undefined) seenRefs.add(ref);
    const kids = node.get('Kids');
    if (!Array.isArray(kids)) return unreadable('a list of pages is not a list');
    stack.push({ kids: kids as unknown[], next: 0 });
    return undefined;
  };

  try {
    const first = visit(root, undefined);
    if (first) return first;
    while (stack.length > 0 && pages <= stopAfter) {
      const frame = stack.at(-1) as Frame;
      if (frame.next >= frame.kids.length) {
        stack.pop();
        continue;
      }
      const kid = frame.kids[frame.next++];
      const ref = isRef(kid) ? `${kid.num} ${kid.gen} R` : undefined;
      const node = isRef(kid) ? xref.fetch(kid) : kid;
      if (!isDict(node)) return unreadable('it is not a page object');
      const problem = visit(node, ref);
      if (problem) return problem;
    }
  } catch (error) {
    return unreadable((error as Error).message ?? String(error));
  }
  return pages > stopAfter ? { ok: true, pages: stopAfter, more: true } : { ok: true, pages, more: false };
};
