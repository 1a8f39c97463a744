/**
 * The lr-decay widget's logic: the schedule α_t = α₀ · 1/(1 + d·t) from the engine's
 * `learningRateAt`, and two training runs of the same neuron from the same seed — one with the
 * decayed rate, one with α₀ kept constant — by the engine's Trainer and SGD (whose `decay` applies
 * the same formula once per update).
 */
import { Matrix, Network, SGD, Trainer, createRng, learningRateAt, type Dataset } from '@lib';
import { fmt } from '~/util/format';

/** Training: 20 noisy points, mini-batches of 4 (5 updates per epoch), 40 epochs = 200 updates. */
export const N = 20;
export const BATCH = 4;
export const MAX_EPOCHS = 40;
export const EPOCHS_PER_SECOND = 12;

/** The schedule's values for steps 0 … steps − 1 (the slide's loop `for step in range(20)`). */
export function schedule(lr0: number, decay: number, steps: number): { step: number; lr: number }[] {
  return Array.from({ length: steps }, (_, step) => ({ step, lr: learningRateAt(step, lr0, decay) }));
}

/** The step at which the rate has fallen to half of α₀: t = 1/d (none for d = 0). */
export function halfLifeStep(decay: number): number | undefined {
  return decay > 0 ? 1 / decay : undefined;
}

/**
 * 20 points of a noisy straight line, y = 0.8x − 0.3 + 0.2·N(0, 1), x uniform in [−1, 1]
 * (always the same points): a single linear neuron ŷ = w·x + b can fit it, up to the noise.
 */
export const DATA: Dataset = (() => {
  const rng = createRng(5);
  const xs = Array.from({ length: N }, () => rng.uniform(-1, 1));
  const ys = xs.map((x) => 0.8 * x - 0.3 + 0.2 * rng.normal());
  return { x: Matrix.column(xs), y: Matrix.column(ys), featureNames: ['x'] };
})();

export type RunKind = 'decayed' | 'constant';

/** A fresh run of the neuron ŷ = w·x + b (initial weight from `seed`), mini-batches of 4, MSE. */
export function makeTrainer(kind: RunKind, s: { lr0: number; decay: number; seed: number }): Trainer {
  return new Trainer({
    network: Network.create({ inputs: 1, layers: [{ neurons: 1, activation: 'linear' }], seed: s.seed }),
    optimizer: new SGD({ learningRate: s.lr0, decay: kind === 'decayed' ? s.decay : 0 }),
    loss: 'mse',
    xTrain: DATA.x,
    yTrain: DATA.y,
    batchSize: BATCH,
    seed: s.seed,
  });
}

/** The least-squares line through the data: the lowest loss the neuron can reach. */
export const BEST = (() => {
  const x = DATA.x.data;
  const y = DATA.y.data;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < N; i++) {
    mx += x[i]! / N;
    my += y[i]! / N;
  }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < N; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  const w = sxy / sxx;
  const b = my - w * mx;
  let loss = 0;
  for (let i = 0; i < N; i++) loss += (w * x[i]! + b - y[i]!) ** 2 / N;
  return { w, b, loss };
})();

export function lossText(loss: number): string {
  return Number.isFinite(loss) ? fmt(loss, 4) : '—';
}
