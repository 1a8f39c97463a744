/**
 * Loss functions E(ŷ, y) and their gradients dE/dŷ. Argument order is always
 * (prediction, truth). Every loss is a mean over the batch, so its gradient
 * carries a 1/n: with a bigger batch each sample's share of the step shrinks.
 */
import { Matrix, assertSameShape, outputBuffer, rowArgmax } from './matrix.ts';
import { flushSubnormals } from './kernels/index.ts';

/** Probabilities are clipped to [CLIP_EPSILON, 1 − CLIP_EPSILON] before taking logs: the slides' 1e-7, written out in the losses below as the slides write it. */
export const CLIP_EPSILON = 1e-7;

/** clip(x, low, high) = min(max(x, low), high), like np.clip: x, or the nearer bound when x is outside [low, high]. */
export function clip(x: number, low: number, high: number): number {
  return Math.min(Math.max(x, low), high);
}

/**
 * Mean squared error, L = (1/m) Σ_i (y_i − ŷ_i)², averaged over every element
 * (all samples and all outputs). Example from the slides: (23.5 − 22.9)² = 0.36.
 */
export function meanSquaredError(yPred: Matrix, yTrue: Matrix): number {
  assertSameShape(yPred, yTrue, 'meanSquaredError (yPred vs yTrue)');
  const p = yPred.data;
  const t = yTrue.data;
  // #region mean-squared-error
  // L = 1/m · Σ (y_true − y_predict)²
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const diff = t[i]! - p[i]!;
    sum += diff * diff;
  }
  return sum / p.length;
  // #endregion mean-squared-error
}

/** dL/dŷ for MSE: −2(y − ŷ)/m = 2(ŷ − y)/m, with m = number of elements. */
export function meanSquaredErrorBackward(yPred: Matrix, yTrue: Matrix, out?: Matrix): Matrix {
  assertSameShape(yPred, yTrue, 'meanSquaredErrorBackward (yPred vs yTrue)');
  const d = outputBuffer(out, yPred.rows, yPred.cols, 'meanSquaredErrorBackward');
  const m = yPred.data.length;
  for (let i = 0; i < m; i++) d.data[i] = (2 * (yPred.data[i]! - yTrue.data[i]!)) / m;
  return d;
}

/**
 * Binary cross-entropy, L = −[y log ŷ + (1 − y) log(1 − ŷ)], averaged over all
 * elements, with ŷ clipped to [1e-7, 1 − 1e-7] so log never sees 0.
 *
 * Note: the slide writes L = −y log ŷ + (1 − y) log(1 − ŷ). That is a sign slip:
 * the minus must cover both terms (as the slide's own k = 2 formula does),
 * otherwise the second term rewards confident wrong answers.
 */
export function binaryCrossEntropy(yPred: Matrix, yTrue: Matrix): number {
  assertSameShape(yPred, yTrue, 'binaryCrossEntropy (yPred vs yTrue)');
  const p = yPred.data;
  const t = yTrue.data;
  // #region binary-cross-entropy
  // probs_clipped = np.clip(probs, 1e-7, 1 - 1e-7)
  // L = −mean(y·log(ŷ) + (1 − y)·log(1 − ŷ)), with ŷ = probs_clipped
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const probsClipped = clip(p[i]!, 1e-7, 1 - 1e-7);
    sum += t[i]! * Math.log(probsClipped) + (1 - t[i]!) * Math.log(1 - probsClipped);
  }
  return -sum / p.length;
  // #endregion binary-cross-entropy
}

/**
 * dL/dŷ for binary cross-entropy: −(y/ŷ − (1 − y)/(1 − ŷ)) / m, using the
 * clipped ŷ (so the gradient stays finite at ŷ = 0 or 1).
 */
