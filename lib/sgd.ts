/**
 * Stochastic gradient descent with learning-rate decay and momentum, exactly
 * as in the slides: W^(t+1) = W^t − α·∂E/∂W.
 */
import { Matrix } from './matrix.ts';
import type { Dense } from './dense.ts';
import { flushTinyMomentums } from './kernels/index.ts';

const EMPTY = new Float64Array(0);

/**
 * The decayed learning rate at a given step (the slides' formula):
 * α_t = α₀ · 1 / (1 + decay · t).
 * With α₀ = 1 and decay = 0.1: step 0 → 1, step 1 → 1/1.1, step 19 → 1/2.9.
 */
export function learningRateAt(step: number, initial: number, decay: number): number {
  // #region learning-rate-decay
  // learning_rate = init_learning_rate * (1. / (1 + learning_rate_decay * step))
  return initial * (1 / (1 + decay * step));
  // #endregion learning-rate-decay
}

/** Options for SGD; defaults: learningRate 1 (as in the slides' decay example), decay 0, momentum 0. */
export interface SGDOptions {
  learningRate?: number;
  decay?: number;
  momentum?: number;
}

/**
 * SGD optimiser. All state is on the object and plain: the step counter
 * `iterations`, the `currentLearningRate`, and one momentum buffer per layer
 * (`weightMomentums[i]`, `biasMomentums[i]` for layer i, the slides'
 * `layer.weight_moms`). reset() clears it.
 *
 * Per training step: preUpdateParams(); updateParams(layer, i) for each layer; postUpdateParams()
 * — or simply step(layers).
 */
export class SGD {
  /** α₀, the initial learning rate. */
  learningRate: number;
  /** Decay factor in α_t = α₀ / (1 + decay·t); 0 keeps α constant. */
  decay: number;
  /** Momentum factor β in update = β·momentum − α·gradient; 0 is plain SGD. */
  momentum: number;
  /** α_t used by the current/most recent step. */
  currentLearningRate = 0;
  /** Number of completed updates t. */
  iterations = 0;
  /** Per-layer weight momentums (the previous weight updates), created on first use. */
  weightMomentums: Matrix[] = [];
  /** Per-layer bias momentums. */
  biasMomentums: Matrix[] = [];

  constructor(options: SGDOptions = {}) {
    this.learningRate = options.learningRate ?? 1;
    this.decay = options.decay ?? 0;
    this.momentum = options.momentum ?? 0;
    for (const [name, value] of [
      ['learningRate', this.learningRate],
      ['decay', this.decay],
      ['momentum', this.momentum],
    ] as const) {
      if (!Number.isFinite(value) || value < 0)
        throw new Error(`SGD: ${name} must be a finite number ≥ 0, got ${value}`);
    }
    this.currentLearningRate = this.learningRate;
  }

  /** Before the updates of a step: α_t = learningRateAt(t, α₀, decay). */
  preUpdateParams(): void {
    this.currentLearningRate = learningRateAt(this.iterations, this.learningRate, this.decay);
  }

  /**
   * Updates one layer (index = its position, which selects its momentum buffers) from its dweights/dbiases.
   * Parameters a layer has frozen (trainWeights/trainBiases false) are left alone.
   */
  updateParams(layer: Dense, index: number): void {
    const lr = this.currentLearningRate;
    // A frozen parameter set is updated over zero elements: an empty view is the simplest way to skip it.
    const weights = layer.trainWeights ? layer.weights.data : EMPTY;
    const biases = layer.trainBiases ? layer.biases.data : EMPTY;
    const dweights = layer.dweights.data;
    const dbiases = layer.dbiases.data;

    if (this.momentum > 0) {
      const momentum = this.momentum;
      const weightMoms = this.momentumBuffer(this.weightMomentums, index, layer.weights).data;
      const biasMoms = this.momentumBuffer(this.biasMomentums, index, layer.biases).data;
      // #region momentum-update
      // weight_updates = momentum * weight_moms - lr * dweights
      // weight_moms = weight_updates;  weights += weight_updates  (biases likewise)
      for (let i = 0; i < weights.length; i++) {
        const weightUpdate = momentum * weightMoms[i]! - lr * dweights[i]!;
        weightMoms[i] = weightUpdate;
        weights[i]! += weightUpdate;
      }
      for (let j = 0; j < biases.length; j++) {
        const biasUpdate = momentum * biasMoms[j]! - lr * dbiases[j]!;
        biasMoms[j] = biasUpdate;
        biases[j]! += biasUpdate;
      }
      // #endregion momentum-update
    } else {
      // #region sgd-update
      // weights -= learning_rate * dweights
      for (let i = 0; i < weights.length; i++) weights[i]! -= lr * dweights[i]!;
      // biases -= learning_rate * dbiases
      for (let j = 0; j < biases.length; j++) biases[j]! -= lr * dbiases[j]!;
      // #endregion sgd-update
    }
  }

  /** After the updates of a step: t ← t + 1 (and, now and then, momentums too small to matter → 0). */
  postUpdateParams(): void {
    this.iterations += 1;
    flushTinyMomentums(this.iterations, this.weightMomentums, this.biasMomentums);
  }

  /** One full optimisation step over every layer. */
  step(layers: readonly Dense[]): void {
    this.preUpdateParams();
    for (let i = 0; i < layers.length; i++) this.updateParams(layers[i]!, i);
    this.postUpdateParams();
  }

  /** Back to the start: t = 0, α = α₀, momentums cleared. */
  reset(): void {
    this.iterations = 0;
    this.currentLearningRate = this.learningRate;
    this.weightMomentums = [];
    this.biasMomentums = [];
  }

  /** An independent copy, momentum buffers included. */
  clone(): SGD {
    const copy = new SGD({ learningRate: this.learningRate, decay: this.decay, momentum: this.momentum });
    copy.iterations = this.iterations;
    copy.currentLearningRate = this.currentLearningRate;
    copy.weightMomentums = this.weightMomentums.map((m) => m?.clone());
    copy.biasMomentums = this.biasMomentums.map((m) => m?.clone());
    return copy;
  }

  /** The momentum buffer for layer `index`, (re)created as zeros if missing or the wrong shape. */
  private momentumBuffer(buffers: Matrix[], index: number, like: Matrix): Matrix {
    const existing = buffers[index];
    if (existing && existing.rows === like.rows && existing.cols === like.cols) return existing;
    const fresh = Matrix.zeros(like.rows, like.cols);
    buffers[index] = fresh;
    return fresh;
  }
}
