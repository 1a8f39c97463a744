/**
 * convnetjs 0.3.0 peer: a `Net` built from layer defs, trained with its own `Trainer`
 * (method 'sgd', same learning rate and momentum, batch_size = our batch size). convnetjs is
 * per-sample by design: Trainer.train(x, y) runs forward+backward for one sample, accumulates
 * gradients and applies the (averaged) update every `batch_size` samples. Input Vols are
 * pre-built, so no per-step data conversion is timed.
 */
import { createRequire } from 'node:module';
import type { Batch, DataSet, NetSpec, Predictor, Trainer } from '../spec.ts';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const convnetjs: any = require('convnetjs');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function buildNet(spec: NetSpec): any {
  const L = spec.sizes.length - 1;
  const defs: object[] = [{ type: 'input', out_sx: 1, out_sy: 1, out_depth: spec.sizes[0] }];
  for (let l = 0; l < L - 1; l++) {
    const def: Record<string, unknown> = { type: 'fc', num_neurons: spec.sizes[l + 1] };
    if (spec.hidden !== 'linear') def.activation = spec.hidden;
    defs.push(def);
  }
  // 'softmax' / 'regression' defs are desugared by convnetjs into fc(k) + loss layer.
  if (spec.head === 'softmax-ce') defs.push({ type: 'softmax', num_classes: spec.sizes[L] });
  else defs.push({ type: 'regression', num_neurons: spec.sizes[L] });
  const net = new convnetjs.Net();
  net.makeLayers(defs);
  // copy our initial weights: convnetjs keeps one filter (Vol) per output neuron
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const fcs = net.layers.filter((ly: any) => ly.layer_type === 'fc');
  if (fcs.length !== L) throw new Error(`convnetjs built ${fcs.length} fc layers, expected ${L}`);
  for (let l = 0; l < L; l++) {
    const nIn = spec.sizes[l]!,
      nOut = spec.sizes[l + 1]!;
    for (let j = 0; j < nOut; j++) {
      const w = fcs[l].filters[j].w;
      for (let i = 0; i < nIn; i++) w[i] = spec.weights[l]![i * nOut + j];
      fcs[l].biases.w[j] = spec.biases[l]![j];
    }
  }
  return net;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function vols(x: Float64Array, d: number): any[] {
  const n = x.length / d;
  const out = [];
  for (let s = 0; s < n; s++) {
    const v = new convnetjs.Vol(1, 1, d, 0.0);
    for (let i = 0; i < d; i++) v.w[i] = x[s * d + i];
    out.push(v);
  }
  return out;
}

export function convnetTrainer(spec: NetSpec, data: DataSet, batches: Batch[]): Trainer {
  const net = buildNet(spec);
  const batchSize = batches[0]!.size;
  const trainer = new convnetjs.Trainer(net, {
    method: 'sgd',
    // convnetjs's RegressionLayer differentiates ½(ŷ − y)² per output (gradient ŷ − y), while
    // MSE = mean (ŷ − y)² has gradient 2(ŷ − y)/k; doubling the rate (÷ k outputs) makes the update identical.
    learning_rate:
      spec.head === 'linear-mse' ? (2 * spec.learningRate) / spec.sizes[spec.sizes.length - 1]! : spec.learningRate,
    momentum: spec.momentum,
    batch_size: batchSize,
    l2_decay: 0,
    l1_decay: 0,
  });
  const xs = vols(data.x, data.d);
  const targets: (number | number[])[] = [];
  for (let s = 0; s < data.n; s++) {
    targets.push(
      spec.head === 'softmax-ce' ? data.labels![s]! : Array.from(data.y.subarray(s * data.k, (s + 1) * data.k)),
    );
  }
  const nb = batches.length;
  return {
    name: 'convnetjs',
    step(i: number) {
      const b = batches[i % nb]!;
      for (let s = b.start; s < b.start + b.size; s++) trainer.train(xs[s], targets[s]);
    },
    sync() {},
    loss() {
      let sum = 0;
      for (let s = 0; s < data.n; s++) {
        const out = net.forward(xs[s], false).w;
        if (spec.head === 'softmax-ce') sum += -Math.log(Math.min(Math.max(out[data.labels![s]!], 1e-7), 1 - 1e-7));
        else for (let j = 0; j < data.k; j++) sum += (out[j] - data.y[s * data.k + j]!) ** 2 / data.k;
      }
      return sum / data.n;
    },
    dispose() {},
  };
}

export function convnetPredictor(spec: NetSpec, grid: Float64Array, d: number, k: number): Predictor {
  const net = buildNet(spec);
  const xs = vols(grid, d);
  const out = new Float64Array(xs.length * k);
  return {
    name: 'convnetjs',
    run() {
      for (let s = 0; s < xs.length; s++) {
        const o = net.forward(xs[s], false).w;
        for (let j = 0; j < k; j++) out[s * k + j] = o[j];
      }
    },
    output() {
      return out;
    },
    dispose() {},
  };
}
