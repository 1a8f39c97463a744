import { describe, expect, it } from 'vitest';
import { Matrix } from './matrix.ts';
import { Dense } from './dense.ts';
import { SGD, learningRateAt } from './sgd.ts';

describe("learning-rate decay (the slides' schedule)", () => {
  it('init 1.0, decay 0.1, 20 steps: 1, 1/1.1, …, 1/2.9', () => {
    // for step in range(20): learning_rate = init_learning_rate * (1. / (1 + learning_rate_decay * step))
    const schedule = Array.from({ length: 20 }, (_, step) => learningRateAt(step, 1.0, 0.1));
    expect(schedule[0]).toBe(1);
    expect(schedule[1]).toBeCloseTo(1 / 1.1, 15);
    expect(schedule[10]).toBeCloseTo(0.5, 15);
    expect(schedule[19]).toBeCloseTo(1 / 2.9, 15);
    for (let i = 1; i < 20; i++) expect(schedule[i]).toBeLessThan(schedule[i - 1]!);
  });

  it('decay 0 keeps the rate constant', () => {
    expect(learningRateAt(1000, 0.05, 0)).toBe(0.05);
  });

  it('the optimiser uses α_t = learningRateAt(t) for its t-th step', () => {
    const layer = Dense.fromWeights([[0]], [0]);
    const sgd = new SGD({ learningRate: 1, decay: 0.1 });
    const used: number[] = [];
    for (let t = 0; t < 5; t++) {
      sgd.step([layer]);
      used.push(sgd.currentLearningRate);
    }
    expect(used).toEqual([0, 1, 2, 3, 4].map((t) => learningRateAt(t, 1, 0.1)));
    expect(sgd.iterations).toBe(5);
  });
});

