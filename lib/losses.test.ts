import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matrix, maxAbsDifference } from './matrix.ts';
import { softmax } from './activations/index.ts';
import {
  CLIP_EPSILON,
  LOSSES,
  accuracy,
  binaryCrossEntropy,
  binaryCrossEntropyBackward,
  categoricalCrossEntropy,
  getLoss,
  labelsFromTargets,
  meanSquaredError,
  meanSquaredErrorBackward,
  oneHot,
  predictedClasses,
  softmaxCrossEntropyBackward,
} from './losses.ts';

const PEAR = [[0, 1, 0, 0]];

describe("the slides' worked numbers", () => {
  it('MSE of a single regression prediction: (23.5 − 22.9)² = 0.36', () => {
    expect(meanSquaredError(Matrix.from([[22.9]]), Matrix.from([[23.5]]))).toBeCloseTo(0.36, 12);
  });

  it('MSE with one-hot vectors: the sum of squared differences is 2 (so the mean over 4 entries is 0.5)', () => {
    const pear = Matrix.from([[0, 1, 0, 0]]);
    const house = Matrix.from([[0, 0, 1, 0]]);
    const dog = Matrix.from([[1, 0, 0, 0]]);
    const grass = Matrix.from([[0, 0, 0, 1]]);
    expect(meanSquaredError(house, pear) * 4).toBe(2);
    expect(meanSquaredError(grass, dog) * 4).toBe(2);
    expect(meanSquaredError(house, pear)).toBe(0.5);
  });

  it('cross-entropy for true class Pear: blue 1.2006, yellow 0.2370 (rounded inputs: 1.20 and 0.24)', () => {
    const truth = Matrix.from(PEAR);
    const blue = categoricalCrossEntropy(Matrix.from([[0.232, 0.301, 0.233, 0.233]]), truth);
    const yellow = categoricalCrossEntropy(Matrix.from([[0.059, 0.789, 0.065, 0.087]]), truth);
    expect(blue).toBeCloseTo(1.2006, 4);
    expect(yellow).toBeCloseTo(0.237, 4);
    expect(yellow).toBeLessThan(blue); // more confident and correct → lower loss
    const blueRounded = categoricalCrossEntropy(Matrix.from([[0.23, 0.3, 0.23, 0.23]]), truth);
    const yellowRounded = categoricalCrossEntropy(Matrix.from([[0.06, 0.79, 0.07, 0.09]]), truth);
    expect(blueRounded.toFixed(2)).toBe('1.20');
    expect(yellowRounded.toFixed(2)).toBe('0.24');
  });

  it('one-hot encodes Dog, Pear, House, Grass as in the slides', () => {
    expect(oneHot([0, 1, 2, 3], 4).toArray()).toEqual([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ]);
  });
});

describe('binary cross-entropy', () => {
  it('is −[y log ŷ + (1 − y) log(1 − ŷ)] — the slide drops the outer brackets (sign slip)', () => {
    // −ln 0.9 ≈ 0.10536; −ln 0.1 = ln 10
    expect(binaryCrossEntropy(Matrix.from([[0.9]]), Matrix.from([[1]]))).toBeCloseTo(0.10536, 5);
    expect(binaryCrossEntropy(Matrix.from([[0.9]]), Matrix.from([[0]]))).toBeCloseTo(Math.LN10, 14);
    // The slide's version, −y log ŷ + (1 − y) log(1 − ŷ), would call a confident wrong answer a *negative* loss:
    const slideVersion = (yHat: number, y: number) => -y * Math.log(yHat) + (1 - y) * Math.log(1 - yHat);
    expect(slideVersion(0.9, 0)).toBeLessThan(0);
    expect(binaryCrossEntropy(Matrix.from([[0.9]]), Matrix.from([[0]]))).toBeGreaterThan(0);
  });

  it('equals categorical cross-entropy on the two-column distribution [1 − p, p]', () => {
    const p = [0.2, 0.7, 0.95];
    const y = [0, 1, 1];
    const bce = binaryCrossEntropy(Matrix.column(p), Matrix.column(y));
    const cce = categoricalCrossEntropy(Matrix.from(p.map((v) => [1 - v, v])), oneHot(y, 2));
    expect(bce).toBeCloseTo(cce, 14);
  });

  it('clips predictions so 0 and 1 give a large but finite loss', () => {
    const loss = binaryCrossEntropy(Matrix.from([[0, 1]]), Matrix.from([[1, 0]]));
    expect(loss).toBeCloseTo(-Math.log(CLIP_EPSILON), 6);
    const grad = binaryCrossEntropyBackward(Matrix.from([[0, 1]]), Matrix.from([[1, 0]]));
    expect(grad.data.every(Number.isFinite)).toBe(true);
  });
});

