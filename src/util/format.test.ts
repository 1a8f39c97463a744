import { describe, expect, it } from 'vitest';
import { distinct, fmt, fmtTex, num, powerOfTen, sci, sciTex, sig } from './format';

/** The narrow no-break space around × (written out so the expectations stay readable). */
const _ = '\u202f';

describe('fmt', () => {
  it('uses fixed digits and a true minus sign', () => {
    expect(fmt(0.36, 2)).toBe('0.36');
    expect(fmt(-1.2346, 3)).toBe('−1.235');
    expect(fmt(2, 0)).toBe('2');
  });
  it('never prints a negative zero', () => {
    expect(fmt(-0.0001, 2)).toBe('0.00');
    expect(fmt(-0, 1)).toBe('0.0');
  });
  it('spells out non-finite values', () => {
    expect(fmt(Number.NaN)).toBe('NaN');
    expect(fmt(-Infinity)).toBe('−∞');
  });
  it('writes KaTeX-ready text', () => {
    expect(fmtTex(-0.5, 1)).toBe('-0.5');
    expect(fmtTex(Infinity)).toBe('\\infty');
  });
});

describe('sci', () => {
  it('writes small errors in scientific notation, larger ones plainly', () => {
    expect(sci(3.24e-10)).toBe(`3.2${_}×${_}10⁻¹⁰`);
    expect(sci(0)).toBe('0');
    expect(sci(1)).toBe('1.00');
    expect(sci(0.35)).toBe('0.35');
  });
  it('keeps the true minus sign on negative mantissas', () => {
    expect(sci(-3.24e-10)).toBe(`−3.2${_}×${_}10⁻¹⁰`);
    expect(sciTex(-3.24e-10)).toBe('-3.2 \\times 10^{-10}');
    expect(sciTex(0.5)).toBe('0.50');
  });
});

describe('num', () => {
  it('writes fixed decimals while they carry two significant digits, a power of ten otherwise', () => {
    expect(num(59.9372, 2)).toBe('59.94');
    expect(num(0.0012, 4)).toBe('0.0012');
    expect(num(0.00099, 4)).toBe('0.00099');
    expect(num(0.000099, 4)).toBe(`9.90${_}×${_}10⁻⁵`);
    expect(num(5.93e-5, 4)).toBe(`5.93${_}×${_}10⁻⁵`);
    expect(num(-5.93e-5, 4)).toBe(`−5.93${_}×${_}10⁻⁵`);
    expect(num(1413.46, 2)).toBe('1413.46');
    expect(num(1.4e6)).toBe(`1.40${_}×${_}10⁶`);
    expect(num(0.0059, 3)).toBe('0.0059');
    expect(num(0.004, 2)).toBe('0.004');
    expect(num(0, 3)).toBe('0.000');
    expect(num(Infinity)).toBe('∞');
  });
  it('never holds a character a line may break at, or a hyphen-minus', () => {
    for (const x of [1.413e3, 6.173e-7, -2.5e-9, 3e12, -0.25]) expect(num(x, 3)).not.toMatch(/[ \-e]/);
  });
});

describe('sig', () => {
  it('trims trailing zeros and floating-point noise', () => {
    expect(sig(0.5)).toBe('0.5');
    expect(sig(0.1 + 0.2)).toBe('0.3');
    expect(sig(0.23399999999999999)).toBe('0.234');
    expect(sig(-12.34567)).toBe('−12.35');
    expect(sig(100000)).toBe('10⁵');
  });
  it('writes tick-like powers of ten without a mantissa of 1', () => {
    expect(sig(1e-4)).toBe('10⁻⁴');
    expect(sig(-1e-4)).toBe('−10⁻⁴');
    expect(sig(2.5e-7)).toBe(`2.5${_}×${_}10⁻⁷`);
    expect(powerOfTen(0)).toBe('1');
    expect(powerOfTen(-12)).toBe('10⁻¹²');
  });
});

describe('distinct', () => {
  it('shows two different numbers with just enough digits to tell them apart', () => {
    expect(distinct(0.30000000000000004, 0.3)).toEqual(['0.30000000000000004', '0.3']);
    expect(distinct(0.2341, 0.234)).toEqual(['0.2341', '0.234']);
    expect(distinct(1.23456789, 1.23456788)).toEqual(['1.23456789', '1.23456788']);
    expect(distinct(2, 2)).toEqual(['2', '2']);
  });
});