describe('SGD updates', () => {
  function layerWithGradients(): Dense {
    const layer = Dense.fromWeights(
      [
        [1, 2],
        [3, 4],
      ],
      [0.5, -0.5],
    );
    layer.dweights = Matrix.from([
      [0.1, -0.2],
      [0.3, 0.4],
    ]);
    layer.dbiases = Matrix.from([[1, -1]]);
    return layer;
  }

  it('plain SGD: weights -= lr · dweights, biases -= lr · dbiases', () => {
    const layer = layerWithGradients();
    new SGD({ learningRate: 0.5 }).step([layer]);
    expect(layer.weights.toArray()).toEqual([
      [1 - 0.05, 2 + 0.1],
      [3 - 0.15, 4 - 0.2],
    ]);
    expect(layer.biases.toArray()).toEqual([[0, 0]]);
  });

  it("momentum follows the slides' code exactly, step after step", () => {
    // weight_updates = momentum * weight_moms - lr * dweights; weight_moms = weight_updates; weights += weight_updates
    const momentum = 0.9;
    const lr = 0.1;
    const gradients = [0.5, -0.2, 0.3, 0.3];
    const layer = Dense.fromWeights([[2]], [1]);
    const sgd = new SGD({ learningRate: lr, momentum });
    let weight = 2;
    let bias = 1;
    let weightMoms = 0;
    let biasMoms = 0;
    for (const g of gradients) {
      layer.dweights.set(0, 0, g);
      layer.dbiases.set(0, 0, 2 * g);
      sgd.step([layer]);
      const weightUpdates = momentum * weightMoms - lr * g;
      weightMoms = weightUpdates;
      weight += weightUpdates;
      const biasUpdates = momentum * biasMoms - lr * 2 * g;
      biasMoms = biasUpdates;
      bias += biasUpdates;
      expect(layer.weights.get(0, 0)).toBe(weight);
      expect(layer.biases.get(0, 0)).toBe(bias);
      expect(sgd.weightMomentums[0]!.get(0, 0)).toBe(weightMoms);
      expect(sgd.biasMomentums[0]!.get(0, 0)).toBe(biasMoms);
    }
  });

  it('momentum keeps moving after the gradient vanishes (like a ball rolling on)', () => {
    const layer = Dense.fromWeights([[0]], [0]);
    const sgd = new SGD({ learningRate: 1, momentum: 0.5 });
    layer.dweights.set(0, 0, 1);
    sgd.step([layer]); // update −1
    layer.dweights.set(0, 0, 0);
    sgd.step([layer]); // update −0.5 with zero gradient
    expect(layer.weights.get(0, 0)).toBe(-1.5);
  });

  it('keeps one momentum buffer per layer, shaped like that layer', () => {
    const a = new Dense(3, 2);
    const b = new Dense(2, 1);
    const sgd = new SGD({ momentum: 0.9, learningRate: 0.1 });
    sgd.step([a, b]);
    expect(sgd.weightMomentums.map((m) => m.shape)).toEqual(['3×2', '2×1']);
    expect(sgd.biasMomentums.map((m) => m.shape)).toEqual(['1×2', '1×1']);
  });

  it('reset() clears the step counter, the learning rate and the momentums', () => {
    const layer = layerWithGradients();
    const sgd = new SGD({ learningRate: 1, decay: 0.5, momentum: 0.9 });
    sgd.step([layer]);
    sgd.step([layer]);
    expect(sgd.currentLearningRate).toBeCloseTo(1 / 1.5, 15);
    sgd.reset();
    expect(sgd.iterations).toBe(0);
    expect(sgd.currentLearningRate).toBe(1);
    expect(sgd.weightMomentums).toEqual([]);
    expect(sgd.biasMomentums).toEqual([]);
  });

  it('clone copies the state independently', () => {
    const layer = layerWithGradients();
    const sgd = new SGD({ learningRate: 0.1, momentum: 0.9 });
    sgd.step([layer]);
    const copy = sgd.clone();
    copy.step([layer]);
    expect(sgd.iterations).toBe(1);
    expect(copy.iterations).toBe(2);
    expect(copy.weightMomentums[0]!.toArray()).not.toEqual(sgd.weightMomentums[0]!.toArray());
  });

  it('frozen weights or biases are not updated', () => {
    const layer = layerWithGradients();
    layer.trainBiases = false;
    new SGD({ learningRate: 1, momentum: 0.9 }).step([layer]);
    expect(layer.biases.toArray()).toEqual([[0.5, -0.5]]);
    expect(layer.weights.get(0, 0)).toBeCloseTo(0.9, 15);
    const other = layerWithGradients();
    other.trainWeights = false;
    new SGD({ learningRate: 1 }).step([other]);
    expect(other.weights.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(other.biases.toArray()).toEqual([[-0.5, 0.5]]);
  });

  it('momentum that decays under a zero gradient never becomes a (slow) subnormal float; it is flushed to 0', () => {
    const layer = Dense.fromWeights([[1]], [0]);
    const sgd = new SGD({ learningRate: 0.1, momentum: 0.9 });
    layer.dweights.set(0, 0, 1);
    sgd.step([layer]);
    layer.dweights.set(0, 0, 0);
    const isSubnormal = (v: number) => v !== 0 && Math.abs(v) < 2.2250738585072014e-308;
    for (let t = 0; t < 10000; t++) {
      sgd.step([layer]);
      expect(isSubnormal(sgd.weightMomentums[0]!.get(0, 0))).toBe(false);
    }
    expect(sgd.weightMomentums[0]!.get(0, 0)).toBe(0);
    // the weight moved by the geometric series −0.1·(1 + 0.9 + 0.81 + …) = −1
    expect(layer.weights.get(0, 0)).toBeCloseTo(0, 12);
  });

  it('rejects negative or non-finite hyper-parameters', () => {
    expect(() => new SGD({ learningRate: -1 })).toThrow(/learningRate must be a finite number ≥ 0/);
    expect(() => new SGD({ momentum: NaN })).toThrow(/momentum/);
    expect(() => new SGD({ decay: Infinity })).toThrow(/decay/);
  });
});
