import { describe, expect, it } from 'vitest';
import { decodeState, defaultsOf } from '../shared/url-state';
import { mseSchema } from './state';
import { PRESETS, compute, meanText, nearestHandle, yDomain } from './model';

const defaults = defaultsOf(mseSchema);

describe('mse widget model', () => {
  it("the defaults are the slides' example: (23.5 − 22.9)² = 0.36", () => {
    const r = compute(defaults);
    expect(r.examples).toHaveLength(1);
    expect(r.examples[0]!.error).toBeCloseTo(0.6, 12);
    expect(r.mse).toBeCloseTo(0.36, 12);
    expect(r.sum).toBeCloseTo(0.36, 12);
    expect(PRESETS[0]!.state.n).toBe(1);
    expect(PRESETS[0]!.state.t[0]).toBe(23.5);
    expect(PRESETS[0]!.state.p[0]).toBe(22.9);
  });

  it('five days: the mean of the squares, by hand', () => {
    // errors 0.6, −0.5, 0.5, −0.5, −0.5 → squares 0.36 + 4 × 0.25 = 1.36, mean 0.272
    const r = compute({ ...defaults, ...PRESETS[1]!.state });
    expect(r.sum).toBeCloseTo(1.36, 12);
    expect(r.mse).toBeCloseTo(0.272, 12);
    // one miss of 4 degrees: 0.36 + 3 × 0.25 + 16 = 17.11, mean 3.422 — it dominates the mean
    const big = compute({ ...defaults, ...PRESETS[2]!.state });
    expect(big.sum).toBeCloseTo(17.11, 12);
    expect(big.mse).toBeCloseTo(3.422, 12);
    expect(big.examples[4]!.squared / big.sum).toBeGreaterThan(0.9);
  });

  it('the engine mean equals sum / n, and only the first n examples count', () => {
    for (let n = 1; n <= 5; n++) {
      const r = compute({ ...defaults, n });
      expect(r.examples).toHaveLength(n);
      expect(r.mse).toBeCloseTo(r.sum / n, 12);
    }
  });

  it('a perfect prediction costs 0; the sign of the error does not matter', () => {
    expect(compute({ n: 1, t: [20, 0, 0, 0, 0], p: [20, 0, 0, 0, 0] }).mse).toBe(0);
    expect(compute({ n: 1, t: [20, 0, 0, 0, 0], p: [22, 0, 0, 0, 0] }).mse).toBe(4);
    expect(compute({ n: 1, t: [22, 0, 0, 0, 0], p: [20, 0, 0, 0, 0] }).mse).toBe(4);
  });

  it('the y range holds every value and is at least 4 degrees tall', () => {
    expect(yDomain(defaults)).toEqual([21, 25]);
    const d = yDomain({ ...defaults, n: 5, p: [22.9, 20, 21, 23.5, 39.9] });
    expect(d[0]).toBeLessThanOrEqual(17.5);
    expect(d[1]).toBe(40);
    const z = yDomain({ n: 1, t: [0, 0, 0, 0, 0], p: [0.5, 0, 0, 0, 0] });
    expect(z).toEqual([0, 4]);
  });

  it('finds the handle under the pointer', () => {
    const s = { ...defaults, ...PRESETS[1]!.state };
    expect(nearestHandle(s, 1, 23.5, 0.01, 0.05)).toEqual({ kind: 't', index: 0 });
    expect(nearestHandle(s, 5.02, 18, 0.01, 0.05)).toEqual({ kind: 'p', index: 4 });
    expect(nearestHandle(s, 3.5, 30, 0.01, 0.05)).toBeUndefined();
  });

  it('prints the mean with two to four decimals', () => {
    expect(meanText(compute(defaults).mse)).toBe('0.36');
    expect(meanText(0.272)).toBe('0.272');
    expect(meanText(0.41 / 3)).toBe('0.1367');
    expect(meanText(16)).toBe('16.00');
  });

  it('a garbage link keeps the defaults', () => {
    const r = decodeState(mseSchema, 'n:9,t:1_2,p:x');
    expect(r.problems).toHaveLength(3);
    expect(r.state).toEqual({ ...defaults, n: 5 });
  });
});
