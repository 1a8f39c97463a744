/**
 * Everything the playground derives from its set-up, with the engine (`@lib`): the data sets
 * (blue/orange, XOR, circles, spiral, apple/orange/banana, sine) with noise and a seeded
 * train/test split; the task they pose and the output activation + loss that fit it; a sentence
 * for every pair that does not fit; the network and Trainer; the heat map's colours; the facts
 * the widget reports; and how a pinned run differs. No DOM here. (The model file, saved and
 * loaded only when a reader asks, is `file-io.ts`, loaded on demand.)
 */
import {
  Matrix,
  Network,
  SGD,
  Trainer,
  blueOrange,
  circles,
  createRng,
  fruits,
  logicGate,
  oneHot,
  sine,
  spiral,
  trainTestSplit,
  type ActivationName,
  type Dataset,
  type LossName,
  type Rng,
} from '@lib';
import { encodeState } from '../shared/url-state';
import type { ModelFileContext } from './file-io';
import {
  ACT_KEYS,
  HIDDEN_ACTIVATIONS,
  MAX_LAYERS,
  MAX_UNITS,
  playgroundSchema,
  type DatasetName,
  type HiddenActivation,
  type LossChoice,
  type OutputChoice,
  type PlaygroundState,
} from './state';

/** Points per data set (train + test). */
export const POINTS = 300;
/** A run stops by itself after this many epochs. */
export const MAX_EPOCHS = 5000;

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

// ---------------------------------------------------------------------------------------------
// Output activation and loss

export const OUTPUT_LABEL: Record<OutputChoice, string> = {
  sigmoid: 'sigmoid',
  softmax: 'softmax',
  linear: 'linear',
};
export const LOSS_LABEL: Record<LossChoice, string> = {
  bce: 'binary cross-entropy',
  cce: 'categorical cross-entropy',
  mse: 'mean squared error',
};
const LOSS_NAME: Record<LossChoice, LossName> = {
  bce: 'binary-cross-entropy',
  cce: 'categorical-cross-entropy',
  mse: 'mean-squared-error',
};

/** The pair that fits a task: sigmoid + BCE for two classes, softmax + CE for three, linear + MSE for a number. */
export function fittingPair(task: Task): {
  out: OutputChoice;
  loss: LossChoice;
} {
  if (task === 'binary') return { out: 'sigmoid', loss: 'bce' };
  if (task === 'multiclass') return { out: 'softmax', loss: 'cce' };
  return { out: 'linear', loss: 'mse' };
}

/** The output activation and loss in use ('auto' resolved). */
export function resolvePair(s: Pick<PlaygroundState, 'data' | 'out' | 'loss'>): {
  out: OutputChoice;
  loss: LossChoice;
} {
  const fit = fittingPair(DATASET_INFO[s.data].task);
  return {
    out: s.out === 'auto' ? fit.out : s.out,
    loss: s.loss === 'auto' ? fit.loss : s.loss,
  };
}

/** Output units: one per class for three classes; for two, one (two with softmax); one for a number. */
export function outputCount(task: Task, out: OutputChoice): number {
  if (task === 'multiclass') return 3;
  if (task === 'binary' && out === 'softmax') return 2;
  return 1;
}

/** Targets in the shape the output needs: one-hot rows when there are several outputs. */
export function targetsFor(data: Dataset, outputs: number): Matrix {
  if (outputs === 1 || data.y.cols === outputs) return data.y;
  return oneHot(data.labels!, outputs);
}

/** How well a pair fits: 'fits', a 'mismatch' (explained), or a 'note' (works, but not the usual choice). */
export interface PairVerdict {
  kind: 'fits' | 'mismatch' | 'note';
  /** Why, in words (empty when it fits). */
  why: string;
}

const SQUARED_ON_SQUASH =
  'Squared error through a squashing output learns slowly where it matters most: its gradient (ŷ − y) is multiplied by the slope of the output activation, ' +
  'which is almost 0 when an output is confidently wrong (ŷ near 0 when y = 1). Cross-entropy cancels that factor — the gradient at the output becomes simply ŷ − y.';

