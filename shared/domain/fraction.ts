/** Exact rational arithmetic on bigints, so 2/3 + 1/3 is exactly 1 and grades round once. */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

export const frac = (n: bigint, d: bigint = 1n): Fraction => {
  if (d === 0n) throw new RangeError('denominator is zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
};

export const ZERO = frac(0n);
export const ONE = frac(1n);

const FRACTION_TEXT = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/;
const DECIMAL_TEXT = /^\s*(-?)(\d+)(?:\.(\d+))?\s*$/;

/** Parses "2/3", "1" or "0.5"; returns undefined for anything else (or a zero denominator). */
export const parseFraction = (text: string): Fraction | undefined => {
  const f = FRACTION_TEXT.exec(text);
  if (f) {
    const d = BigInt(f[2] ?? '1');
    return d === 0n ? undefined : frac(BigInt(f[1] ?? '0'), d);
  }
  return parseDecimal(text);
};

/** Exact value of a decimal written in base 10 ("12.5" → 25/2). */
export const parseDecimal = (text: string): Fraction | undefined => {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return undefined;
  const decimals = m[3] ?? '';
  const n = BigInt(`${m[2]}${decimals}`) * (m[1] === '-' ? -1n : 1n);
  return frac(n, 10n ** BigInt(decimals.length));
};

/** A JS number taken at its shortest decimal spelling: 14.3 is 143/10, not the nearest binary double. */
export const fromNumber = (value: number): Fraction => {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  const parsed = parseDecimal(text);
  if (!parsed) throw new RangeError(`cannot read ${value} as a decimal`);
  return parsed;
};

export const add = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.d + b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.n, a.d * b.d);
export const div = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.d, a.d * b.n);
export const compare = (a: Fraction, b: Fraction): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const equals = (a: Fraction, b: Fraction): boolean => compare(a, b) === 0;
export const sum = (values: readonly Fraction[]): Fraction => values.reduce(add, ZERO);
export const toText = (f: Fraction): string => (f.d === 1n ? `${f.n}` : `${f.n}/${f.d}`);
export const toNumber = (f: Fraction): number => Number(f.n) / Number(f.d);
