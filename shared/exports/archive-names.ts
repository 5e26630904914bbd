/** Longest part of an entry name; whole names stay well under every unzip tool's path limit. */
const MAX_PART = 80;

/**
 * One part of a ZIP entry name, safe on every system the ZIP is opened on: Unicode letters and
 * digits are kept (NFC, so "é" is one character everywhere), and so are . _ - @; anything else
 * (path separators, control characters, the characters Windows refuses, spaces) becomes "_". No
 * leading dot (no hidden file, no "..") and never empty.
 */
export const safePart = (text: string, fallback = 'file'): string => {
  const cleaned = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._@-]+/gu, '_')
    .replace(/^[._]+/, '')
    .replace(/_+$/, '');
  return ([...cleaned].slice(0, MAX_PART).join('') || fallback).replace(/[.]+$/, '') || fallback;
};

/** "report.final.pdf" → ["report.final", ".pdf"]; an extension is at most 10 characters. */
const splitExtension = (name: string): [string, string] => {
  const m = /^(.+?)(\.[\p{L}\p{N}]{1,10})$/u.exec(name);
  return m ? [m[1] as string, m[2] as string] : [name, ''];
};

export interface EntryInput {
  /** The group id, or the student's email for a per-student deliverable. */
  owner: string;
  /** The group's paper, when it has one. */
  paperId?: string | undefined;
  fileName: string;
}

/**
 * `<group or student>_<paper id>_<file name>` for each entry, in order, every name unique even to
 * a case-insensitive file system (Windows, macOS): a clash gets "-2", "-3"… before its extension.
 */
export const entryNames = (entries: readonly EntryInput[]): string[] => {
  const taken = new Set<string>();
  return entries.map((e) => {
    const base = `${safePart(e.owner, 'owner')}_${safePart(e.paperId ?? 'no-paper')}_${safePart(e.fileName)}`;
    const [stem, ext] = splitExtension(base);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}${ext}`;
    taken.add(name.toLowerCase());
    return name;
  });
};
