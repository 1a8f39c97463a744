import { describe, expect, it } from 'vitest';
import { fmt, fmtTex } from './format';

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
