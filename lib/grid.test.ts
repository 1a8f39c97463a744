import { describe, expect, it } from 'vitest';
import { Matrix } from './matrix.ts';
import { Network } from './network.ts';
import { GridPredictor, linspace } from './grid.ts';

const net = Network.create({
  inputs: 2,
  layers: [
    { neurons: 5, activation: 'relu' },
    { neurons: 3, activation: 'softmax' },
  ],
  seed: 2,
});

describe('grid prediction', () => {
  it('linspace includes both ends', () => {
    expect(Array.from(linspace(0, 1, 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(linspace(2, 3, 1))).toEqual([2]);
  });

  it('matches per-point predictions, row j = ys[j], column i = xs[i], chunked across boundaries', () => {
    const xs = linspace(-1, 1, 5);
    const ys = linspace(-2, 2, 4);
    for (const chunk of [1, 3, 7, 20, 1024]) {
      const grid = new GridPredictor(net, chunk).predict(xs, ys);
      expect(grid.length).toBe(5 * 4 * 3);
      for (let j = 0; j < 4; j++) {
        for (let i = 0; i < 5; i++) {
          const single = net.predict(Matrix.from([[xs[i]!, ys[j]!]]));
          for (let k = 0; k < 3; k++) expect(grid[(j * 5 + i) * 3 + k]).toBeCloseTo(single.get(0, k), 14);
        }
      }
    }
  });

  it('classes are the argmax per point; the out buffer is reused', () => {
    const xs = linspace(-1, 1, 9);
    const ys = linspace(-1, 1, 7);
    const probs = new GridPredictor(net).predict(xs, ys);
    const out = new Int32Array(63);
    const predictor = new GridPredictor(net, 10);
    const classes = predictor.classes(xs, ys, out);
    expect(classes).toBe(out);
    for (let p = 0; p < 63; p++) {
      const row = Array.from(probs.subarray(p * 3, p * 3 + 3));
      expect(classes[p]).toBe(row.indexOf(Math.max(...row)));
    }
    expect(Array.from(new GridPredictor(net).classes(xs, ys))).toEqual(Array.from(classes));
    const values = new Float64Array(63 * 3);
    expect(predictor.predict(xs, ys, values)).toBe(values);
    expect(Array.from(values)).toEqual(Array.from(probs));
  });

  it('validates the network and the out buffer', () => {
    const oneInput = Network.create({ inputs: 1, layers: [{ neurons: 1, activation: 'linear' }] });
    expect(() => new GridPredictor(oneInput).predict([0], [0])).toThrow(/must have 2 inputs/);
    expect(() => new GridPredictor(net).predict([0, 1], [0], new Float64Array(5))).toThrow(
      /out has length 5 but 2×1 points × 3 outputs need 6/,
    );
  });
});
