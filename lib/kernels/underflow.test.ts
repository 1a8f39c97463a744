import { describe, expect, it } from 'vitest';
import { Matrix } from '../matrix.ts';
import { SUBNORMAL_LIMIT, flushSubnormals, flushTinyMomentums } from './underflow.ts';

describe('underflow kernels', () => {
  it('SUBNORMAL_LIMIT is the smallest normal double, 2^−1022', () => {
    expect(SUBNORMAL_LIMIT).toBe(2 ** -1022);
    expect(SUBNORMAL_LIMIT / 2).toBeGreaterThan(0); // below it: subnormal, not yet 0
  });

  it('flushSubnormals zeroes exactly the subnormal values and keeps every other bit', () => {
    const values = Float64Array.from([
      SUBNORMAL_LIMIT,
      -SUBNORMAL_LIMIT,
      SUBNORMAL_LIMIT / 2,
      -Number.MIN_VALUE,
      -0,
      1e-300,
      -0.25,
      Infinity,
    ]);
    flushSubnormals(values);
    expect(Array.from(values)).toEqual([SUBNORMAL_LIMIT, -SUBNORMAL_LIMIT, 0, 0, 0, 1e-300, -0.25, Infinity]);
    expect(Object.is(values[3], 0)).toBe(true); // −4.9e-324 → +0, as `|g| < limit ? 0 : g` gives
  });

  it('NaN passes through (the trainer reports it as divergence)', () => {
    const values = Float64Array.from([NaN]);
    flushSubnormals(values);
    expect(values[0]).toBeNaN();
  });

  it('flushTinyMomentums acts every 64th update only, on momentums below 1e-200, skipping layers without one', () => {
    const weights = [Matrix.row([1e-201, -1e-250, 1e-199, 0.5]), undefined];
    const biases = [Matrix.row([-1e-300])];
    flushTinyMomentums(63, weights, biases);
    expect(Array.from(weights[0]!.data)).toEqual([1e-201, -1e-250, 1e-199, 0.5]);
    flushTinyMomentums(64, weights, biases);
    expect(Array.from(weights[0]!.data)).toEqual([0, 0, 1e-199, 0.5]);
    expect(Array.from(biases[0]!.data)).toEqual([0]);
  });
});
