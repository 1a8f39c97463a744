/**
 * Toy data sets from the lecture. Every generator that needs randomness takes
 * an explicit seeded Rng, so the same seed always gives the same points.
 *
 * A Dataset holds inputs `x` (samples × features) and targets `y`:
 * one 0/1 column for two classes (sigmoid + binary cross-entropy), one-hot
 * rows for three or more classes (softmax + categorical cross-entropy), or real
 * numbers for regression. Classification sets also carry integer `labels`.
 */
import { Matrix, gatherRows } from './matrix.ts';
import { oneHot } from './losses.ts';
import type { Rng } from './random.ts';

/** Inputs, targets and (for classification) labels and class names. */
export interface Dataset {
  x: Matrix;
  y: Matrix;
  labels?: Int32Array;
  classNames?: string[];
  featureNames?: string[];
}

/**
 * Two linearly separable clouds in [−1, 1]² — the perceptron's "blue-orange classifier".
 * A point is blue (label 1) when x₁w₁ + x₂w₂ + b > 0, orange (label 0) otherwise;
 * points closer than `margin` to the boundary are redrawn so a gap separates the classes.
 * Defaults: w = [1, 1], b = 0, margin 0.1. y is n×1.
 */
export function blueOrange(
  n: number,
  rng: Rng,
  options: { weights?: [number, number]; bias?: number; margin?: number } = {},
): Dataset {
  checkCount(n, 'blueOrange: n');
  const [w1, w2] = options.weights ?? [1, 1];
  const b = options.bias ?? 0;
  const margin = options.margin ?? 0.1;
  const norm = Math.hypot(w1, w2);
  if (!(norm > 0)) throw new Error('blueOrange: weights must not both be 0');
  const x = Matrix.zeros(n, 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let x1: number;
    let x2: number;
    let tries = 0;
    do {
      x1 = rng.uniform(-1, 1);
      x2 = rng.uniform(-1, 1);
      if (++tries > 10000) throw new Error(`blueOrange: margin ${margin} leaves no room inside [−1, 1]²`);
    } while (Math.abs(x1 * w1 + x2 * w2 + b) / norm < margin);
    x.set(i, 0, x1);
    x.set(i, 1, x2);
    labels[i] = x1 * w1 + x2 * w2 + b > 0 ? 1 : 0;
  }
  return { x, y: Matrix.column(labels), labels, classNames: ['orange', 'blue'], featureNames: ['x₁', 'x₂'] };
}

/** Names of the logic gates. */
export type GateName = 'and' | 'or' | 'xor';

/** Truth table of a logic gate: inputs [0,0], [0,1], [1,0], [1,1], target y as a 4×1 column. */
export function logicGate(gate: GateName): Dataset {
  const inputs: [number, number][] = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ];
  const rule: Record<GateName, (a: number, b: number) => number> = {
    and: (a, b) => a & b,
    or: (a, b) => a | b,
    xor: (a, b) => a ^ b,
  };
  const f = rule[gate];
  if (!f) throw new Error(`logicGate: unknown gate "${gate}"; expected and, or or xor`);
  const labels = Int32Array.from(inputs.map(([a, b]) => f(a, b)));
  return {
    x: Matrix.from(inputs),
    y: Matrix.column(labels),
    labels,
    classNames: ['0', '1'],
    featureNames: ['x₁', 'x₂'],
  };
}

/**
 * y = sin(x) (+ noise·N(0, 1)) for n points x on [0, 2π]: evenly spaced by
 * default, uniformly random with `random: true`. Noise and random x need `rng`.
 */
export function sine(n: number, options: { noise?: number; rng?: Rng; random?: boolean } = {}): Dataset {
  checkCount(n, 'sine: n');
  const noise = options.noise ?? 0;
  const rng = options.rng;
  if ((noise > 0 || options.random) && !rng) throw new Error('sine: noise or random x needs an rng');
  const x = Matrix.zeros(n, 1);
  const y = Matrix.zeros(n, 1);
  for (let i = 0; i < n; i++) {
    const xi = options.random && rng ? rng.uniform(0, 2 * Math.PI) : n === 1 ? 0 : (2 * Math.PI * i) / (n - 1);
    x.data[i] = xi;
    y.data[i] = Math.sin(xi) + (noise > 0 && rng ? noise * rng.normal() : 0);
  }
  return { x, y, featureNames: ['x'] };
}

/**
 * Three fruit classes in 2-D (apple, orange, banana) for the softmax classifier.
 * Features (both roughly 0…1): elongation (length/width, scaled) and hue
 * (red → orange → yellow). Gaussian clusters with standard deviation `spread`
 * (default 0.06); y is one-hot n×3.
 */
