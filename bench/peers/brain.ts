/**
 * brain.js 1.6.1 peer (`brain.NeuralNetwork`, the CPU feed-forward net; it runs here — its
 * gpu.js 1.x dependency is plain JavaScript and is only used by NeuralNetworkGPU).
 *
 * Where it applies, and where it does not:
 *  - brain.js trains strictly per sample (weights are adjusted after every pattern), so it is
 *    only benchmarked on the single-sample workloads and per-point grid prediction.
 *  - brain.js uses ONE activation for every layer including the output, and its error is
 *    (target − output)·f'(output) (squared error). It has no softmax/CE and no linear output.
 *    So the brain.js network has the same sizes, the same initial weights, the same hidden
 *    activation and the same per-sample work (one forward, one backward, one momentum
 *    update), but its output layer is ReLU + squared error instead of softmax+CE / linear+MSE.
 *    Its numbers are therefore "same work, not the same model", and it is excluded from the
 *    loss-equivalence check.
 * We call `trainPattern` directly (what `train()` does per sample, minus train()'s per-epoch
 * error bookkeeping), after `initialize()` with our sizes and weights.
 */
import { createRequire } from 'node:module';
import type { Batch, DataSet, NetSpec, Predictor, Trainer } from '../spec.ts';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const brain: any = require('brain.js');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function buildNet(spec: NetSpec): any {
  if (spec.hidden === 'linear') throw new Error('brain.js has no linear activation');
  const net = new brain.NeuralNetwork({
    hiddenLayers: spec.sizes.slice(1, -1),
    activation: spec.hidden,
    learningRate: spec.learningRate,
    momentum: spec.momentum,
  });
  net.sizes = spec.sizes.slice();
  net.initialize();
  for (let l = 1; l < spec.sizes.length; l++) {
    const nIn = spec.sizes[l - 1]!,
      nOut = spec.sizes[l]!;
    for (let node = 0; node < nOut; node++) {
      for (let k = 0; k < nIn; k++) net.weights[l][node][k] = spec.weights[l - 1]![k * nOut + node];
      net.biases[l][node] = spec.biases[l - 1]![node];
    }
  }
  return net;
}

export function brainTrainer(spec: NetSpec, data: DataSet, batches: Batch[]): Trainer {
  if (batches[0]!.size !== 1) throw new Error('brain.js trains per sample only');
  const net = buildNet(spec);
  const patterns: { input: Float64Array; output: Float64Array }[] = [];
  for (let s = 0; s < data.n; s++) {
    patterns.push({
      input: data.x.slice(s * data.d, (s + 1) * data.d),
      output: data.y.slice(s * data.k, (s + 1) * data.k),
    });
  }
  const nb = batches.length;
  return {
    name: 'brain.js',
    step(i: number) {
      net.trainPattern(patterns[batches[i % nb]!.start]);
    },
    sync() {},
    loss() {
      return NaN; // different model (ReLU output + squared error): not comparable
    },
    dispose() {},
  };
}

export function brainPredictor(spec: NetSpec, grid: Float64Array, d: number, k: number): Predictor {
  const net = buildNet(spec);
  const n = grid.length / d;
  const inputs: Float64Array[] = [];
  for (let s = 0; s < n; s++) inputs.push(grid.slice(s * d, (s + 1) * d));
  const out = new Float64Array(n * k);
  return {
    name: 'brain.js',
    run() {
      for (let s = 0; s < n; s++) {
        const o = net.runInput(inputs[s]);
        for (let j = 0; j < k; j++) out[s * k + j] = o[j];
      }
    },
    output() {
      return out;
    },
    dispose() {},
  };
}
