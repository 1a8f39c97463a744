import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matrix } from './matrix.ts';
import { createRng } from './random.ts';
import { blueOrange } from './data.ts';
import { logisticStep, neuronClass, neuronOutput, perceptronEpoch } from './perceptron.ts';
import { binaryCrossEntropy } from './losses.ts';

describe('two-input neuron', () => {
  it('classifies as the slide says: blue (1) when x1 w1 + x2 w2 + b > 0, else orange (0)', () => {
    const n = { w1: 1, w2: 2, b: -1 };
    expect(neuronClass(n, 1, 0.5)).toBe(1); // 1 + 1 - 1 = 1 > 0
    expect(neuronClass(n, 0, 0.5)).toBe(0); // 0 + 1 - 1 = 0, not > 0
    expect(neuronOutput(n, 'step', 0, 0)).toBe(0);
    expect(neuronOutput(n, 'sigmoid', 0, 0.5)).toBeCloseTo(0.5, 15);
  });

  it('the perceptron rule converges on linearly separable data (perceptron convergence theorem)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const data = blueOrange(40, createRng(seed), { weights: [1, -0.7], bias: 0.2, margin: 0.1 });
        let neuron = { w1: 0, w2: 0, b: 0 };
        let mistakes = Infinity;
        for (let epoch = 0; epoch < 500 && mistakes > 0; epoch++) {
          ({ neuron, mistakes } = perceptronEpoch(neuron, data.x, data.labels!, 0.1));
        }
        expect(mistakes).toBe(0);
        for (let i = 0; i < data.x.rows; i++)
          expect(neuronClass(neuron, data.x.get(i, 0), data.x.get(i, 1))).toBe(data.labels![i]);
      }),
      { numRuns: 25, seed: 42 },
    );
  });

  it('a correctly classified point leaves the weights alone; a wrong one moves them toward it', () => {
    const x = Matrix.from([[1, 1]]);
    const right = perceptronEpoch({ w1: 1, w2: 1, b: 0 }, x, [1], 0.5);
    expect(right).toEqual({ neuron: { w1: 1, w2: 1, b: 0 }, mistakes: 0 });
    const wrong = perceptronEpoch({ w1: -1, w2: 0, b: 0 }, x, [1], 0.5);
    expect(wrong).toEqual({ neuron: { w1: -0.5, w2: 0.5, b: 0.5 }, mistakes: 1 });
  });

  it('a logistic-regression step lowers binary cross-entropy and matches a central difference', () => {
    const data = blueOrange(30, createRng(3));
    const n = { w1: 0.3, w2: -0.2, b: 0.1 };
    const loss = (m: typeof n) => {
      const p = Matrix.zeros(data.x.rows, 1);
      for (let i = 0; i < data.x.rows; i++) p.set(i, 0, neuronOutput(m, 'sigmoid', data.x.get(i, 0), data.x.get(i, 1)));
      return binaryCrossEntropy(p, data.y);
    };
    const lr = 1e-3;
    const next = logisticStep(n, data.x, data.labels!, lr);
    const h = 1e-6;
    const numeric = (key: 'w1' | 'w2' | 'b') =>
      (loss({ ...n, [key]: n[key] + h }) - loss({ ...n, [key]: n[key] - h })) / (2 * h);
    for (const key of ['w1', 'w2', 'b'] as const) {
      const analytic = (n[key] - next[key]) / lr;
      expect(Math.abs(analytic - numeric(key))).toBeLessThan(1e-6);
    }
    expect(loss(next)).toBeLessThan(loss(n));
  });
});