export function binaryCrossEntropyBackward(yPred: Matrix, yTrue: Matrix, out?: Matrix): Matrix {
  assertSameShape(yPred, yTrue, 'binaryCrossEntropyBackward (yPred vs yTrue)');
  const d = outputBuffer(out, yPred.rows, yPred.cols, 'binaryCrossEntropyBackward');
  const m = yPred.data.length;
  const p = yPred.data;
  for (let i = 0; i < m; i++) {
    const probsClipped = clip(p[i]!, 1e-7, 1 - 1e-7);
    const y = yTrue.data[i]!;
    d.data[i] = -(y / probsClipped - (1 - y) / (1 - probsClipped)) / m;
  }
  return d;
}

/**
 * Categorical cross-entropy, L = −(1/n) Σ_samples Σ_k y_k log ŷ_k, for softmax
 * probabilities and one-hot targets, probabilities clipped to [1e-7, 1 − 1e-7].
 * Slide example (true class Pear [0, 1, 0, 0]): predictions [0.23, 0.30, 0.23, 0.23]
 * give 1.20, [0.06, 0.79, 0.07, 0.09] give 0.24 — lower loss for the more confident, correct prediction.
 */
export function categoricalCrossEntropy(probs: Matrix, oneHotTrue: Matrix): number {
  assertSameShape(probs, oneHotTrue, 'categoricalCrossEntropy (probs vs oneHotTrue)');
  const p = probs.data;
  const y = oneHotTrue.data;
  // #region categorical-cross-entropy
  // probs_clipped = np.clip(probs, 1e-7, 1 - 1e-7)
  // loss = -np.sum(oh_y_true * np.log(probs_clipped), axis=1).mean(axis=0)
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const probsClipped = clip(p[i]!, 1e-7, 1 - 1e-7);
    sum += y[i]! * Math.log(probsClipped);
  }
  return -sum / probs.rows;
  // #endregion categorical-cross-entropy
}

/** dL/dŷ for categorical cross-entropy: −y_k / ŷ_k / n (ŷ clipped as in the loss). */
function categoricalCrossEntropyBackward(probs: Matrix, oneHotTrue: Matrix, out?: Matrix): Matrix {
  assertSameShape(probs, oneHotTrue, 'categoricalCrossEntropyBackward (probs vs oneHotTrue)');
  const d = outputBuffer(out, probs.rows, probs.cols, 'categoricalCrossEntropyBackward');
  const n = probs.rows;
  const p = probs.data;
  for (let i = 0; i < p.length; i++) {
    const probsClipped = clip(p[i]!, 1e-7, 1 - 1e-7);
    d.data[i] = -oneHotTrue.data[i]! / probsClipped / n;
  }
  return d;
}

/**
 * The fused softmax + categorical-cross-entropy gradient with respect to the
 * logits z: dL/dz = (ŷ − y) / n. Chaining the softmax Jacobian with −y/ŷ
 * collapses to this simple difference, which is cheaper and more accurate, so
 * training uses it whenever a softmax output meets cross-entropy.
 */
export function softmaxCrossEntropyBackward(probs: Matrix, oneHotTrue: Matrix, out?: Matrix): Matrix {
  assertSameShape(probs, oneHotTrue, 'softmaxCrossEntropyBackward (probs vs oneHotTrue)');
  const d = outputBuffer(out, probs.rows, probs.cols, 'softmaxCrossEntropyBackward');
  const n = probs.rows;
  for (let i = 0; i < probs.data.length; i++) d.data[i] = (probs.data[i]! - oneHotTrue.data[i]!) / n;
  flushSubnormals(d.data); // a gradient below 2^−1022 is 0 for all purposes, and slow (see lib/kernels)
  return d;
}

/**
 * One-hot encoding: row i is all zeros except a 1 in column labels[i].
 * E.g. with classes Dog, Pear, House, Grass: Pear (label 1) → [0, 1, 0, 0].
 */
export function oneHot(labels: ArrayLike<number>, classes: number): Matrix {
  if (!Number.isInteger(classes) || classes <= 0) {
    throw new Error(`oneHot: classes must be a positive integer, got ${classes}`);
  }
  const encoded = Matrix.zeros(labels.length, classes);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new Error(`oneHot: label ${label} at index ${i} is not an integer in [0, ${classes - 1}]`);
    }
    // #region one-hot
    // one row per sample, a single 1 in the column of its class
    encoded.set(i, label, 1);
    // #endregion one-hot
  }
  return encoded;
}

