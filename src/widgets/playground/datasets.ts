/**
 * The playground's data sets (blue/orange, XOR, circles, spiral, apple/orange/banana, sine): what
 * each one is and asks of the network, and its points for a noise level and seed, split into
 * training and test points with a seeded split (same seed, same points, same split). No DOM here.
 */
import {
  Matrix,
  blueOrange,
  circles,
  createRng,
  fruits,
  logicGate,
  sine,
  spiral,
  trainTestSplit,
  type Dataset,
  type Rng,
} from '@lib';
import type { DatasetName, PlaygroundState } from './state';

/** Points per data set (train + test). */
export const POINTS = 300;

/** What a data set asks of the network. */
export type Task = 'binary' | 'multiclass' | 'regression';

export interface DatasetInfo {
  label: string;
  task: Task;
  /** Class names, by label (classification only). */
  classes: readonly string[];
  /** The square (or, for the sine, rectangle) drawn: [x min, x max] and [y min, y max]. */
  x: readonly [number, number];
  y: readonly [number, number];
  xLabel: string;
  yLabel: string;
  /** What the noise slider does to this data set, in words. */
  noise: string;
}

export const DATASET_INFO: Record<DatasetName, DatasetInfo> = {
  'blue-orange': {
    label: 'Blue/orange (linearly separable)',
    task: 'binary',
    classes: ['orange', 'blue'],
    x: [-1.5, 1.5],
    y: [-1.5, 1.5],
    xLabel: 'x₁',
    yLabel: 'x₂',
    noise: 'each point is moved by a normal step of standard deviation 0.5 × noise, so the classes start to overlap',
  },
  xor: {
    label: 'XOR',
    task: 'binary',
    classes: ['0', '1'],
    x: [-0.75, 1.75],
    y: [-0.75, 1.75],
    xLabel: 'x₁',
    yLabel: 'x₂',
    noise: 'points scatter around the four corners of the truth table with standard deviation 0.05 + 0.3 × noise',
  },
  circles: {
    label: 'Circles',
    task: 'binary',
    classes: ['outer', 'inner'],
    x: [-1.6, 1.6],
    y: [-1.6, 1.6],
    xLabel: 'x₁',
    yLabel: 'x₂',
    noise: 'each point is moved by a normal step of standard deviation 0.3 × noise',
  },
  spiral: {
    label: 'Spiral (three classes)',
    task: 'multiclass',
    classes: ['class 0', 'class 1', 'class 2'],
    x: [-1.2, 1.2],
    y: [-1.2, 1.2],
    xLabel: 'x₁',
    yLabel: 'x₂',
    noise:
      'the angle of each point is moved by a normal step of standard deviation noise (radians, before the arms are wound 2.5 times)',
  },
  fruits: {
    label: 'Apple/orange/banana (three classes)',
    task: 'multiclass',
    classes: ['apple', 'orange', 'banana'],
    x: [-0.2, 1.2],
    y: [-0.2, 1.2],
    xLabel: 'elongation',
    yLabel: 'hue',
    noise: 'each cluster has standard deviation 0.02 + 0.2 × noise',
  },
  sine: {
    label: 'Sine (regression)',
    task: 'regression',
    classes: [],
    x: [0, 2 * Math.PI],
    y: [-1.8, 1.8],
    xLabel: 'x',
    yLabel: 'y',
    noise: 'y = sin x plus a normal error of standard deviation 0.5 × noise',
  },
};

/** Train and test data of a set-up, with what the heat map and the trainer need. */
export interface PlaygroundData {
  name: DatasetName;
  info: DatasetInfo;
  train: Dataset;
  test: Dataset;
  /** Inputs per sample: 2, or 1 for the sine. */
  inputs: number;
}

/** Gaussian jitter on every coordinate (in place). */
function jitter(x: Matrix, std: number, rng: Rng): void {
  if (std <= 0) return;
  for (let i = 0; i < x.data.length; i++) x.data[i] = x.data[i]! + std * rng.normal();
}

/**
 * XOR as a cloud: POINTS points around the four inputs of the truth table (lib's logicGate),
 * each labelled by its corner's row of the table.
 */
export function xorCloud(n: number, std: number, rng: Rng): Dataset {
  const table = logicGate('xor');
  const x = Matrix.zeros(n, 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const corner = i % 4;
    x.set(i, 0, table.x.get(corner, 0) + std * rng.normal());
    x.set(i, 1, table.x.get(corner, 1) + std * rng.normal());
    labels[i] = table.labels![corner]!;
  }
  return {
    x,
    y: Matrix.column(labels),
    labels,
    classNames: ['0', '1'],
    featureNames: ['x₁', 'x₂'],
  };
}

/** All POINTS samples of a data set for a noise level and seed (before the split). */
export function generate(name: DatasetName, noise: number, seed: number): Dataset {
  const rng = createRng(seed);
  switch (name) {
    case 'blue-orange': {
      const d = blueOrange(POINTS, rng);
      jitter(d.x, 0.5 * noise, rng);
      return d;
    }
    case 'xor':
      return xorCloud(POINTS, 0.05 + 0.3 * noise, rng);
    case 'circles':
      return circles(POINTS, rng, { noise: 0.3 * noise });
    case 'spiral':
      return spiral(POINTS / 3, 3, rng, { noise });
    case 'fruits':
      return fruits(POINTS / 3, rng, { spread: 0.02 + 0.2 * noise });
    case 'sine':
      return sine(POINTS, { noise: 0.5 * noise, rng, random: true });
  }
}

/** Inputs per sample: 1 for the sine (x), 2 for the other data sets (x₁, x₂). */
export function inputCount(name: DatasetName): number {
  return name === 'sine' ? 1 : 2;
}

/** The data of a set-up: generated, then split with its own generator (same seed, same split). */
export function makeData(s: Pick<PlaygroundState, 'data' | 'noise' | 'test' | 'seed'>): PlaygroundData {
  const all = generate(s.data, s.noise, s.seed);
  const { train, test } = trainTestSplit(all, s.test, createRng(s.seed + 7919));
  return {
    name: s.data,
    info: DATASET_INFO[s.data],
    train,
    test,
    inputs: inputCount(s.data),
  };
}
