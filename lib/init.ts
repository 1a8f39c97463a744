/**
 * Seeded initialisation of weights and biases.
 *
 * Why it matters: if every weight starts equal, every neuron in a layer gets the
 * same gradient and they stay identical forever; if weights are too big or too
 * small, signals explode or vanish through the layers. The schemes below pick a
 * random spread that keeps the variance of activations roughly constant.
 */
import type { Matrix } from './matrix.ts';
import type { Rng } from './random.ts';

/**
 * How to draw initial weights for a layer with n_in inputs and n_out neurons:
 * - 'xavier' (Glorot uniform): W ~ U(−a, a), a = √(6 / (n_in + n_out)) — for sigmoid/tanh/linear/softmax.
 * - 'he': W ~ N(0, 2 / n_in) — for ReLU, which zeroes half its inputs.
 * - { uniform: a }: W ~ U(−a, a).
 * - { normal: s }: W ~ N(0, s²) (nnfs uses s = 0.01).
 * - 'zeros': W = 0 (only useful to show why symmetric starts fail).
 */
export type WeightInit = 'xavier' | 'he' | 'zeros' | { uniform: number } | { normal: number };

/**
 * How to draw initial biases:
 * - 'zeros': b = 0.
 * - { constant: c }: b = c.
 * - { uniform: a }: b ~ U(−a, a).
 * - { kinksIn: [min, max] } (or one [min, max] per input): pick a point x₀
 *   uniformly in the input box and set b = −x₀·w, so the neuron's boundary
 *   x·w + b = 0 passes through x₀. For one input this puts the ReLU kink
 *   x = −b/w uniformly inside [min, max] — the data range — instead of at 0.
 */
export type BiasInit =
  | 'zeros'
  | { constant: number }
  | { uniform: number }
  | { kinksIn: readonly [number, number] | readonly (readonly [number, number])[] };

/** Fills a weight matrix (n_in × n_out) in place according to `init`. */
export function initializeWeights(weights: Matrix, init: WeightInit, rng: Rng): void {
  const nIn = weights.rows;
  const nOut = weights.cols;
  const w = weights.data;
  if (init === 'zeros') {
    w.fill(0);
  } else if (init === 'xavier') {
    const a = Math.sqrt(6 / (nIn + nOut));
    for (let i = 0; i < w.length; i++) w[i] = rng.uniform(-a, a);
  } else if (init === 'he') {
    const std = Math.sqrt(2 / nIn);
    for (let i = 0; i < w.length; i++) w[i] = rng.normal(0, std);
  } else if (typeof init === 'object' && init !== null && 'uniform' in init) {
    checkPositive(init.uniform, 'weightInit.uniform');
    for (let i = 0; i < w.length; i++) w[i] = rng.uniform(-init.uniform, init.uniform);
  } else if (typeof init === 'object' && init !== null && 'normal' in init) {
    checkPositive(init.normal, 'weightInit.normal');
    for (let i = 0; i < w.length; i++) w[i] = rng.normal(0, init.normal);
  } else {
    throw new Error(
      `Unknown weightInit ${JSON.stringify(init)}; expected 'xavier', 'he', 'zeros', {uniform: a} or {normal: s}`,
    );
  }
}

/** Fills a bias row (1 × n_out) in place; `weights` (n_in × n_out) is needed for kinksIn. */
export function initializeBiases(biases: Matrix, weights: Matrix, init: BiasInit, rng: Rng): void {
  const b = biases.data;
  if (init === 'zeros') {
    b.fill(0);
  } else if (typeof init === 'object' && init !== null && 'constant' in init) {
    b.fill(init.constant);
  } else if (typeof init === 'object' && init !== null && 'uniform' in init) {
    checkPositive(init.uniform, 'biasInit.uniform');
    for (let j = 0; j < b.length; j++) b[j] = rng.uniform(-init.uniform, init.uniform);
  } else if (typeof init === 'object' && init !== null && 'kinksIn' in init) {
    const ranges = kinkRanges(init.kinksIn, weights.rows);
    for (let j = 0; j < weights.cols; j++) {
      // b_j = −x₀·w_j for a random point x₀ of the input box
      let dot = 0;
      for (let i = 0; i < weights.rows; i++) {
        const [low, high] = ranges[i]!;
        dot += rng.uniform(low, high) * weights.data[i * weights.cols + j]!;
      }
      b[j] = -dot;
    }
  } else {
    throw new Error(
      `Unknown biasInit ${JSON.stringify(init)}; expected 'zeros', {constant: c}, {uniform: a} or {kinksIn: [min, max]}`,
    );
  }
}

/** Default weight scheme for an activation: He for ReLU, Xavier otherwise. */
export function defaultWeightInit(activation: string): WeightInit {
  return activation === 'relu' ? 'he' : 'xavier';
}

function kinkRanges(
  spec: readonly [number, number] | readonly (readonly [number, number])[],
  nInputs: number,
): readonly (readonly [number, number])[] {
  const isSingle = spec.length === 2 && typeof spec[0] === 'number' && typeof spec[1] === 'number';
  const ranges = isSingle
    ? Array.from({ length: nInputs }, () => spec as readonly [number, number])
    : (spec as readonly (readonly [number, number])[]);
  if (ranges.length !== nInputs) {
    throw new Error(`biasInit.kinksIn: got ${ranges.length} ranges but the layer has ${nInputs} inputs`);
  }
  for (const range of ranges) {
    if (
      !Array.isArray(range) ||
      range.length !== 2 ||
      !Number.isFinite(range[0]) ||
      !Number.isFinite(range[1]) ||
      range[0] > range[1]
    ) {
      throw new Error(
        `biasInit.kinksIn: each range must be [min, max] with finite min ≤ max, got ${JSON.stringify(range)}`,
      );
    }
  }
  return ranges;
}

function checkPositive(value: number, field: string): void {
  if (!(Number.isFinite(value) && value > 0))
    throw new Error(`${field} must be a positive finite number, got ${value}`);
}
