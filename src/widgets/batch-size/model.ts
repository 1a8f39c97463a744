/**
 * The batch-size widget's logic: three runs of the same network on the same data from the same
 * initial weights — full batch, mini-batches of the reader's size, single samples — with the
 * engine's Trainer, and the arithmetic of updates per epoch.
 */
import { SGD, Trainer } from '@lib';
import { fmt } from '~/util/format';
import { DATA, makeNetwork } from '../learning-rate/model';

export { DATA };
/** Examples in the training set. */
export const N = DATA.x.rows;
export const MAX_EPOCHS = 150;
export const EPOCHS_PER_SECOND = 30;

export type RunKind = 'full' | 'mini' | 'single';
export const RUN_KINDS: readonly RunKind[] = ['full', 'mini', 'single'];

/** Examples per update of each run. */
export function batchOf(kind: RunKind, batch: number): number {
  return kind === 'full' ? N : kind === 'single' ? 1 : batch;
}

/** Updates in one epoch: ⌈N / batch⌉ (the last batch holds what is left over). */
export function updatesPerEpoch(batch: number, n = N): number {
  return Math.ceil(n / batch);
}

/** How an epoch is cut: e.g. 50 examples in batches of 8 → six full batches and one of 2. */
export function epochSplit(batch: number, n = N): { full: number; rest: number } {
  return { full: Math.floor(n / batch), rest: n % batch };
}

/** The split in words: "6 batches of 8 and one of 2". */
export function splitText(batch: number, n = N): string {
  const { full, rest } = epochSplit(batch, n);
  const whole = `${full} batch${full === 1 ? '' : 'es'} of ${batch}`;
  return rest ? `${whole} and one of ${rest}` : whole;
}

/** A fresh run: the 1-8-1 tanh network of the learning-rate widget, plain SGD, samples reshuffled each epoch with `seed`. */
export function makeTrainer(kind: RunKind, s: { batch: number; lr: number; seed: number }): Trainer {
  return new Trainer({
    network: makeNetwork(s.seed),
    optimizer: new SGD({ learningRate: s.lr }),
    loss: 'mse',
    xTrain: DATA.x,
    yTrain: DATA.y,
    batchSize: batchOf(kind, s.batch),
    seed: s.seed,
  });
}

export const RUN_NAMES: Record<RunKind, (batch: number) => string> = {
  full: () => `full (${N})`,
  mini: (b) => `mini (${b})`,
  single: () => 'single (1)',
};

export function lossText(loss: number): string {
  return Number.isFinite(loss) ? fmt(loss, 4) : '—';
}
