import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  frac,
  fromNumber,
  parseFraction,
  sum,
  toText,
  ONE,
} from '../../shared/domain/fraction.js';

describe('exact fractions', () => {
  it('adds thirds to exactly one', () => {
    expect(sum([frac(1n, 3n), frac(1n, 3n), frac(1n, 3n)])).toEqual(ONE);
    expect(add(frac(2n, 3n), frac(1n, 3n))).toEqual(ONE);
  });

  it('parses "2/3", "1", "0.5" and refuses a zero denominator or text', () => {
    expect(parseFraction('2/3')).toEqual(frac(2n, 3n));
    expect(parseFraction('1')).toEqual(ONE);
    expect(parseFraction('0.5')).toEqual(frac(1n, 2n));
    expect(parseFraction('1/0')).toBeUndefined();
    expect(parseFraction('two thirds')).toBeUndefined();
  });

  it('reads a number at its decimal spelling, not its binary approximation', () => {
    expect(fromNumber(14.3)).toEqual(frac(143n, 10n));
    expect(fromNumber(0.1)).toEqual(frac(1n, 10n));
    expect(toText(fromNumber(12.5))).toBe('25/2');
  });

  it('compares exactly', () => {
    expect(compare(frac(1n, 3n), fromNumber(0.3333333333333333))).toBe(1);
  });
});
