/**
 * Everything the perceptron widget shows, derived from its state with the engine (lib/):
 * the points, each point's z and predicted class, accuracy, the decision line inside the
 * view, and a training step (the perceptron rule, or gradient descent for logistic regression).
 */
import {
  binaryCrossEntropy,
  blueOrange,
  createRng,
  logisticStep,
  Matrix,
  neuronClass,
  neuronOutput,
  neuronSum,
  perceptronEpoch,
  type Dataset,
  type Neuron2,
} from '@lib';
import { clampToField } from '../shared/url-state';
import { perceptronSchema, type PerceptronState } from './state';

/** The view shows [−VIEW, VIEW]² ; the data lie in [−1, 1]². */
export const VIEW = 1.25;

/** The hidden rule that labels the points (the reader's job is to find a line that separates them). */
export function makePoints(seed: number): Dataset {
  return blueOrange(40, createRng(seed), { weights: [1, 1.4], bias: 0.25, margin: 0.08 });
}

export interface Point {
  x1: number;
  x2: number;
  label: 0 | 1;
  z: number;
  predicted: 0 | 1;
  wrong: boolean;
}

export function neuronOf(s: PerceptronState): Neuron2 {
  return { w1: s.w1, w2: s.w2, b: s.b };
}

/** The neuron as the sliders can hold it: each parameter clamped to its range and rounded to its step. */
export function clampNeuron(n: Neuron2): Neuron2 {
  return {
    w1: clampToField(perceptronSchema.w1, n.w1),
    w2: clampToField(perceptronSchema.w2, n.w2),
    b: clampToField(perceptronSchema.b, n.b),
  };
}

export function classify(s: PerceptronState, data: Dataset): Point[] {
  const n = neuronOf(s);
  const points: Point[] = [];
  for (let i = 0; i < data.x.rows; i++) {
    const x1 = data.x.get(i, 0);
    const x2 = data.x.get(i, 1);
    const label = data.labels![i] === 1 ? 1 : 0;
    const predicted = neuronClass(n, x1, x2);
    points.push({ x1, x2, label, z: neuronSum(n, x1, x2), predicted, wrong: predicted !== label });
  }
  return points;
}

/** Mean binary cross-entropy of the sigmoid neuron (the loss logistic regression minimises). */
export function logisticLoss(s: PerceptronState, data: Dataset): number {
  const p = Matrix.zeros(data.x.rows, 1);
  for (let i = 0; i < data.x.rows; i++)
    p.set(i, 0, neuronOutput(neuronOf(s), 'sigmoid', data.x.get(i, 0), data.x.get(i, 1)));
  return binaryCrossEntropy(p, data.y);
}

/**
 * The decision line w₁x₁ + w₂x₂ + b = 0 clipped to the view square, or undefined when it misses
 * the view (or w = 0, when there is no line: every point gets the same class).
 */
export function decisionSegment(
  n: Neuron2,
  half = VIEW,
): [{ x1: number; x2: number }, { x1: number; x2: number }] | undefined {
  const candidates: { x1: number; x2: number }[] = [];
  const eps = 1e-12;
  if (Math.abs(n.w2) > eps) {
    for (const x1 of [-half, half]) {
      const x2 = -(n.w1 * x1 + n.b) / n.w2;
      if (x2 >= -half - eps && x2 <= half + eps) candidates.push({ x1, x2 });
    }
  }
  if (Math.abs(n.w1) > eps) {
    for (const x2 of [-half, half]) {
      const x1 = -(n.w2 * x2 + n.b) / n.w1;
      if (x1 >= -half - eps && x1 <= half + eps) candidates.push({ x1, x2 });
    }
  }
  // Keep the two points farthest apart (corners can appear twice).
  let best: [{ x1: number; x2: number }, { x1: number; x2: number }] | undefined;
  let bestDistance = 1e-9;
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const d = Math.hypot(candidates[i]!.x1 - candidates[j]!.x1, candidates[i]!.x2 - candidates[j]!.x2);
      if (d > bestDistance) {
        bestDistance = d;
        best = [candidates[i]!, candidates[j]!];
      }
    }
  }
  return best;
}

/**
 * The neuron whose line passes through two points, with the weight vector's length kept and its
 * direction the one closest to the previous neuron's (so "blue" stays on the same side).
 */
export function neuronThrough(
  p: { x1: number; x2: number },
  q: { x1: number; x2: number },
  previous: Neuron2,
): Neuron2 | undefined {
  const d1 = q.x1 - p.x1;
  const d2 = q.x2 - p.x2;
  const length = Math.hypot(d1, d2);
  if (length < 1e-6) return undefined;
  let n1 = -d2 / length;
  let n2 = d1 / length;
  if (n1 * previous.w1 + n2 * previous.w2 < 0) {
    n1 = -n1;
    n2 = -n2;
  }
  const norm = Math.hypot(previous.w1, previous.w2) || 1;
  const w1 = n1 * norm;
  const w2 = n2 * norm;
  return { w1, w2, b: -(w1 * p.x1 + w2 * p.x2) };
}

/** Move the line parallel to itself so it passes through a point (only b changes). */
export function shiftThrough(n: Neuron2, x1: number, x2: number): Neuron2 {
  return { ...n, b: -(n.w1 * x1 + n.w2 * x2) };
}

/** Two handles on the decision line: the foot of the perpendicular from the origin ± `spread` along the line. */
export function handles(
  n: Neuron2,
  spread = 0.55,
): [{ x1: number; x2: number }, { x1: number; x2: number }] | undefined {
  const norm2 = n.w1 * n.w1 + n.w2 * n.w2;
  if (norm2 < 1e-12) return undefined;
  const foot = { x1: (-n.b * n.w1) / norm2, x2: (-n.b * n.w2) / norm2 };
  const len = Math.sqrt(norm2);
  const t = { x1: -n.w2 / len, x2: n.w1 / len };
  return [
    { x1: foot.x1 - spread * t.x1, x2: foot.x2 - spread * t.x2 },
    { x1: foot.x1 + spread * t.x1, x2: foot.x2 + spread * t.x2 },
  ];
}

/** One epoch of learning: the perceptron rule (step) or one full-batch gradient step (sigmoid). */
export function learn(s: PerceptronState, data: Dataset): { neuron: Neuron2; mistakes: number } {
  if (s.act === 'step') return perceptronEpoch(neuronOf(s), data.x, data.labels!, s.lr);
  const neuron = logisticStep(neuronOf(s), data.x, data.labels!, s.lr);
  const mistakes = classify({ ...s, ...neuron }, data).filter((p) => p.wrong).length;
  return { neuron, mistakes };
}
