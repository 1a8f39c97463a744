import { describe, expect, it } from 'vitest';
import { Matrix, maxAbsDifference } from './matrix.ts';
import { Network } from './network.ts';
import { SGD } from './sgd.ts';
import { traceStep } from './trace.ts';
import { oneHot } from './losses.ts';

const make = () =>
  Network.fromParameters([
    {
      weights: [
        [0.15, 0.25],
        [0.2, 0.3],
      ],
      biases: [0.35, 0.35],
      activation: 'sigmoid',
    },
    { weights: [[0.4], [0.5]], biases: [0.6], activation: 'sigmoid' },
  ]);
const X = Matrix.from([
  [0.05, 0.1],
  [0.5, -0.3],
]);
const Y = Matrix.from([[0.01], [0.99]]);

describe('traceStep', () => {
  it('records the forward pass: z and h per layer, ŷ and the loss, matching the network', () => {
    const network = make();
    const trace = traceStep(network, X, Y, { loss: 'mse', learningRate: 0.5 });
    const reference = make();
    const z1 = reference.layers[0]!.forward(X).clone();
    const h1 = reference.activations[0]!.forward(z1).clone();
    expect(trace.inputs).toEqual(X.toArray());
    expect(trace.targets).toEqual(Y.toArray());
    expect(trace.forward[0]!.z).toEqual(z1.toArray());
    expect(trace.forward[0]!.h).toEqual(h1.toArray());
    expect(trace.forward[1]!.h).toEqual(trace.prediction);
    expect(trace.prediction).toEqual(reference.predict(X).toArray());
    expect(trace.forward[0]!.weights).toEqual([
      [0.15, 0.25],
      [0.2, 0.3],
    ]);
    const yHat = trace.prediction.map((r) => r[0]);
    expect(trace.loss).toBeCloseTo(((yHat[0]! - 0.01) ** 2 + (yHat[1]! - 0.99) ** 2) / 2, 15);
  });

  it("follows the slides' seven backprop steps with the network's own gradients", () => {
    const trace = traceStep(make(), X, Y, { loss: 'mse', learningRate: 0.5 });
    expect(trace.steps.map((s) => s.step)).toEqual([1, 2, 3, 3, 4, 5, 6, 6, 7, 7, 7, 7]);
    expect(trace.steps.map((s) => s.symbol).slice(0, 8)).toEqual([
      'dE/dŷ',
      'dE/dz_ŷ',
      'dE/dW²',
      'dE/dB²',
      'dE/dh¹',
      'dE/dz¹',
      'dE/dW¹',
      'dE/dB¹',
    ]);

    // step 1: dE/dŷ = 2(ŷ − y)/n for MSE
    const yHat = trace.prediction;
    expect(trace.dPrediction[0]![0]).toBeCloseTo((2 * (yHat[0]![0]! - 0.01)) / 2, 15);
    // step 2: dE/dz = dE/dŷ · ŷ(1 − ŷ) for a sigmoid output
    expect(trace.backward[0]!.dz[0]![0]).toBeCloseTo(trace.dPrediction[0]![0]! * yHat[0]![0]! * (1 - yHat[0]![0]!), 15);
    // step 4: dE/dh = dE/dz · Wᵀ
    expect(trace.backward[1]!.dh[0]![1]).toBeCloseTo(trace.backward[0]!.dz[0]![0]! * 0.5, 15);

    const reference = make();
    reference.forward(X);
    reference.backwardFromLoss('mse', Y);
    expect(trace.backward[0]!.dweights).toEqual(reference.layers[1]!.dweights.toArray());
    expect(trace.backward[1]!.dweights).toEqual(reference.layers[0]!.dweights.toArray());
    expect(trace.backward[1]!.dbiases).toEqual(Array.from(reference.layers[0]!.dbiases.data));

    // step 7: W ← W − α·dE/dW
    const expectedW1 = reference.layers[0]!.weights.toArray().map((row, i) =>
      row.map((w, j) => w - 0.5 * reference.layers[0]!.dweights.get(i, j)),
    );
    expect(trace.updated[0]!.weights).toEqual(expectedW1);
    expect(trace.learningRate).toBe(0.5);
  });

  it('leaves network and optimiser untouched by default, and applies the step with apply: true', () => {
    const network = make();
    const before = network.getParameters();
    const optimizer = new SGD({ learningRate: 0.5, momentum: 0.9 });
    const trace = traceStep(network, X, Y, { loss: 'mse', optimizer });
    expect(network.getParameters()).toEqual(before);
    expect(optimizer.iterations).toBe(0);
    expect(optimizer.weightMomentums).toEqual([]);

    const applied = traceStep(network, X, Y, { loss: 'mse', optimizer, apply: true });
    expect(applied).toEqual(trace);
    expect(network.getParameters().map((p) => ({ weights: p.weights, biases: p.biases }))).toEqual(trace.updated);
    expect(optimizer.iterations).toBe(1);
  });

  it('is plain, serialisable data (JSON round trip is lossless)', () => {
    const trace = traceStep(make(), X, Y, { loss: 'bce', learningRate: 0.1 });
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
  });

  it('uses the fused (ŷ − y)/n for softmax + cross-entropy and records it as dE/dz', () => {
    const network = Network.create({
      inputs: 2,
      layers: [
        { neurons: 3, activation: 'relu' },
        { neurons: 3, activation: 'softmax' },
      ],
      seed: 4,
    });
    const targets = oneHot([2, 0], 3);
    const trace = traceStep(network, X, targets, { loss: 'categorical-cross-entropy', learningRate: 1 });
    expect(trace.fused).toBe(true);
    const expected = Matrix.from(trace.prediction.map((row, i) => row.map((p, k) => (p - targets.get(i, k)) / 2)));
    expect(maxAbsDifference(Matrix.from(trace.backward[0]!.dz), expected)).toBe(0);
    expect(trace.dPrediction[0]![2]).toBeCloseTo(-1 / trace.prediction[0]![2]! / 2, 12);
  });

  it('handles deeper networks: steps 4–6 repeat for every hidden layer', () => {
    const network = Network.create({
      inputs: 2,
      layers: [
        { neurons: 3, activation: 'tanh' },
        { neurons: 3, activation: 'tanh' },
        { neurons: 1, activation: 'linear' },
      ],
      seed: 1,
    });
    const trace = traceStep(network, X, Y, { loss: 'mse' });
    expect(trace.forward.length).toBe(3);
    expect(trace.backward.map((b) => b.layer)).toEqual([3, 2, 1]);
    expect(trace.steps.filter((s) => s.step === 6).map((s) => s.symbol)).toEqual([
      'dE/dW²',
      'dE/dB²',
      'dE/dW¹',
      'dE/dB¹',
    ]);
  });
});
