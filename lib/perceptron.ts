/**
 * A single neuron with two inputs: the perceptron (step activation) and logistic regression
 * (sigmoid activation). The lecture's "blue-orange classifier":
 *
 *   z = x₁w₁ + x₂w₂ + b,   ŷ = step(z) (perceptron)   or   ŷ = σ(z) (logistic regression)
 *
 * The step function has no gradient, so the perceptron learns with Rosenblatt's rule instead of
 * backpropagation; logistic regression learns by gradient descent on binary cross-entropy.
 */
import type { Matrix } from './matrix.ts';
import { step } from './activations/step.ts';
import { sigmoid } from './activations/sigmoid.ts';

/** The three parameters of a two-input neuron. */
export interface Neuron2 {
  w1: number;
  w2: number;
  b: number;
}

/** z = x₁w₁ + x₂w₂ + b: the neuron's weighted sum (its logit). */
export function neuronSum(n: Neuron2, x1: number, x2: number): number {
  return x1 * n.w1 + x2 * n.w2 + n.b;
}

/** The class a neuron predicts: 1 (blue) when z > 0. For the sigmoid neuron this is σ(z) > 0.5, the same line. */
export function neuronClass(n: Neuron2, x1: number, x2: number): 0 | 1 {
  return step(neuronSum(n, x1, x2)) === 1 ? 1 : 0;
}

/** The neuron's output: step(z) ∈ {0, 1} for the perceptron, σ(z) ∈ (0, 1) for logistic regression. */
export function neuronOutput(n: Neuron2, activation: 'step' | 'sigmoid', x1: number, x2: number): number {
  const z = neuronSum(n, x1, x2);
  return activation === 'step' ? step(z) : sigmoid(z);
}

/**
 * One epoch of the perceptron learning rule (Rosenblatt, 1958), sample by sample in order:
 *   ŷ = step(z);  w ← w + η (y − ŷ) x;  b ← b + η (y − ŷ)
 * A correctly classified point changes nothing. Returns the new neuron and how many points
 * were wrong during the epoch (0 means the rule has converged).
 */
export function perceptronEpoch(
  n: Neuron2,
  x: Matrix,
  labels: ArrayLike<number>,
  learningRate: number,
): { neuron: Neuron2; mistakes: number } {
  let { w1, w2, b } = n;
  let mistakes = 0;
  for (let i = 0; i < x.rows; i++) {
    const x1 = x.data[i * x.cols]!;
    const x2 = x.data[i * x.cols + 1]!;
    // #region perceptron-rule
    const error = labels[i]! - step(x1 * w1 + x2 * w2 + b); // y − ŷ: −1, 0 or +1
    w1 += learningRate * error * x1;
    w2 += learningRate * error * x2;
    b += learningRate * error;
    // #endregion perceptron-rule
    if (error !== 0) mistakes++;
  }
  return { neuron: { w1, w2, b }, mistakes };
}

/**
 * One full-batch gradient-descent step of logistic regression on binary cross-entropy.
 * With ŷ = σ(z) the gradient of the mean loss is simple:  ∂E/∂w = mean((ŷ − y) x),  ∂E/∂b = mean(ŷ − y).
 */
export function logisticStep(n: Neuron2, x: Matrix, labels: ArrayLike<number>, learningRate: number): Neuron2 {
  let g1 = 0;
  let g2 = 0;
  let gb = 0;
  const m = x.rows;
  for (let i = 0; i < m; i++) {
    const x1 = x.data[i * x.cols]!;
    const x2 = x.data[i * x.cols + 1]!;
    const error = sigmoid(neuronSum(n, x1, x2)) - labels[i]!;
    g1 += error * x1;
    g2 += error * x2;
    gb += error;
  }
  return { w1: n.w1 - (learningRate * g1) / m, w2: n.w2 - (learningRate * g2) / m, b: n.b - (learningRate * gb) / m };
}
