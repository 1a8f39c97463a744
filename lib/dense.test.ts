import { describe, expect, it } from 'vitest';
import { Matrix, addRowVector, maxAbsDifference } from './matrix.ts';
import { matmul } from './products.ts';
import { Dense } from './dense.ts';
import { createRng } from './random.ts';
import { initializeBiases, initializeWeights } from './init.ts';

/** Aᵀ, written out, to check backward against the slides' np.dot(inputs.T, dvalues) and np.dot(dvalues, weights.T). */
function transposed(a: Matrix): Matrix {
  return Matrix.from(Array.from({ length: a.cols }, (_, c) => Array.from({ length: a.rows }, (_, r) => a.get(r, c))));
}

describe('Dense', () => {
  const X = Matrix.from([
    [1, 2, 3, 2.5],
    [2, 5, -1, 2],
    [-1.5, 2.7, 3.3, -0.8],
  ]);
  // weights: 4 inputs × 3 neurons (nnfs's example, already transposed)
  const W = [
    [0.2, 0.5, -0.26],
    [0.8, -0.91, -0.27],
    [-0.5, 0.26, 0.17],
    [1.0, -0.5, 0.87],
  ];
  const B = [2, 3, 0.5];

  it('forward computes Z = XW + B (nnfs example values)', () => {
    const layer = Dense.fromWeights(W, B);
    const z = layer.forward(X);
    expect(z.rows).toBe(3);
    expect(z.cols).toBe(3);
    const expected = [
      [4.8, 1.21, 2.385],
      [8.9, -1.81, 0.2],
      [1.41, 1.051, 0.026],
    ];
    expect(maxAbsDifference(z, Matrix.from(expected))).toBeLessThan(1e-12);
    expect(layer.output).toBe(z);
    expect(layer.inputs).toBe(X);
  });

  it('backward sets dweights = Xᵀ·dZ, dbiases = Σ dZ, dinputs = dZ·Wᵀ', () => {
    const layer = Dense.fromWeights(W, B);
    layer.forward(X);
    const dZ = Matrix.from([
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
    ]);
    const dinputs = layer.backward(dZ);
    expect(maxAbsDifference(layer.dweights, matmul(transposed(X), dZ))).toBeLessThan(1e-12);
    expect(layer.dbiases.toArray()).toEqual([[6, 6, 6]]);
    expect(maxAbsDifference(dinputs, matmul(dZ, transposed(layer.weights)))).toBeLessThan(1e-12);
    expect(layer.dinputs).toBe(dinputs);
  });

  it('keeps its output buffer for equal batch sizes and only reshapes when the batch size changes', () => {
    const layer = new Dense(4, 3, { seed: 1 });
    const first = layer.forward(X);
    const again = layer.forward(X.clone());
    expect(again).toBe(first);
    const one = layer.forward(Matrix.from([X.rowToArray(0)]));
    expect(one.rows).toBe(1);
    expect(one.data.buffer).toBe(first.data.buffer); // smaller batch reuses the same memory
    expect(maxAbsDifference(one, Matrix.from([first.toArray()[0]!]))).toBe(0);
  });

  it('validates shapes with messages naming both shapes', () => {
    const layer = new Dense(4, 3);
    expect(() => layer.forward(Matrix.zeros(2, 5))).toThrow(/inputs have shape 2×5 but weights are 4×3/);
    layer.forward(X);
    expect(() => layer.backward(Matrix.zeros(3, 2))).toThrow(/dvalues have shape 3×2 but the last output was 3×3/);
    expect(() => layer.setWeights([[1, 2, 3]])).toThrow(/expected 4×3 \(inputs × neurons\), got 1×3/);
    expect(() => layer.setBiases([1, 2])).toThrow(/expected 3 biases \(1×3\), got 2/);
    expect(() => layer.setWeight(4, 0, 1)).toThrow(/outside a 4×3/);
    expect(() => new Dense(0, 3)).toThrow(/positive integers/);
  });

  it('can be set by hand: every weight and bias', () => {
    const layer = new Dense(2, 2);
    layer.setWeights([
      [1, 2],
      [3, 4],
    ]);
    layer.setBiases([[0.5, -0.5]]);
    layer.setWeight(1, 0, 30);
    layer.setBias(1, 7);
    expect(layer.weights.toArray()).toEqual([
      [1, 2],
      [30, 4],
    ]);
    expect(layer.biases.toArray()).toEqual([[0.5, 7]]);
    expect(layer.forward(Matrix.from([[1, 1]])).toArray()).toEqual([[31.5, 13]]);
    expect(layer.parameterCount).toBe(6);
  });

  it('clone copies parameters and trainable flags, not buffers', () => {
    const layer = new Dense(3, 2, { seed: 5 });
    layer.trainBiases = false;
    const copy = layer.clone();
    expect(copy.weights.toArray()).toEqual(layer.weights.toArray());
    expect(copy.trainBiases).toBe(false);
    copy.setWeight(0, 0, 100);
    expect(layer.weights.get(0, 0)).not.toBe(100);
  });
});

