import type { CourseView } from '../../api/types.js';

export type DeliverableConfig = CourseView['config']['deliverables'][number];

/** "application/pdf" → "PDF": how the accepted types are named to people. */
export const typeName = (contentType: string) => (contentType.split('/')[1] ?? contentType).toUpperCase();

/** The input's accept list: the types and their usual extensions (some systems know only those). */
export const acceptAttribute = (accept: string[]) =>
  [...accept, ...accept.map((a) => `.${a.split('/')[1] ?? ''}`)].join(',');

/**
 * The content type to declare. Browsers leave `type` empty for some files and name ZIPs
 * differently by system, so a name ending in an accepted type's subtype (.pdf, .zip) wins.
 */
export const contentTypeOf = (file: File, accept: string[]): string => {
  if (accept.includes(file.type)) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return accept.find((a) => a.split('/')[1] === ext) ?? (file.type || 'application/octet-stream');
};

/** What can be told before asking the server: too large, or not an accepted type. */
export const fileProblem = (
  file: File,
  deliverable: DeliverableConfig,
): { kind: 'too-large' } | { kind: 'wrong-type' } | undefined => {
  if (file.size > deliverable.maxBytes) return { kind: 'too-large' };
  if (!deliverable.accept.includes(contentTypeOf(file, deliverable.accept))) return { kind: 'wrong-type' };
  return undefined;
};
