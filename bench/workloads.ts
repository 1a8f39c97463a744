/** The benchmark workloads: seeded data, architecture, initial weights, learning rates, episode lengths. */
import { Network, createRng, sine, spiral } from '../lib/index.ts';
import type { DataSet, NetSpec } from './spec.ts';

export type Mode = 'full' | 'mb32' | 'single';
export const SEED = 42;

export interface Workload {
  id: 'spiral' | 'wide' | 'sine';
  title: string;
  spec: NetSpec;
  data: DataSet;
  /** learning rate per mode (the same for every engine); momentum is 0.9 everywhere */
  lr: Record<Mode, number>;
  /** steps per timed episode, per mode (the same for every engine) */
  steps: Record<Mode, number>;
}

const MOMENTUM = 0.9;

/**
 * The spec takes its initial weights from OUR engine's seeded initialisation (He for ReLU
 * layers, Xavier otherwise; zero biases, except the sine net whose hidden biases put the ReLU
 * kinks inside the data range [0, 2π] — lib's `kinksIn` init, as in the lecture).
 */
function specFrom(sizes: number[], head: NetSpec['head'], hiddenBiasInit?: { kinksIn: [number, number] }): NetSpec {
  const layers = sizes.slice(1).map((neurons, l) => ({
    neurons,
    activation: (l < sizes.length - 2 ? 'relu' : head === 'softmax-ce' ? 'softmax' : 'linear') as
      'relu' | 'softmax' | 'linear',
    ...(hiddenBiasInit && l < sizes.length - 2 ? { biasInit: hiddenBiasInit } : {}),
  }));
  const net = Network.create({ inputs: sizes[0]!, layers, seed: SEED });
  return {
    sizes,
    hidden: 'relu',
    head,
    weights: net.layers.map((l) => l.weights.data.slice()),
    biases: net.layers.map((l) => l.biases.data.slice()),
    learningRate: NaN, // set per mode
    momentum: MOMENTUM,
  };
}

/** Shuffles the rows once (seeded) so every contiguous batch mixes classes; every engine sees this order. */
function shuffled(x: Float64Array, y: Float64Array, d: number, k: number, labels?: Int32Array): DataSet {
  const n = x.length / d;
  const order = createRng(SEED + 1).shuffle(Array.from({ length: n }, (_, i) => i));
  const xs = new Float64Array(n * d);
  const ys = new Float64Array(n * k);
  const ls = labels ? new Int32Array(n) : undefined;
  order.forEach((r, i) => {
    xs.set(x.subarray(r * d, (r + 1) * d), i * d);
    ys.set(y.subarray(r * k, (r + 1) * k), i * k);
    if (ls && labels) ls[i] = labels[r]!;
  });
  return { x: xs, y: ys, labels: ls, n, d, k };
}

export function makeWorkloads(QUICK = false): Workload[] {
  const sp = spiral(100, 3, createRng(SEED));
  const spiralData = shuffled(sp.x.data, sp.y.data, 2, 3, sp.labels);
  const sn = sine(1000);
  const sineData = shuffled(sn.x.data, sn.y.data, 1, 1);
  const q = (n: number) => (QUICK ? Math.max(10, Math.round(n / 5)) : n);
  return [
    {
      id: 'spiral',
      title: 'spiral 3-class, 300 points, 2-16-16-3 ReLU/softmax/CE',
      spec: specFrom([2, 16, 16, 3], 'softmax-ce'),
      data: spiralData,
      lr: { full: 0.2, mb32: 0.05, single: 0.005 },
      steps: { full: q(200), mb32: q(900), single: q(1500) },
    },
    {
      id: 'wide',
      title: 'spiral "wide", 300 points, 2-64-64-3 ReLU/softmax/CE',
      spec: specFrom([2, 64, 64, 3], 'softmax-ce'),
      data: spiralData,
      lr: { full: 0.2, mb32: 0.05, single: 0.005 },
      steps: { full: q(40), mb32: q(180), single: q(600) },
    },
    {
      id: 'sine',
      title: 'sine, 1000 points on [0, 2π], 1-8-1 ReLU/linear/MSE',
      spec: specFrom([1, 8, 1], 'linear-mse', { kinksIn: [0, 2 * Math.PI] }),
      data: sineData,
      lr: { full: 0.005, mb32: 0.005, single: 0.001 },
      steps: { full: q(200), mb32: q(930), single: q(3000) },
    },
  ];
}

export function specFor(w: Workload, mode: Mode): NetSpec {
  return { ...w.spec, learningRate: w.lr[mode] };
}

export function batchSize(mode: Mode, n: number): number {
  return mode === 'full' ? n : mode === 'mb32' ? 32 : 1;
}