export function fruits(nPerClass: number, rng: Rng, options: { spread?: number } = {}): Dataset {
  checkCount(nPerClass, 'fruits: nPerClass');
  const spread = options.spread ?? 0.06;
  const centres: [number, number][] = [
    [0.2, 0.15], // apple: round, red
    [0.25, 0.5], // orange: round, orange
    [0.8, 0.8], // banana: long, yellow
  ];
  const n = 3 * nPerClass;
  const x = Matrix.zeros(n, 2);
  const labels = new Int32Array(n);
  for (const [c, [cx, cy]] of centres.entries()) {
    for (let i = 0; i < nPerClass; i++) {
      const r = c * nPerClass + i;
      x.set(r, 0, rng.normal(cx, spread));
      x.set(r, 1, rng.normal(cy, spread));
      labels[r] = c;
    }
  }
  return {
    x,
    y: oneHot(labels, 3),
    labels,
    classNames: ['apple', 'orange', 'banana'],
    featureNames: ['elongation', 'hue'],
  };
}

/**
 * k interleaved spiral arms (the classic nnfs data set): for class c and
 * r = 0…1, angle t = 4c + 4r + noise·N(0,1), point (r·sin 2.5t, r·cos 2.5t).
 * Default noise 0.2; y is one-hot n×k.
 */
export function spiral(nPerClass: number, classes: number, rng: Rng, options: { noise?: number } = {}): Dataset {
  checkCount(nPerClass, 'spiral: nPerClass');
  checkCount(classes, 'spiral: classes');
  const noise = options.noise ?? 0.2;
  const n = nPerClass * classes;
  const x = Matrix.zeros(n, 2);
  const labels = new Int32Array(n);
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < nPerClass; i++) {
      const r = nPerClass === 1 ? 0 : i / (nPerClass - 1);
      const t = c * 4 + 4 * r + noise * rng.normal();
      const row = c * nPerClass + i;
      x.set(row, 0, r * Math.sin(t * 2.5));
      x.set(row, 1, r * Math.cos(t * 2.5));
      labels[row] = c;
    }
  }
  return {
    x,
    y: oneHot(labels, classes),
    labels,
    classNames: Array.from({ length: classes }, (_, c) => `class ${c}`),
    featureNames: ['x₁', 'x₂'],
  };
}

/**
 * Two concentric circles: label 0 on radius 1, label 1 on radius `factor`
 * (default 0.5), each point pushed by noise·N(0,1) (default 0.05). y is n×1.
 */
export function circles(n: number, rng: Rng, options: { noise?: number; factor?: number } = {}): Dataset {
  checkCount(n, 'circles: n');
  const noise = options.noise ?? 0.05;
  const factor = options.factor ?? 0.5;
  const x = Matrix.zeros(n, 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const inner = i % 2;
    const radius = inner ? factor : 1;
    const angle = rng.uniform(0, 2 * Math.PI);
    x.set(i, 0, radius * Math.cos(angle) + noise * rng.normal());
    x.set(i, 1, radius * Math.sin(angle) + noise * rng.normal());
    labels[i] = inner;
  }
  return { x, y: Matrix.column(labels), labels, classNames: ['outer', 'inner'], featureNames: ['x₁', 'x₂'] };
}

/**
 * Shuffles the samples with `rng` and splits them: round(n·testFraction) go to
 * `test`, the rest to `train`. Class names and feature names are kept.
 */
export function trainTestSplit(data: Dataset, testFraction: number, rng: Rng): { train: Dataset; test: Dataset } {
  if (!(testFraction >= 0 && testFraction <= 1))
    throw new Error(`trainTestSplit: testFraction must be in [0, 1], got ${testFraction}`);
  const n = data.x.rows;
  if (data.y.rows !== n) throw new Error(`trainTestSplit: x has ${n} rows but y has ${data.y.rows}`);
  const order = rng.shuffle(Int32Array.from({ length: n }, (_, i) => i));
  const nTest = Math.round(n * testFraction);
  const pick = (indices: Int32Array): Dataset => {
    const subset: Dataset = { x: gatherRows(data.x, indices), y: gatherRows(data.y, indices) };
    const labels = data.labels;
    if (labels) subset.labels = Int32Array.from(indices, (i) => labels[i]!);
    if (data.classNames) subset.classNames = [...data.classNames];
    if (data.featureNames) subset.featureNames = [...data.featureNames];
    return subset;
  };
  return { test: pick(order.slice(0, nTest)), train: pick(order.slice(nTest)) };
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${what} must be a positive integer, got ${n}`);
}