/** Whether the chosen output activation and loss fit the task, and why not. */
export function pairVerdict(task: Task, out: OutputChoice, loss: LossChoice): PairVerdict {
  const fit = fittingPair(task);
  if (out === fit.out && loss === fit.loss) return { kind: 'fits', why: '' };
  if (task === 'regression') {
    if (out === 'sigmoid') {
      return {
        kind: 'mismatch',
        why: 'A sigmoid output lies between 0 and 1, but sin x goes down to −1: the network cannot reach the lower half of the curve. A number to predict wants a linear output.',
      };
    }
    if (out === 'softmax') {
      return {
        kind: 'mismatch',
        why: 'Softmax of a single output is e^z / e^z = 1 whatever z is: the prediction is a flat line at 1 and nothing can be learned. A number to predict wants a linear output.',
      };
    }
    return {
      kind: 'mismatch',
      why: `${cap(LOSS_LABEL[loss])} compares probabilities with classes; here the targets are real numbers between about −1.5 and 1.5, not classes, so the value is not an error at all (it can even be negative, and lower is not better). Regression wants mean squared error.`,
    };
  }
  const outputs = outputCount(task, out);
  if (loss === 'mse') {
    if (out === 'linear') {
      return {
        kind: 'mismatch',
        why: 'A linear output with squared error fits the class numbers as if they were measurements: points far on the correct side still count as errors and pull the boundary towards them. It can classify, roughly, but the outputs are not probabilities.',
      };
    }
    return {
      kind: 'mismatch',
      why: `${cap(OUTPUT_LABEL[out])} with mean squared error: ${SQUARED_ON_SQUASH}`,
    };
  }
  if (out === 'linear') {
    return {
      kind: 'mismatch',
      why: `${cap(LOSS_LABEL[loss])} takes the logarithm of ŷ, so ŷ must be a probability between 0 and 1. A linear output can be anything: the loss clips it to [10⁻⁷, 1 − 10⁻⁷], and the gradient there (up to 1/10⁻⁷ = 10⁷) throws the weights far away — expect the run to stall or diverge.`,
    };
  }
  if (loss === 'cce' && outputs === 1) {
    return {
      kind: 'mismatch',
      why: 'Categorical cross-entropy needs one output per class: with a single output it is −y·log ŷ, which is 0 for every class-0 point whatever the network says. Only class-1 points are learned, and ŷ = 1 everywhere is a perfect score.',
    };
  }
  if (loss === 'cce' && out === 'sigmoid') {
    return {
      kind: 'mismatch',
      why: 'Categorical cross-entropy only looks at the output of the true class (−log ŷ of that class). Three sigmoids are independent, so all three can rise to 1 together: the loss goes to 0 without the classes being told apart. Softmax ties the outputs together (they sum to 1), so raising one lowers the others.',
    };
  }
  if (loss === 'bce' && out === 'sigmoid' && outputs > 1) {
    return {
      kind: 'mismatch',
      why: 'Three sigmoid outputs with binary cross-entropy answer three separate yes/no questions ("class 0?", "class 1?", "class 2?"). Their values need not add up to 1, so they are no probability distribution over the classes: a point can be "yes" for two classes or for none. That suits tasks where several labels may hold at once; for one class out of three use softmax with categorical cross-entropy, which makes the classes compete.',
    };
  }
  if (loss === 'bce' && out === 'softmax') {
    return {
      kind: 'note',
      why: 'Softmax with binary cross-entropy does learn (each output is scored as a yes/no probability), but it scores every point once per output. The usual pairs are softmax with categorical cross-entropy, or, for two classes, one sigmoid output with binary cross-entropy.',
    };
  }
  if (loss === 'cce' && out === 'softmax' && task === 'binary') {
    return {
      kind: 'note',
      why: 'Two softmax outputs with categorical cross-entropy are the same model as one sigmoid output with binary cross-entropy (softmax of [z, 0] is the sigmoid of z) — with twice the output weights.',
    };
  }
  return {
    kind: 'note',
    why: `The usual pair for this task is ${OUTPUT_LABEL[fit.out]} with ${LOSS_LABEL[fit.loss]}.`,
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Network and trainer

/** The activation of hidden layer k (0-based). */
export function hiddenActivation(s: PlaygroundState, k: number): HiddenActivation {
  const key = ACT_KEYS[k];
  return key ? s[key] : 'tanh';
}

/** Layer sizes from inputs to outputs, e.g. [2, 8, 8, 1]. */
export function sizesOf(s: PlaygroundState): number[] {
  const task = DATASET_INFO[s.data].task;
  return [inputCount(s.data), ...s.arch, outputCount(task, resolvePair(s).out)];
}

/** Activation names of every layer (hidden layers, then the output). */
export function activationsOf(s: PlaygroundState): ActivationName[] {
  return [...s.arch.map((_, k) => hiddenActivation(s, k)), resolvePair(s).out];
}

/** The network of a set-up, initialised from its seed (He for ReLU layers, Xavier otherwise). */
export function makeNetwork(s: PlaygroundState): Network {
  const sizes = sizesOf(s);
  const acts = activationsOf(s);
  return Network.create({
    inputs: sizes[0]!,
    layers: sizes.slice(1).map((neurons, i) => ({ neurons, activation: acts[i]! })),
    seed: s.seed,
  });
}

export function makeOptimizer(s: Pick<PlaygroundState, 'lr' | 'decay' | 'mom'>): SGD {
  return new SGD({
    learningRate: Number(s.lr),
    decay: s.decay,
    momentum: s.mom,
  });
}

/** The trainer of a set-up; `network` replaces the seeded one (an imported model). */
export function makeTrainer(s: PlaygroundState, data: PlaygroundData, network?: Network): Trainer {
  const task = data.info.task;
  const { out, loss } = resolvePair(s);
  const outputs = outputCount(task, out);
  const net = network ?? makeNetwork(s);
  return new Trainer({
    network: net,
    optimizer: makeOptimizer(s),
    loss: LOSS_NAME[loss],
    xTrain: data.train.x,
    yTrain: targetsFor(data.train, outputs),
    xTest: data.test.x,
    yTest: targetsFor(data.test, outputs),
    batchSize: s.batch >= data.train.x.rows ? 'full' : s.batch,
    seed: s.seed,
    trackAccuracy: task !== 'regression',
  });
}

/** Everything that, when changed, needs a fresh run. */
export function runKey(s: PlaygroundState): string {
  return encodeState(playgroundSchema, s);
}

/** The trainer's per-update history is not drawn; keep only its tail so long runs do not fill memory. */
export function trimIterations(trainer: Trainer, keep = 256): void {
  const its = trainer.history.iterations;
  if (its.length > 2 * keep) its.splice(0, its.length - keep);
}

// ---------------------------------------------------------------------------------------------
// Measurements

export interface Measures {
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
}

/** Loss and accuracy of the current weights on the training and test sets. */
export function measure(trainer: Trainer): Measures {
  const train = trainer.evaluateTrain();
  const test = trainer.evaluateTest() ?? { loss: NaN };
  return {
    trainLoss: train.loss,
    testLoss: test.loss,
    trainAccuracy: train.accuracy ?? null,
    testAccuracy: test.accuracy ?? null,
  };
}

/** A number for a report: 6 significant digits, non-finite as null. */
export function reportNumber(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  return Number(x.toPrecision(6));
}

/** One point of a curve: epoch and value. */
export interface CurvePoint {
  epoch: number;
  loss: number;
}

export interface Curves {
  trainLoss: CurvePoint[];
  testLoss: CurvePoint[];
  trainAccuracy: CurvePoint[];
  testAccuracy: CurvePoint[];
}

/** Curves from epoch 0 (`start`: the measures before any training) over the epoch history. */
export function curvesOf(
  start: Measures,
  epochs: readonly {
    epoch: number;
    loss: number;
    accuracy?: number;
    testLoss?: number;
    testAccuracy?: number;
  }[],
): Curves {
  const c: Curves = {
    trainLoss: [{ epoch: 0, loss: start.trainLoss }],
    testLoss: [{ epoch: 0, loss: start.testLoss }],
    trainAccuracy: start.trainAccuracy === null ? [] : [{ epoch: 0, loss: start.trainAccuracy }],
    testAccuracy: start.testAccuracy === null ? [] : [{ epoch: 0, loss: start.testAccuracy }],
  };
  for (const r of epochs) {
    c.trainLoss.push({ epoch: r.epoch, loss: r.loss });
    if (r.testLoss !== undefined) c.testLoss.push({ epoch: r.epoch, loss: r.testLoss });
    if (r.accuracy !== undefined) c.trainAccuracy.push({ epoch: r.epoch, loss: r.accuracy });
    if (r.testAccuracy !== undefined) c.testAccuracy.push({ epoch: r.epoch, loss: r.testAccuracy });
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Heat map

/** An RGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/** Colour of each class on the map (same order as the class labels). */
export interface MapColors {
  bg: Rgb;
  classes: readonly Rgb[];
}

/** Strength of the shading at full confidence (0 = background, 1 = the class colour). */
export const SHADE = 0.5;

/**
 * Fills `pixels` (RGBA, one pixel per grid point) from the network's outputs on the grid
 * (`outputs` values per point). One output: ŷ read as P(class 1), clamped to [0, 1], shaded from
 * class 0 through the background (ŷ = 0.5) to class 1. Several: the outputs (negatives as 0)
 * normalised to shares, the mixture of the class colours, faded to the background as the
 * largest share falls to 1/K. Non-finite outputs paint the background.
 */
export function shadeGrid(values: Float64Array, outputs: number, colors: MapColors, pixels: Uint8ClampedArray): void {
  const points = values.length / outputs;
  const [br, bgG, bb] = colors.bg;
  for (let p = 0; p < points; p++) {
    let r = br;
    let g = bgG;
    let b = bb;
    if (outputs === 1) {
      const v = values[p]!;
      if (Number.isFinite(v)) {
        const q = v < 0 ? 0 : v > 1 ? 1 : v;
        const c = q >= 0.5 ? colors.classes[1]! : colors.classes[0]!;
        const a = SHADE * Math.abs(2 * q - 1);
        r = br + a * (c[0] - br);
        g = bgG + a * (c[1] - bgG);
        b = bb + a * (c[2] - bb);
      }
    } else {
      let sum = 0;
      let finite = true;
      for (let k = 0; k < outputs; k++) {
        const v = values[p * outputs + k]!;
        if (!Number.isFinite(v)) finite = false;
        else if (v > 0) sum += v;
      }
      if (finite && sum > 0) {
        let mr = 0;
        let mg = 0;
        let mb = 0;
        let top = 0;
        for (let k = 0; k < outputs; k++) {
          const v = values[p * outputs + k]!;
          const share = v > 0 ? v / sum : 0;
          const c = colors.classes[k]!;
          mr += share * c[0];
          mg += share * c[1];
          mb += share * c[2];
          if (share > top) top = share;
        }
        const a = (SHADE * (top - 1 / outputs)) / (1 - 1 / outputs);
        r = br + a * (mr - br);
        g = bgG + a * (mg - bgG);
        b = bb + a * (mb - bb);
      }
    }
    const o = 4 * p;
    pixels[o] = r;
    pixels[o + 1] = g;
    pixels[o + 2] = b;
    pixels[o + 3] = 255;
  }
}

/** Grid coordinates: n cell centres across [lo, hi]. */
export function cellCentres(lo: number, hi: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + ((i + 0.5) * (hi - lo)) / n;
  return out;
}

/** Parse `#rgb`, `#rrggbb` or `rgb(r, g, b)` into an RGB triple (fallback grey). */
export function parseColor(text: string): Rgb {
  const t = text.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(t);
  if (m) return [0, 1, 2].map((i) => parseInt(m![1]![i]!.repeat(2), 16)) as unknown as Rgb;
  m = /^#([0-9a-f]{6})$/i.exec(t);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)) as unknown as Rgb;
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(t);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return [136, 136, 136];
}

// ---------------------------------------------------------------------------------------------
// Model files (file-io.ts, loaded on demand)

/** What the model file needs of a set-up: handed to `file-io.ts`, which imports nothing from here. */
export function modelFileContext(s: PlaygroundState): ModelFileContext {
  const task = DATASET_INFO[s.data].task;
  return {
    state: s,
    setup: runKey(s),
    label: DATASET_INFO[s.data].label,
    inputs: inputCount(s.data),
    outputs: (out) => outputCount(task, out),
    maxLayers: MAX_LAYERS,
    maxUnits: MAX_UNITS,
    hiddenActivations: HIDDEN_ACTIVATIONS,
    activationKeys: ACT_KEYS,
  };
}

// ---------------------------------------------------------------------------------------------
// Comparing with a pinned run

const FIELD_LABEL: Record<keyof PlaygroundState, string> = {
  data: 'data',
  noise: 'noise',
  test: 'test share',
  seed: 'seed',
  arch: 'hidden layers',
  a1: 'activation 1',
  a2: 'activation 2',
  a3: 'activation 3',
  a4: 'activation 4',
  out: 'output',
  loss: 'loss',
  lr: 'learning rate',
  decay: 'decay',
  mom: 'momentum',
  batch: 'batch size',
};

function showValue(key: keyof PlaygroundState, v: unknown): string {
  if (key === 'arch') return (v as number[]).length ? (v as number[]).join('-') : 'none';
  if (key === 'test') return `${Math.round((v as number) * 100)}%`;
  return String(v);
}

/** The settings in which `now` differs from `pinned`, e.g. "learning rate 0.03 → 0.3". Activations of absent layers are ignored. */
export function differences(pinned: PlaygroundState, now: PlaygroundState): string[] {
  const out: string[] = [];
  for (const key of Object.keys(playgroundSchema) as (keyof PlaygroundState)[]) {
    const k = (ACT_KEYS as readonly string[]).indexOf(key);
    if (k >= 0 && k >= pinned.arch.length && k >= now.arch.length) continue;
    const a = showValue(key, pinned[key]);
    const b = showValue(key, now[key]);
    if (a !== b) out.push(`${FIELD_LABEL[key]} ${a} → ${b}`);
  }
  return out;
}
