/**
 * Keeping numbers out of the subnormal range. Doubles below 2^−1022 in magnitude are "subnormal":
 * CPUs process them many times slower, and one of them in a weight or gradient slows every later
 * product. Values that small move nothing, so setting them to 0 changes no result that matters,
 * only the speed.
 */
import type { Matrix } from '../matrix.ts';

/** Smallest normal double, 2^−1022 ≈ 2.2e-308; below it floats are subnormal. */
export const SUBNORMAL_LIMIT = 2.2250738585072014e-308;

/**
 * Sets every value below SUBNORMAL_LIMIT in magnitude to 0. Used on the softmax + cross-entropy
 * gradient: a probability that underflowed (e^z for z < −708) would otherwise leave a subnormal
 * gradient behind.
 */
export function flushSubnormals(values: Float64Array): void {
  for (let i = 0; i < values.length; i++) if (Math.abs(values[i]!) < SUBNORMAL_LIMIT) values[i] = 0;
}

/**
 * Momentums smaller than this are set to 0 every FLUSH_EVERY steps. When a gradient stays 0 (a dead
 * ReLU, a saturated output) the momentum shrinks by the factor β each step and after a few
 * thousand steps becomes subnormal. A value below 1e-200 moves no weight anyway.
 */
const TINY_MOMENTUM = 1e-200;
const FLUSH_EVERY = 64;

/** After update number `iteration`: every FLUSH_EVERY updates, momentums below TINY_MOMENTUM become 0. */
export function flushTinyMomentums(
  iteration: number,
  weightMomentums: readonly (Matrix | undefined)[],
  biasMomentums: readonly (Matrix | undefined)[],
): void {
  if (iteration % FLUSH_EVERY !== 0) return;
  for (const m of weightMomentums) if (m) flushTiny(m.data);
  for (const m of biasMomentums) if (m) flushTiny(m.data);
}

function flushTiny(values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== 0 && Math.abs(values[i]!) < TINY_MOMENTUM) values[i] = 0;
  }
}