describe('categorical cross-entropy', () => {
  it('clips to [1e-7, 1 − 1e-7] (a zero probability for the true class costs −log 1e-7 ≈ 16.1)', () => {
    // −ln 1e-7 = 7 ln 10; −ln(1 − ε) = ε + ε²/2 + … for ε = 1e-7
    expect(categoricalCrossEntropy(Matrix.from([[1, 0]]), Matrix.from([[0, 1]]))).toBeCloseTo(7 * Math.LN10, 10);
    expect(categoricalCrossEntropy(Matrix.from([[0, 1]]), Matrix.from([[0, 1]]))).toBeCloseTo(1e-7 + 5e-15, 15);
  });

  it('is the mean over rows of −Σ y log p', () => {
    const probs = Matrix.from([
      [0.7, 0.2, 0.1],
      [0.1, 0.1, 0.8],
    ]);
    const truth = oneHot([0, 1], 3);
    // (−ln 0.7 − ln 0.1) / 2 = ln(1 / 0.07) / 2
    expect(categoricalCrossEntropy(probs, truth)).toBeCloseTo(Math.log(100 / 7) / 2, 14);
  });

  it('the fused softmax gradient (ŷ − y)/n equals the Jacobian chain with −y/ŷ/n', () => {
    const z = Matrix.from([
      [1.0, -0.5, 0.3],
      [0.2, 2.2, -1.0],
    ]);
    const probs = softmax(z);
    const truth = oneHot([2, 1], 3);
    const fused = softmaxCrossEntropyBackward(probs, truth);
    const dProbs = LOSSES['categorical-cross-entropy'].backward(probs, truth);
    // chain through the Jacobian row by row: dz = S ⊙ (d − S·d)
    const chained = Matrix.zeros(2, 3);
    for (let i = 0; i < 2; i++) {
      let dot = 0;
      for (let j = 0; j < 3; j++) dot += probs.get(i, j) * dProbs.get(i, j);
      for (let j = 0; j < 3; j++) chained.set(i, j, probs.get(i, j) * (dProbs.get(i, j) - dot));
    }
    expect(maxAbsDifference(fused, chained)).toBeLessThan(1e-15);
    expect(fused.get(0, 2)).toBeCloseTo((probs.get(0, 2) - 1) / 2, 15);
  });

  it('the fused gradient flushes subnormal values (underflowed probabilities) to exactly 0', () => {
    const probs = Matrix.from([[1e-310, 1, 0]]);
    const g = softmaxCrossEntropyBackward(probs, Matrix.from([[0, 1, 0]]));
    expect(Array.from(g.data)).toEqual([0, 0, 0]);
    expect(softmaxCrossEntropyBackward(Matrix.from([[0.25, 0.75]]), Matrix.from([[0, 1]])).toArray()).toEqual([
      [0.25, -0.25],
    ]);
  });
});

describe('loss properties (fast-check)', () => {
  const probRows = fc
    .integer({ min: 2, max: 6 })
    .chain((k) =>
      fc
        .array(
          fc.tuple(
            fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: k, maxLength: k }),
            fc.integer({ min: 0, max: k - 1 }),
          ),
          { minLength: 1, maxLength: 6 },
        )
        .map((rows) => ({ k, rows })),
    );

  it('cross-entropy ≥ 0 for any softmax output and one-hot truth', () => {
    fc.assert(
      fc.property(probRows, ({ k, rows }) => {
        const probs = softmax(Matrix.from(rows.map((r) => r[0])));
        const truth = oneHot(
          rows.map((r) => r[1]),
          k,
        );
        const loss = categoricalCrossEntropy(probs, truth);
        expect(loss).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(loss)).toBe(true);
      }),
      { seed: 20 },
    );
  });

  it('binary cross-entropy ≥ 0 for predictions in [0, 1] and 0/1 targets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)), {
          minLength: 1,
          maxLength: 10,
        }),
        (pairs) => {
          const loss = binaryCrossEntropy(Matrix.column(pairs.map((p) => p[0])), Matrix.column(pairs.map((p) => p[1])));
          expect(loss).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(loss)).toBe(true);
        },
      ),
      { seed: 21 },
    );
  });

  it('MSE ≥ 0, and MSE = 0 exactly when prediction equals truth', () => {
    // values on a 1e-3 grid: distinct values differ enough that the squared difference cannot underflow to 0
    const vec = fc.array(
      fc.integer({ min: -1e6, max: 1e6 }).map((v) => v / 1000),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(vec, vec, (a, b) => {
        const n = Math.min(a.length, b.length);
        const p = Matrix.column(a.slice(0, n));
        const t = Matrix.column(b.slice(0, n));
        const loss = meanSquaredError(p, t);
        expect(loss).toBeGreaterThanOrEqual(0);
        const equal = a.slice(0, n).every((v, i) => v === b[i]);
        expect(loss === 0).toBe(equal);
        expect(meanSquaredError(p, p)).toBe(0);
      }),
      { seed: 22 },
    );
  });
});

