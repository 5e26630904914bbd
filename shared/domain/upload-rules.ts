import type { Deliverable } from './course-config.js';

/**
 * What a deliverable accepts, checked on the upload request (name, declared type and size) before
 * any byte is sent. The file itself is checked again when S3 has it (by content, not by name).
 */
export interface KnownType {
  /** File name extensions that go with the type (lower case, without the dot). */
  extensions: string[];
  /** How a student reads it: "a PDF document". */
  label: string;
}

export const KNOWN_TYPES: Record<string, KnownType> = {
  'application/pdf': { extensions: ['pdf'], label: 'a PDF document' },
  'application/zip': { extensions: ['zip'], label: 'a ZIP archive' },
  'application/x-zip-compressed': { extensions: ['zip'], label: 'a ZIP archive' },
  'application/gzip': { extensions: ['gz', 'tgz'], label: 'a gzip archive' },
  'image/png': { extensions: ['png'], label: 'a PNG image' },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], label: 'a JPEG image' },
  'text/plain': { extensions: ['txt'], label: 'a plain text file' },
  'text/markdown': { extensions: ['md', 'markdown'], label: 'a Markdown file' },
  'text/csv': { extensions: ['csv'], label: 'a CSV file' },
  'application/x-ipynb+json': { extensions: ['ipynb'], label: 'a Jupyter notebook' },
};

export const typeLabel = (contentType: string): string =>
  KNOWN_TYPES[contentType]?.label ?? `a file of type ${contentType}`;

const MAX_NAME = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export interface RuleProblem {
  path: string;
  message: string;
}

export const formatBytes = (n: number): string => {
  if (n < 1024) return `${n} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = value >= 100 || Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1);
  return `${text} ${units[unit]}`;
};

/** The file name a student gives: a plain name (no folders), with an extension that fits the type. */
export const fileNameProblems = (fileName: string, contentType: string): RuleProblem[] => {
  const problems: RuleProblem[] = [];
  const path = 'body.fileName';
  if (!fileName.trim()) return [{ path, message: 'a file name is required' }];
  if (fileName.length > MAX_NAME) problems.push({ path, message: `at most ${MAX_NAME} characters` });
  if (/[/\\]/.test(fileName)) problems.push({ path, message: 'a file name, not a path (no / or \\)' });
  if (CONTROL.test(fileName)) problems.push({ path, message: 'contains control characters' });
  if (fileName === '.' || fileName === '..') problems.push({ path, message: 'not a file name' });
  const known = KNOWN_TYPES[contentType];
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  if (known && !known.extensions.includes(extension))
    problems.push({
      path,
      message: `"${fileName}" does not look like ${known.label}: expected a name ending in ${known.extensions
        .map((e) => `.${e}`)
        .join(' or ')}`,
    });
  return problems;
};

/** Declared type and size against the deliverable's accept rules. */
export const declaredFileProblems = (
  deliverable: Pick<Deliverable, 'title' | 'accept' | 'maxBytes'>,
  file: { fileName: string; contentType: string; size: number },
): { problems: RuleProblem[]; tooLarge: boolean } => {
  const problems: RuleProblem[] = [];
  let tooLarge = false;
  if (!deliverable.accept.includes(file.contentType))
    problems.push({
      path: 'body.contentType',
      message: `${deliverable.title} accepts ${deliverable.accept.map(typeLabel).join(' or ')} (${deliverable.accept.join(', ')}), not ${file.contentType}`,
    });
  else problems.push(...fileNameProblems(file.fileName, file.contentType));
  if (file.size === 0)
    problems.push({ path: 'body.size', message: 'the file is empty (0 bytes): choose the file again' });
  else if (file.size > deliverable.maxBytes) {
    tooLarge = true;
    problems.push({
      path: 'body.size',
      message: `the file is ${formatBytes(file.size)}; ${deliverable.title} accepts at most ${formatBytes(deliverable.maxBytes)}`,
    });
  }
  return { problems, tooLarge };
};

/**
 * Contribution statements (deliverables with `requiresContributions`): every current member has a
 * statement, either their own (`confirmed`: sent by the member) or a non-blank one in the upload
 * body (proposed by the uploader), and the body has none for people who are not members.
 */
export const contributionProblems = (
  members: string[],
  contributions: Record<string, string> | undefined,
  confirmed: ReadonlySet<string> = new Set(),
): { problems: RuleProblem[]; missing: string[] } => {
  const given = new Map(
    Object.entries(contributions ?? {}).map(([email, text]) => [email.trim().toLowerCase(), text.trim()]),
  );
  const missing = members.filter((m) => !given.get(m) && !confirmed.has(m));
  const problems: RuleProblem[] = missing.map((m) => ({
    path: `body.contributions.${m}`,
    message: `no contribution statement for ${m}`,
  }));
  for (const email of given.keys())
    if (!members.includes(email))
      problems.push({ path: `body.contributions.${email}`, message: `${email} is not a member` });
  return { problems, missing };
};

/** Keeps the statements keyed by lower-case member email, trimmed. */
export const normalizeContributions = (
  members: string[],
  contributions: Record<string, string> | undefined,
): Record<string, string> => {
  const given = new Map(
    Object.entries(contributions ?? {}).map(([email, text]) => [email.trim().toLowerCase(), text.trim()]),
  );
  return Object.fromEntries(members.flatMap((m) => (given.get(m) ? [[m, given.get(m) as string]] : [])));
};
