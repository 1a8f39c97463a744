/**
 * Everything the learning-rate widget shows, from the engine (lib/): gradient descent on the
 * parabola E(w) = w² made by the engine's SGD (the same start and rates as the lecture's figure),
 * and a real training run — a 1-8-1 tanh network fitting 50 noisy points of a sine wave, full
 * batch, mean squared error — with the same α, from the same initial weights for a given seed.
 */
import { Dense, Matrix, Network, SGD, Trainer, createRng, sine, type Dataset } from '@lib';
import { fmt } from '~/util/format';

/** Where the parabola run starts, and the lecture figure's three rates. */
export const PARABOLA_START = 3;
export const PRESETS = [
  { name: 'too small', lr: 0.05 },
  { name: 'good', lr: 0.25 },
  { name: 'too big', lr: 1.05 },
] as const;

/** The training run: at most this many epochs (full batch: one update each). */
export const MAX_EPOCHS = 300;
export const EPOCHS_PER_SECOND = 60;

/**
 * 50 noisy points of y = sin(πx + π) on x ∈ [−1, 1] (the engine's sine generator on [0, 2π],
 * x rescaled so the inputs are of order 1), noise 0.1, always the same points.
 */
export const DATA: Dataset = (() => {
  const d = sine(50, { noise: 0.1, rng: createRng(1), random: true });
  return { x: Matrix.column(Array.from(d.x.data, (v) => v / Math.PI - 1)), y: d.y, featureNames: ['x'] };
})();

/** The network: 1 input → 8 tanh units → 1 linear output; `seed` fixes the initial weights. */
export function makeNetwork(seed: number): Network {
  return Network.create({
    inputs: 1,
    layers: [
      { neurons: 8, activation: 'tanh' },
      { neurons: 1, activation: 'linear' },
    ],
    seed,
  });
}

/** A fresh full-batch run with learning rate `lr` (plain SGD, no momentum, no decay). */
export function makeTrainer(s: { lr: number; seed: number }): Trainer {
  return new Trainer({
    network: makeNetwork(s.seed),
    optimizer: new SGD({ learningRate: s.lr }),
    loss: 'mse',
    xTrain: DATA.x,
    yTrain: DATA.y,
    seed: s.seed,
  });
}

/** Loss of the initial weights (epoch 0 of the curve). */
export function initialLoss(seed: number): number {
  return makeTrainer({ lr: 0.1, seed }).evaluateTrain().loss;
}

/**
 * `steps` updates of the engine's SGD on E(w) = w² (gradient 2w) from w = 3: the weights
 * w₀ … w_steps. Each step multiplies w by (1 − 2α), so it shrinks for α < 1 and grows for α > 1.
 */
export function parabolaPath(lr: number, steps: number, start = PARABOLA_START): number[] {
  const layer = Dense.fromWeights([[start]], [0]);
  layer.trainBiases = false;
  const sgd = new SGD({ learningRate: lr });
  const path = [start];
  for (let t = 0; t < steps; t++) {
    layer.dweights.data[0] = 2 * layer.weights.data[0]!;
    sgd.step([layer]);
    path.push(layer.weights.data[0]!);
  }
  return path;
}

/** How the steps behave, in words: α < 0.5 creeps from one side, 0.5 … 1 zig-zags inwards, 1 bounces, > 1 zig-zags outwards. */
export function parabolaVerdict(lr: number): {
  kind: 'creeps' | 'zigzag-in' | 'one-step' | 'bounce' | 'diverges';
  text: string;
} {
  const factor = 1 - 2 * lr;
  const f = fmt(factor, 2);
  if (Math.abs(lr - 0.5) < 1e-12)
    return {
      kind: 'one-step',
      text: 'α = 0.5 jumps to the minimum w = 0 in a single step (each step multiplies w by 1 − 2α = 0).',
    };
  if (lr < 0.5)
    return {
      kind: 'creeps',
      text: `Each step multiplies w by 1 − 2α = ${f}: every step stays on the same side and covers ${fmt(2 * lr * 100, 0)} % of the remaining way.`,
    };
  if (lr < 1)
    return {
      kind: 'zigzag-in',
      text: `Each step multiplies w by 1 − 2α = ${f}: it overshoots to the other side, but lands closer each time — a zig-zag inwards.`,
    };
  if (Math.abs(lr - 1) < 1e-12)
    return { kind: 'bounce', text: 'α = 1 multiplies w by −1: the steps bounce between w = 3 and w = −3 for ever.' };
  return {
    kind: 'diverges',
    text: `Each step multiplies w by 1 − 2α = ${f}: it overshoots and lands farther away each time — the steps diverge.`,
  };
}

/** The loss of a network run in words, for the readout. */
export function lossText(loss: number): string {
  return Number.isFinite(loss) ? fmt(loss, 4) : 'not a number';
}
