/**
 * Everything the linear-collapse widget shows, derived from its state with the engine (lib/):
 * the three weight matrices, their product W₁W₂W₃ (the "equivalent single layer"), the network's
 * output on seeded random inputs next to the single layer's, and how far the two are apart.
 */
import { Matrix, Network, createRng, matmul, type Rng } from '@lib';
import type { LinearCollapseState } from './state';

/** How many random inputs check the collapse, and how many of them the table lists. */
export const SAMPLES = 200;
export const SHOWN = 5;
/** Inputs are drawn uniformly from [−INPUT_RANGE, INPUT_RANGE]² (both signs, so a ReLU can switch off). */
export const INPUT_RANGE = 1;

export interface Weights {
  W1: Matrix;
  W2: Matrix;
  W3: Matrix;
}

export function weightsOf(s: Pick<LinearCollapseState, 'w1' | 'w2' | 'w3'>): Weights {
  return {
    W1: Matrix.from([
      [s.w1[0]!, s.w1[1]!],
      [s.w1[2]!, s.w1[3]!],
    ]),
    W2: Matrix.from([
      [s.w2[0]!, s.w2[1]!],
      [s.w2[2]!, s.w2[3]!],
    ]),
    W3: Matrix.from([[s.w3[0]!], [s.w3[1]!]]),
  };
}

/** The product W₁W₂W₃ (2×1): the weights (w_e, w_f) of the single layer the linear network equals. */
export function collapse(w: Weights): Matrix {
  return matmul(matmul(w.W1, w.W2), w.W3);
}

/** The network x → h¹ = f(xW₁) → h² = f(h¹W₂) → ŷ = h²W₃ (no biases, as on the slide). */
export type HiddenActivation = 'linear' | 'relu';

export function networkOf(w: Weights, act: HiddenActivation): Network {
  return Network.fromParameters([
    { weights: w.W1.toArray(), biases: [0, 0], activation: act },
    { weights: w.W2.toArray(), biases: [0, 0], activation: act },
    { weights: w.W3.toArray(), biases: [0], activation: 'linear' },
  ]);
}

/** SAMPLES seeded random inputs (one per row), uniform in [−1, 1]². */
export function randomInputs(seed: number, n = SAMPLES, rng: Rng = createRng(seed)): Matrix {
  const x = Matrix.zeros(n, 2);
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.uniform(-INPUT_RANGE, INPUT_RANGE);
  return x;
}

export interface Sample {
  x1: number;
  x2: number;
  /** The deep network's output. */
  network: number;
  /** The collapsed single layer's output x·(W₁W₂W₃). */
  single: number;
  difference: number;
  agree: boolean;
  /** Whether some hidden neuron's weighted sum was negative (a ReLU would output 0 there). */
  clipped: boolean;
}

export interface Comparison {
  product: Matrix;
  samples: Sample[];
  /** Largest |network − single layer| over all samples. */
  maxDifference: number;
  /** The sample where it is largest. */
  worst: Sample;
  /** Samples where the two disagree beyond rounding. */
  mismatches: number;
  /** Samples where some hidden weighted sum is negative. */
  clipped: number;
}

/** Agreement up to float64 rounding, relative to the size of the numbers. */
export function agrees(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * (1 + Math.abs(a) + Math.abs(b));
}

/** Run the network and its "equivalent single layer" on the same random inputs and compare. */
export function compare(s: LinearCollapseState, inputs: Matrix = randomInputs(s.seed)): Comparison {
  const w = weightsOf(s);
  const product = collapse(w);
  const net = networkOf(w, s.act === 'relu' ? 'relu' : 'linear');
  const deep = net.predict(inputs);
  const z1 = net.layers[0]!.output.clone();
  const z2 = net.layers[1]!.output.clone();
  const single = matmul(inputs, product);
  const samples: Sample[] = [];
  for (let i = 0; i < inputs.rows; i++) {
    const network = deep.get(i, 0);
    const one = single.get(i, 0);
    const clipped = z1.get(i, 0) < 0 || z1.get(i, 1) < 0 || z2.get(i, 0) < 0 || z2.get(i, 1) < 0;
    samples.push({
      x1: inputs.get(i, 0),
      x2: inputs.get(i, 1),
      network,
      single: one,
      difference: network - one,
      agree: agrees(network, one),
      clipped,
    });
  }
  let worst = samples[0]!;
  for (const p of samples) if (Math.abs(p.difference) > Math.abs(worst.difference)) worst = p;
  return {
    product,
    samples,
    maxDifference: Math.abs(worst.difference),
    worst,
    mismatches: samples.filter((p) => !p.agree).length,
    clipped: samples.filter((p) => p.clipped).length,
  };
}

/**
 * TeX for a weighted sum such as `2 h_{11} + 3 h_{21}`: zero terms are left out, negative weights
 * are subtracted, and an all-zero sum is `0`.
 */
export function weightedSumTex(terms: readonly [number, string][], format: (x: number) => string): string {
  let out = '';
  for (const [w, v] of terms) {
    if (w === 0) continue;
    const text = format(Math.abs(w));
    if (out === '') out = `${w < 0 ? '-' : ''}${text}\\,${v}`;
    else out += ` ${w < 0 ? '-' : '+'} ${text}\\,${v}`;
  }
  return out || '0';
}

/** The smallest of 1, 1.5, 2, 3, 5, 7 × 10ᵏ at least `v` (v > 0). */
export function ladder(v: number): number {
  const k = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.5, 2, 3, 5, 7, 10]) if (m * k >= v) return m * k;
  return 10 * k;
}

/**
 * The axes' range: the outputs' range (at least −1…1, padded) with each end rounded out to a
 * step of a coarse ladder, so the axes move only now and then, not on every input.
 */
export function niceDomain(result: Comparison): [number, number] {
  const [lo, hi] = paddedRange(result);
  return [-ladder(-lo), ladder(hi)];
}

/** The outputs' range, at least −1…1, padded by 6 % on each side. */
function paddedRange(result: Comparison): [number, number] {
  let lo = -1;
  let hi = 1;
  for (const p of result.samples) {
    if (Number.isFinite(p.network) && Number.isFinite(p.single)) {
      lo = Math.min(lo, p.network, p.single);
      hi = Math.max(hi, p.network, p.single);
    }
  }
  const pad = 0.06 * (hi - lo);
  return [lo - pad, hi + pad];
}

/**
 * The range to show next, given the one shown: kept while the outputs (padded as in `niceDomain`)
 * still fit inside it and fill more than 40 % of it; otherwise `niceDomain` afresh. The same array
 * comes back when nothing changes.
 */
export function keepDomain(shown: [number, number], result: Comparison): [number, number] {
  const [lo, hi] = niceDomain(result);
  const [needLo, needHi] = paddedRange(result);
  const fits = shown[0] <= needLo && needHi <= shown[1];
  const fills = needHi - needLo > 0.4 * (shown[1] - shown[0]);
  if (fits && fills) return shown;
  return lo === shown[0] && hi === shown[1] ? shown : [lo, hi];
}

/** A number as short as it can be (at most `digits` decimals, no trailing zeros), with a true minus sign. */
export function short(x: number, digits = 3): string {
  const text = String(Number(x.toFixed(digits)));
  return text === '-0' ? '0' : text.replace('-', '−');
}
export const shortTex = (x: number, digits = 3) => short(x, digits).replace('−', '-');
