import { describe, expect, it } from 'vitest';
import { fmt, fmtTex, sci, sciTex } from './format';

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
    expect(sci(3.24e-10)).toBe('3.2 × 10⁻¹⁰');
    expect(sci(0)).toBe('0');
    expect(sci(1)).toBe('1.00');
    expect(sci(0.35)).toBe('0.35');
  });
  it('keeps the true minus sign on negative mantissas', () => {
    expect(sci(-3.24e-10)).toBe('−3.2 × 10⁻¹⁰');
    expect(sciTex(-3.24e-10)).toBe('-3.2 \\times 10^{-10}');
    expect(sciTex(0.5)).toBe('0.50');
  });
});