/**
 * Fraction of samples classified correctly, (1/n) Σ 1(prediction_i = label_i).
 * With one output column the prediction is 1 when ŷ > 0.5 (sigmoid output),
 * otherwise it is the column with the largest value (argmax of softmax).
 */
export function accuracy(yPred: Matrix, labels: ArrayLike<number>): number {
  if (labels.length !== yPred.rows) {
    throw new Error(`accuracy: ${yPred.rows} predictions (${yPred.shape}) but ${labels.length} labels`);
  }
  if (yPred.rows === 0) return 0;
  const predicted = predictedClasses(yPred);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  return correct / labels.length;
}

/** Class of each row: 1(ŷ > 0.5) for a single output column, argmax_k ŷ_k otherwise. */
export function predictedClasses(yPred: Matrix, out?: Int32Array): Int32Array {
  if (yPred.cols === 1) {
    const classes = out ?? new Int32Array(yPred.rows);
    for (let i = 0; i < yPred.rows; i++) classes[i] = yPred.data[i]! > 0.5 ? 1 : 0;
    return classes;
  }
  return rowArgmax(yPred, out);
}

/**
 * Integer labels recovered from a target matrix: argmax of one-hot rows, or
 * 1(y ≥ 0.5) for a single 0/1 column.
 */
export function labelsFromTargets(yTrue: Matrix): Int32Array {
  if (yTrue.cols === 1) {
    const labels = new Int32Array(yTrue.rows);
    for (let i = 0; i < yTrue.rows; i++) labels[i] = yTrue.data[i]! >= 0.5 ? 1 : 0;
    return labels;
  }
  return rowArgmax(yTrue);
}

/** Names of the loss functions (as used in JSON and trainer options). */
export type LossName = 'mean-squared-error' | 'binary-cross-entropy' | 'categorical-cross-entropy';

/** A loss with its gradient: value E(ŷ, y) and dE/dŷ, both for (prediction, truth). */
export interface Loss {
  readonly name: LossName;
  /** Whether accuracy is meaningful for this loss (classification). */
  readonly classification: boolean;
  calculate(yPred: Matrix, yTrue: Matrix): number;
  backward(yPred: Matrix, yTrue: Matrix, out?: Matrix): Matrix;
}

/** The three losses of the slides, by name. */
export const LOSSES: Readonly<Record<LossName, Loss>> = {
  'mean-squared-error': {
    name: 'mean-squared-error',
    classification: false,
    calculate: meanSquaredError,
    backward: meanSquaredErrorBackward,
  },
  'binary-cross-entropy': {
    name: 'binary-cross-entropy',
    classification: true,
    calculate: binaryCrossEntropy,
    backward: binaryCrossEntropyBackward,
  },
  'categorical-cross-entropy': {
    name: 'categorical-cross-entropy',
    classification: true,
    calculate: categoricalCrossEntropy,
    backward: categoricalCrossEntropyBackward,
  },
};

const LOSS_ALIASES: Record<string, LossName> = {
  mse: 'mean-squared-error',
  bce: 'binary-cross-entropy',
  cce: 'categorical-cross-entropy',
  'cross-entropy': 'categorical-cross-entropy',
};

/** A loss given by name, short alias (mse, bce, cce) or as a Loss object. */
export type LossLike = Loss | LossName | 'mse' | 'bce' | 'cce';

/** Looks up a loss by name ('mean-squared-error' | 'binary-cross-entropy' | 'categorical-cross-entropy', or mse/bce/cce); passes Loss objects through. */
export function getLoss(loss: LossLike): Loss {
  if (typeof loss !== 'string') return loss;
  const name = (LOSS_ALIASES[loss] ?? loss) as LossName;
  const found = Object.prototype.hasOwnProperty.call(LOSSES, name) ? LOSSES[name] : undefined;
  if (!found)
    throw new Error(`Unknown loss "${loss}"; expected one of ${Object.keys(LOSSES).join(', ')} (or mse, bce, cce)`);
  return found;
}
