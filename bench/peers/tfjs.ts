/**
 * TensorFlow.js peer: @tensorflow/tfjs-core with the 'cpu' (pure JS) or 'wasm' (XNNPACK) backend.
 *
 * The training step is the idiomatic one: `optimizer.minimize(lossFn, false, vars)` inside
 * `tf.tidy`, with `tf.train.momentum` (or `tf.train.sgd` when momentum is 0) at the same
 * learning rate. Batches are pre-built tensors, so no per-step host→tensor copies are timed.
 * The softmax/CE head uses tf.losses.softmaxCrossEntropy (tfjs's fused, stable path).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core's Node bundle registers no gradient functions on its own; tfjs-layers does.
import '@tensorflow/tfjs-layers';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Batch, DataSet, NetSpec, Predictor, Trainer } from '../spec.ts';

let wasmPathSet = false;

export type TfBackend = 'cpu' | 'wasm';

export async function useBackend(name: TfBackend): Promise<string> {
  if (name === 'wasm' && !wasmPathSet) {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    setWasmPaths(dir + path.sep);
    wasmPathSet = true;
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tfjs backend ${name} failed to initialise`);
  await tf.ready();
  if (name === 'wasm') {
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const mt = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    return `wasm (simd=${simd}, threads=${mt})`;
  }
  return name;
}

function f32(a: Float64Array): Float32Array {
  return Float32Array.from(a);
}

class TfNet {
  ws: tf.Variable[] = [];
  bs: tf.Variable[] = [];
  constructor(readonly spec: NetSpec) {
    for (let l = 0; l < spec.weights.length; l++) {
      const nIn = spec.sizes[l]!,
        nOut = spec.sizes[l + 1]!;
      this.ws.push(tf.variable(tf.tensor2d(f32(spec.weights[l]!), [nIn, nOut]), true, `w${l}_${Math.random()}`));
      this.bs.push(tf.variable(tf.tensor1d(f32(spec.biases[l]!)), true, `b${l}_${Math.random()}`));
    }
  }
  /** logits (softmax head) or outputs (linear head) */
  forward(x: tf.Tensor2D): tf.Tensor2D {
    let h: tf.Tensor2D = x;
    const L = this.ws.length;
    for (let l = 0; l < L; l++) {
      h = tf.add(tf.matMul(h, this.ws[l]!), this.bs[l]!);
      if (l < L - 1) {
        switch (this.spec.hidden) {
          case 'relu':
            h = tf.relu(h);
            break;
          case 'sigmoid':
            h = tf.sigmoid(h);
            break;
          case 'tanh':
            h = tf.tanh(h);
            break;
          case 'linear':
            break;
        }
      }
    }
    return h;
  }
  loss(x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
    const out = this.forward(x);
    return this.spec.head === 'softmax-ce'
      ? (tf.losses.softmaxCrossEntropy(y, out) as tf.Scalar)
      : (tf.losses.meanSquaredError(y, out) as tf.Scalar);
  }
  vars(): tf.Variable[] {
    return [...this.ws, ...this.bs];
  }
  dispose() {
    for (const v of this.vars()) v.dispose();
  }
}

export function tfTrainer(label: string, spec: NetSpec, data: DataSet, batches: Batch[]): Trainer {
  const net = new TfNet(spec);
  const xs = batches.map((b) =>
    tf.tensor2d(f32(data.x.subarray(b.start * data.d, (b.start + b.size) * data.d)), [b.size, data.d]),
  );
  const ys = batches.map((b) =>
    tf.tensor2d(f32(data.y.subarray(b.start * data.k, (b.start + b.size) * data.k)), [b.size, data.k]),
  );
  const xAll = tf.tensor2d(f32(data.x), [data.n, data.d]);
  const yAll = tf.tensor2d(f32(data.y), [data.n, data.k]);
  const opt = spec.momentum > 0 ? tf.train.momentum(spec.learningRate, spec.momentum) : tf.train.sgd(spec.learningRate);
  const vars = net.vars();
  const nb = batches.length;
  return {
    name: label,
    step(i: number) {
      const j = i % nb;
      tf.tidy(() => {
        opt.minimize(() => net.loss(xs[j]!, ys[j]!), false, vars);
      });
    },
    sync() {
      net.ws[0]!.dataSync();
    },
    loss() {
      return tf.tidy(() => net.loss(xAll, yAll).dataSync()[0]!);
    },
    dispose() {
      opt.dispose();
      net.dispose();
      for (const t of [...xs, ...ys, xAll, yAll]) t.dispose();
    },
  };
}

/** Batched prediction: the whole grid as one (n × d) tensor, softmax, read back to the host. */
export function tfPredictor(label: string, spec: NetSpec, grid: Float64Array, d: number): Predictor {
  const net = new TfNet(spec);
  const n = grid.length / d;
  const x = tf.tensor2d(f32(grid), [n, d]);
  let last: Float32Array = new Float32Array(0);
  return {
    name: label,
    run() {
      const t = tf.tidy(() => {
        const out = net.forward(x);
        return spec.head === 'softmax-ce' ? tf.softmax(out) : out;
      });
      last = t.dataSync() as Float32Array;
      t.dispose();
    },
    output() {
      return Float64Array.from(last);
    },
    dispose() {
      net.dispose();
      x.dispose();
    },
  };
}

export { tf };
