import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matrix, softmax } from '@lib';
import { decodeState, defaultsOf } from '../shared/url-state';
import { softmaxSchema } from './state';
import {
  CLASSES,
  EXP_OVERFLOW,
  compute,
  judge,
  logitsOf,
  naiveSoftmax,
  numberTex,
  numberText,
  stableSoftmax,
} from './model';

const defaults = defaultsOf(softmaxSchema);
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('softmax widget model', () => {
  it('the defaults are the lecture fruit example: (2.0, 1.0, 0.1) → 0.659, 0.242, 0.099', () => {
    const r = compute(defaults);
    expect(r.logits).toEqual([2, 1, 0.1]);
    expect(r.stable.probs.map((p) => p.toFixed(3))).toEqual(['0.659', '0.242', '0.099']);
    expect(r.naive.probs.map((p) => p.toFixed(3))).toEqual(['0.659', '0.242', '0.099']);
    expect(r.verdict.kind).toBe('ok');
    expect(CLASSES.slice(0, 3)).toEqual(['apple', 'orange', 'banana']);
  });

  it('shows each step: e^z, their sum, and e^z / sum', () => {
    const n = naiveSoftmax([2, 1, 0.1]);
    // e² ≈ 7.38906, e¹ = e, e^0.1 ≈ 1.10517; their sum ≈ 11.2125 (the lecture shows 11.213)
    expect(n.exps[0]).toBeCloseTo(7.38906, 5);
    expect(n.exps[1]).toBeCloseTo(Math.E, 15);
    expect(n.exps[2]).toBeCloseTo(1.10517, 5);
    expect(n.sum).toBeCloseTo(11.2125, 4);
    // The lecture's probabilities for the fruit logits, which add up to 1
    expect(n.probs.map((p) => Number(p.toFixed(3)))).toEqual([0.659, 0.242, 0.099]);
    expect(n.probs.reduce((a, b) => a + b)).toBeCloseTo(1, 15);
    const s = stableSoftmax([2, 1, 0.1]);
    expect(s.max).toBe(2);
    expect(s.exps[0]).toBe(1);
    // The displayed steps and the engine's probabilities agree.
    // Shifting the logits by their maximum changes no probability.
    s.probs.forEach((p, i) => expect(p).toBeCloseTo(n.probs[i]!, 15));
    expect(s.probs).toEqual(Array.from(softmax(Matrix.from([[2, 1, 0.1]])).data));
  });

  it('probabilities sum to 1 for any logits and shift the widget allows (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(
          fc.integer({ min: -100, max: 100 }).map((i) => i / 10),
          { minLength: 6, maxLength: 6 },
        ),
        fc.integer({ min: -1000, max: 1000 }),
        (k, z, shift) => {
          const r = compute({ k, z, shift });
          expect(r.stable.probs).toHaveLength(k);
          expect(total(r.stable.probs)).toBeCloseTo(1, 12);
          for (const p of r.stable.probs) expect(p >= 0 && p <= 1).toBe(true);
          // Shifting never changes the stable answer.
          const unshifted = compute({ k, z, shift: 0 }).stable.probs;
          r.stable.probs.forEach((p, i) => expect(p).toBeCloseTo(unshifted[i]!, 12));
        },
      ),
      { seed: 31, numRuns: 300 },
    );
  });

  it("the lecture's (1000, 999, 998.1): the naive formula really overflows to Infinity and NaN, the stable one does not", () => {
    const s = { ...defaults, shift: 998 };
    const r = compute(s);
    expect(r.logits[0]).toBe(1000);
    expect(r.logits[1]).toBe(999);
    expect(r.logits[2]).toBeCloseTo(998.1, 10);
    expect(r.naive.exps.every((e) => e === Infinity)).toBe(true);
    expect(r.naive.sum).toBe(Infinity);
    expect(r.naive.probs.every(Number.isNaN)).toBe(true);
    expect(r.verdict.kind).toBe('overflow');
    expect(r.stable.probs.every(Number.isFinite)).toBe(true);
    expect(r.stable.probs.map((p) => p.toFixed(3))).toEqual(['0.659', '0.242', '0.099']);
  });

  it('overflow starts just above ln(largest double) ≈ 709.78', () => {
    expect(EXP_OVERFLOW).toBeCloseTo(709.78, 2);
    expect(compute({ k: 2, z: [0, -5, 0, 0, 0, 0], shift: 709 }).verdict.kind).toBe('ok');
    expect(compute({ k: 2, z: [1, -5, 0, 0, 0, 0], shift: 709 }).verdict.kind).toBe('overflow');
    // One class overflows, the other is finite: NaN for the first, 0 for the second.
    const r = compute({ k: 2, z: [1, -5, 0, 0, 0, 0], shift: 709 });
    expect(Number.isNaN(r.naive.probs[0]!)).toBe(true);
    expect(r.naive.probs[1]).toBe(0);
  });

  it('a sum can overflow when no single term does', () => {
    const r = compute({ k: 6, z: [9.5, 9.5, 9.5, 9.5, 9.5, 9.5], shift: 700 });
    expect(r.naive.exps.every(Number.isFinite)).toBe(true);
    expect(r.naive.sum).toBe(Infinity);
    expect(r.naive.probs).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.verdict.kind).toBe('sum-overflow');
    expect(total(r.stable.probs)).toBeCloseTo(1, 12);
  });

  it('very negative logits underflow: 0 / 0 is NaN for the naive formula only', () => {
    const r = compute({ ...defaults, shift: -1000 });
    expect(r.naive.exps.every((e) => e === 0)).toBe(true);
    expect(r.naive.probs.every(Number.isNaN)).toBe(true);
    expect(r.verdict.kind).toBe('underflow');
    expect(r.stable.probs.map((p) => p.toFixed(3))).toEqual(['0.659', '0.242', '0.099']);
  });

  it('tiny (subnormal) exponentials make the naive result finite but wrong', () => {
    const r = compute({ ...defaults, shift: -738 });
    expect(r.naive.probs.every(Number.isFinite)).toBe(true);
    expect(r.verdict.kind).toBe('imprecise');
    expect(r.verdict.error).toBeGreaterThan(1e-9);
    expect(judge(naiveSoftmax([1, 2]), stableSoftmax([1, 2])).kind).toBe('ok');
  });

  it('only the first k logits are used', () => {
    expect(logitsOf({ k: 2, z: [1, 2, 3, 4, 5, 6], shift: 10 })).toEqual([11, 12]);
    expect(
      compute({ k: 6, z: [0, 0, 0, 0, 0, 0], shift: 0 }).stable.probs.every((p) => Math.abs(p - 1 / 6) < 1e-15),
    ).toBe(true);
  });

  it('writes NaN, Infinity and huge or tiny numbers readably', () => {
    expect(numberText(NaN).text).toBe('NaN');
    expect(numberText(Infinity).text).toBe('Infinity');
    expect(numberText(0.6590011).text).toBe('0.659');
    expect(numberText(-2.5).text).toBe('−2.500');
    expect(numberText(Math.exp(709))).toMatchObject({ mantissa: '8.22', exponent: 307 });
    expect(numberText(Math.exp(709)).text).toBe('8.22\u202f×\u202f10³⁰⁷');
    expect(numberText(4e-10)).toMatchObject({ mantissa: '4.00', exponent: -10 });
    expect(numberTex(Infinity)).toBe('\\infty');
    expect(numberTex(NaN)).toBe('\\text{NaN}');
    expect(numberTex(Math.exp(709))).toBe('8.22 \\times 10^{307}');
  });

  it('a garbage link keeps the defaults', () => {
    const r = decodeState(softmaxSchema, 'k:7,z:1_2,shift:1e9');
    expect(r.problems).toHaveLength(3);
    expect(r.state).toEqual({ ...defaults, k: 6, shift: 1000 });
  });
});
