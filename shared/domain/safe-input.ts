import * as z from 'zod';

/**
 * The two rules every user-supplied value that reaches the table goes through, in one place:
 * numbers DynamoDB can store exactly, and text without invisible or control characters.
 */

/**
 * DynamoDB numbers: 0, or a magnitude from 1E-130 to 9.99…E+125 with up to 38 significant digits
 * (a JS number has at most 17). The document client also refuses anything beyond
 * ±Number.MAX_SAFE_INTEGER unless it is a NumberValue, so that is the practical upper bound.
 */
export const MIN_STORABLE_MAGNITUDE = 1e-130;
export const MAX_STORABLE_MAGNITUDE = Number.MAX_SAFE_INTEGER;

export const isStorableNumber = (value: number): boolean =>
  Number.isFinite(value) &&
  (value === 0 || (Math.abs(value) >= MIN_STORABLE_MAGNITUDE && Math.abs(value) <= MAX_STORABLE_MAGNITUDE));

const STORABLE_MESSAGE = `cannot be stored exactly: use 0 or a number whose magnitude lies between 1e-130 and ${MAX_STORABLE_MAGNITUDE}`;

/** Every number that is stored starts from this schema (then `.int()`, `.min()`, … as usual). */
export const StorableNumber = z.number().refine(isStorableNumber, STORABLE_MESSAGE);

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

const isControl = (cp: number) => cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
const isBidiControl = (cp: number) => (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;

/**
 * The first character that has no place in user text, described for a 400: C0/C1 control
 * characters (tab, line feed and CR LF are allowed in multi-line text), bidirectional overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069, which make text display in another order than it is
 * stored), U+FEFF (a byte-order mark inside text) and unpaired surrogates (not encodable as UTF-8).
 * Positions count characters from 1.
 */
export const unsafeCharacter = (text: string, options: { multiline?: boolean } = {}): string | undefined => {
  let position = 0;
  for (let i = 0; i < text.length; i++) {
    position++;
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) {
      i++; // the second half of a surrogate pair
      continue;
    }
    const at = `(${hex(cp)}) at position ${position}`;
    if (isControl(cp)) {
      if (options.multiline && (cp === 0x09 || cp === 0x0a)) continue;
      if (options.multiline && cp === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
      return `contains a control character ${at}`;
    }
    if (isBidiControl(cp)) return `contains a bidirectional control character ${at}`;
    if (cp === 0xfeff) return `contains a zero-width no-break space (byte-order mark) ${at}`;
    if (isSurrogate(cp)) return `contains an unpaired surrogate ${at}`;
  }
  return undefined;
};

const safeTextCheck = (multiline: boolean) =>
  z.superRefine<string>((value, ctx) => {
    const problem = unsafeCharacter(value, { multiline });
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  });

/**
 * Adds the character rule to a string schema; put it last, after `.trim()`, so that it sees the
 * value as stored. Single-line by default (titles, names, ids); `multiline` allows tab, LF and CR LF
 * (comments, reasons, statements).
 */
export const safeText = <S extends z.ZodType<string, string>>(
  schema: S,
  options: { multiline?: boolean } = {},
): S => schema.check(safeTextCheck(options.multiline ?? false));
