/**
 * Our engine (lib/) as a benchmark contestant.
 *
 * Two ways of training are measured:
 *  - `oursCore`: the bare training step on pre-built batch matrices — forward, loss value,
 *    backwardFromLoss (fused softmax+CE; ∂E/∂X of the input is skipped, as in lib's Trainer), SGD.step. This is exactly the work the peers are
 *    given (they also get pre-built batches and compute the loss value every step), so the
 *    targets are judged on it. (For nets ≤ 8 wide — the sine net — lib's forward and
 *    backwardFromLoss use lib/kernels/tiny-network.ts by themselves; nothing to do here.)
 *  - `oursTrainer`: lib's `Trainer` class as the site uses it (gathers a shuffled mini-batch
 *    every step, checks divergence, snapshots parameters, records history, evaluates the whole
 *    training set at the end of every epoch). Reported for information.
 */
import {
  GridPredictor,
  Matrix,
  Network,
  SGD,
  Trainer as LibTrainer,
  createRng,
  getLoss,
  linspace,
  type ActivationName,
  type LossName,
} from '../lib/index.ts';
import type { Batch, DataSet, NetSpec, Predictor, Trainer } from './spec.ts';

export function lossName(spec: NetSpec): LossName {
  return spec.head === 'softmax-ce' ? 'categorical-cross-entropy' : 'mean-squared-error';
}

export function activationNames(spec: NetSpec): ActivationName[] {
  const L = spec.sizes.length - 1;
  const out: ActivationName[] = [];
  for (let l = 0; l < L - 1; l++) out.push(spec.hidden);
  out.push(spec.head === 'softmax-ce' ? 'softmax' : 'linear');
  return out;
}

/** A Network carrying exactly the spec's weights. */
export function buildNetwork(spec: NetSpec): Network {
  const L = spec.sizes.length - 1;
  const activations = activationNames(spec);
  return Network.fromParameters(
    Array.from({ length: L }, (_, l) => ({
      weights: new Matrix(spec.sizes[l]!, spec.sizes[l + 1]!, spec.weights[l]!.slice()).toArray(),
      biases: Array.from(spec.biases[l]!),
      activation: activations[l]!,
    })),
  );
}

export function sliceMatrix(data: Float64Array, width: number, b: Batch): Matrix {
  return new Matrix(b.size, width, data.slice(b.start * width, (b.start + b.size) * width));
}

/** Training needs no ∂E/∂X for the network's input (lib's Trainer skips it the same way). */
const NO_INPUT_GRADIENT = { inputGradient: false };

export function oursCore(
  spec: NetSpec,
  data: DataSet,
  batches: Batch[],
): Trainer & { network: Network; optimizer: SGD } {
  const network = buildNetwork(spec);
  const sgd = new SGD({ learningRate: spec.learningRate, momentum: spec.momentum });
  const loss = getLoss(lossName(spec));
  const xs = batches.map((b) => sliceMatrix(data.x, data.d, b));
  const ys = batches.map((b) => sliceMatrix(data.y, data.k, b));
  const xAll = new Matrix(data.n, data.d, data.x.slice());
  const yAll = new Matrix(data.n, data.k, data.y.slice());
  const nb = batches.length;
  // In a typed array rather than a closure variable: a double stored in a closure variable is
  // boxed as a new 16-byte heap number on every write, which the heap table would count as ours.
  const lastLoss = new Float64Array(1);
  return {
    name: 'ours',
    network,
    optimizer: sgd,
    step(i: number) {
      const j = i % nb;
      const yPred = network.forward(xs[j]!);
      lastLoss[0] = loss.calculate(yPred, ys[j]!);
      network.backwardFromLoss(loss, ys[j]!, NO_INPUT_GRADIENT);
      sgd.step(network.layers);
    },
    sync() {
      if (Number.isNaN(lastLoss[0])) throw new Error('ours: loss became NaN');
    },
    loss() {
      return loss.calculate(network.forward(xAll), yAll);
    },
    dispose() {},
  };
}

/** lib's Trainer: one trainer.step() per step (batch size 'full', 32 or 1, shuffling on, seeded). */
export function oursTrainer(spec: NetSpec, data: DataSet, batchSize: number): Trainer & { trainer: LibTrainer } {
  const network = buildNetwork(spec);
  const trainer = new LibTrainer({
    network,
    optimizer: new SGD({ learningRate: spec.learningRate, momentum: spec.momentum }),
    loss: lossName(spec),
    xTrain: new Matrix(data.n, data.d, data.x.slice()),
    yTrain: new Matrix(data.n, data.k, data.y.slice()),
    batchSize: batchSize >= data.n ? 'full' : batchSize,
    seed: 1,
  });
  return {
    name: 'ours (Trainer)',
    trainer,
    step() {
      const outcome = trainer.step();
      if (outcome.status !== 'ok') throw new Error(`ours (Trainer) diverged: ${outcome.reason}`);
    },
    sync() {},
    loss() {
      return trainer.evaluateTrain().loss;
    },
    dispose() {},
  };
}

export function oursGrid(spec: NetSpec, side: number, lo: number, hi: number): Predictor {
  const network = buildNetwork(spec);
  const predictor = new GridPredictor(network);
  const xs = linspace(lo, hi, side);
  const ys = linspace(lo, hi, side);
  const out = new Float64Array(side * side * network.outputSize);
  return {
    name: 'ours',
    run() {
      predictor.predict(xs, ys, out);
    },
    output() {
      return out;
    },
    dispose() {},
  };
}

export { createRng };