describe('seeded initialisation', () => {
  it('the same seed gives the same weights, another seed different ones', () => {
    const a = new Dense(3, 4, { seed: 9 });
    const b = new Dense(3, 4, { seed: 9 });
    const c = new Dense(3, 4, { seed: 10 });
    expect(a.weights.toArray()).toEqual(b.weights.toArray());
    expect(a.weights.toArray()).not.toEqual(c.weights.toArray());
  });

  it('Xavier stays within ±√(6/(n_in + n_out)); uniform ±a within ±a; He has variance ≈ 2/n_in', () => {
    const rng = createRng(1);
    const w = Matrix.zeros(50, 30);
    initializeWeights(w, 'xavier', rng);
    const limit = Math.sqrt(6 / 80);
    expect(Math.max(...w.data.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...w.data.map(Math.abs))).toBeGreaterThan(0.9 * limit);
    initializeWeights(w, { uniform: 0.3 }, rng);
    expect(Math.max(...w.data.map(Math.abs))).toBeLessThanOrEqual(0.3);
    const big = Matrix.zeros(200, 100);
    initializeWeights(big, 'he', rng);
    const variance = big.data.reduce((s, v) => s + v * v, 0) / big.data.length;
    expect(variance).toBeCloseTo(2 / 200, 3);
    initializeWeights(w, 'zeros', rng);
    expect(w.data.every((v) => v === 0)).toBe(true);
    expect(() => initializeWeights(w, { uniform: -1 }, rng)).toThrow(/weightInit.uniform must be a positive/);
    expect(() => initializeWeights(w, 'lecun' as never, rng)).toThrow(/Unknown weightInit/);
  });

  it('kinksIn puts every ReLU kink −b/w inside the given input range', () => {
    const rng = createRng(3);
    const layer = new Dense(1, 200, { rng, weightInit: 'he', biasInit: { kinksIn: [0, 2 * Math.PI] } });
    const kinks = Array.from(layer.biases.data, (b, j) => -b / layer.weights.data[j]!);
    expect(Math.min(...kinks)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...kinks)).toBeLessThanOrEqual(2 * Math.PI);
    // spread over the range, not bunched: both halves get plenty
    expect(kinks.filter((k) => k < Math.PI).length).toBeGreaterThan(60);
    expect(kinks.filter((k) => k >= Math.PI).length).toBeGreaterThan(60);
  });

  it('kinksIn in 2-D: each neuron boundary x·w + b = 0 passes through a point of the box', () => {
    const rng = createRng(4);
    const w = Matrix.zeros(2, 50);
    initializeWeights(w, 'xavier', rng);
    const b = Matrix.zeros(1, 50);
    initializeBiases(
      b,
      w,
      {
        kinksIn: [
          [-1, 1],
          [0, 2],
        ],
      },
      rng,
    );
    // The boundary meets the box iff z = x·w + b takes both signs over the box's corners.
    const corners = [
      [-1, 0],
      [-1, 2],
      [1, 0],
      [1, 2],
    ];
    for (let j = 0; j < 50; j++) {
      const zs = corners.map(([x1, x2]) => addRowVector(matmul(Matrix.from([[x1!, x2!]]), w), b).get(0, j));
      expect(Math.min(...zs)).toBeLessThanOrEqual(0);
      expect(Math.max(...zs)).toBeGreaterThanOrEqual(0);
    }
    expect(() => initializeBiases(b, w, { kinksIn: [[0, 1]] }, rng)).toThrow(/1 ranges but the layer has 2 inputs/);
  });

  it('zeros, constant and uniform bias schemes', () => {
    const rng = createRng(2);
    const w = Matrix.filled(1, 3, 1);
    const b = Matrix.zeros(1, 3);
    initializeBiases(b, w, { constant: 0.1 }, rng);
    expect(Array.from(b.data)).toEqual([0.1, 0.1, 0.1]);
    initializeBiases(b, w, { uniform: 0.5 }, rng);
    expect(b.data.every((v) => Math.abs(v) <= 0.5)).toBe(true);
    initializeBiases(b, w, 'zeros', rng);
    expect(Array.from(b.data)).toEqual([0, 0, 0]);
  });
});
