/**
 * The playground's model, with the engine (`@lib`): the network and Trainer of a set-up (its data
 * from `datasets.ts`, its output activation and loss from `output-and-loss.ts`), what changes it
 * needs a fresh run, the losses and accuracies the widget shows and reports, and their curves over
 * the epochs. No DOM here. (The model file, saved and loaded only when a reader asks, is
 * `file-io.ts`, loaded on demand.)
 */
import { Network, SGD, Trainer, type ActivationName } from '@lib';
import { encodeState } from '../shared/url-state';
import { fmt } from '~/util/format';
import { DATASET_INFO, inputCount, type PlaygroundData } from './datasets';
import type { ModelFileContext } from './file-io';
import { LOSS_NAME, outputCount, resolvePair, targetsFor } from './output-and-loss';
import {
  ACT_KEYS,
  HIDDEN_ACTIVATIONS,
  MAX_LAYERS,
  MAX_UNITS,
  playgroundSchema,
  type HiddenActivation,
  type PlaygroundState,
} from './state';

/** A run stops by itself after this many epochs. */
export const MAX_EPOCHS = 5000;

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

/** An accuracy as the readouts show it, e.g. "97.5%" (— before there is one). */
export const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? '—' : `${fmt(100 * x, 1)}%`);
/** A loss as the readouts show it, to 4 decimals (— when it is not a number). */
export const lossText = (x: number) => (Number.isFinite(x) ? fmt(x, 4) : '—');

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