describe('loss gradients match central differences', () => {
  const cases = [
    {
      name: 'mean-squared-error',
      pred: [
        [0.3, -1.2],
        [2.0, 0.5],
        [0.1, 0.9],
      ],
      truth: [
        [0.5, -1.0],
        [1.0, 0.0],
        [0.2, 1.5],
      ],
    },
    {
      name: 'binary-cross-entropy',
      pred: [
        [0.3, 0.8],
        [0.6, 0.1],
        [0.45, 0.9],
      ],
      truth: [
        [0, 1],
        [1, 0],
        [1, 1],
      ],
    },
    {
      name: 'categorical-cross-entropy',
      pred: [
        [0.2, 0.5, 0.3],
        [0.1, 0.1, 0.8],
      ],
      truth: [
        [0, 1, 0],
        [1, 0, 0],
      ],
    },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const loss = getLoss(c.name);
      const pred = Matrix.from(c.pred);
      const truth = Matrix.from(c.truth);
      const analytic = loss.backward(pred, truth);
      const eps = 1e-7;
      for (let i = 0; i < pred.data.length; i++) {
        const plus = pred.clone();
        plus.data[i]! += eps;
        const minus = pred.clone();
        minus.data[i]! -= eps;
        const numeric = (loss.calculate(plus, truth) - loss.calculate(minus, truth)) / (2 * eps);
        expect(Math.abs(analytic.data[i]! - numeric)).toBeLessThan(1e-7 * Math.max(1, Math.abs(numeric)));
      }
    });
  }

  it('MSE gradient is 2(ŷ − y)/m', () => {
    expect(meanSquaredErrorBackward(Matrix.from([[3, 1]]), Matrix.from([[1, 1]])).toArray()).toEqual([[2, 0]]);
  });
});

describe('oneHot, accuracy and helpers', () => {
  it('oneHot rejects labels outside [0, classes) and non-integers', () => {
    expect(() => oneHot([0, 4], 4)).toThrow(/label 4 at index 1/);
    expect(() => oneHot([0.5], 2)).toThrow(/label 0.5/);
    expect(() => oneHot([0], 0)).toThrow(/positive integer/);
  });

  it('accuracy uses argmax for several outputs and ŷ > 0.5 for one', () => {
    const probs = Matrix.from([
      [0.7, 0.2, 0.1],
      [0.1, 0.6, 0.3],
      [0.3, 0.3, 0.4],
      [0.5, 0.4, 0.1],
    ]);
    expect(accuracy(probs, [0, 1, 2, 1])).toBe(0.75);
    expect(accuracy(Matrix.column([0.9, 0.2, 0.51, 0.5]), [1, 0, 1, 1])).toBe(0.75);
    expect(() => accuracy(probs, [0, 1])).toThrow(/4 predictions .* but 2 labels/);
    expect(Array.from(predictedClasses(probs))).toEqual([0, 1, 2, 0]);
  });

  it('labelsFromTargets inverts oneHot and thresholds a 0/1 column', () => {
    expect(Array.from(labelsFromTargets(oneHot([2, 0, 1], 3)))).toEqual([2, 0, 1]);
    expect(Array.from(labelsFromTargets(Matrix.column([0, 1, 1])))).toEqual([0, 1, 1]);
  });

  it('getLoss resolves names and aliases, and rejects unknown ones', () => {
    expect(getLoss('mse')).toBe(LOSSES['mean-squared-error']);
    expect(getLoss('bce').name).toBe('binary-cross-entropy');
    expect(getLoss('cce').name).toBe('categorical-cross-entropy');
    expect(() => getLoss('hinge' as never)).toThrow(/Unknown loss "hinge"/);
    expect(() => getLoss('toString' as never)).toThrow(/Unknown loss/);
  });

  it('shape mismatches name both shapes', () => {
    expect(() => meanSquaredError(Matrix.zeros(2, 1), Matrix.zeros(3, 1))).toThrow(/2×1 vs 3×1/);
    expect(() => categoricalCrossEntropy(Matrix.zeros(2, 3), Matrix.zeros(2, 4))).toThrow(/2×3 vs 2×4/);
  });
});
