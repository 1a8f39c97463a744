/**
 * The momentum widget's logic. The ravine of the lecture's figure, E(w₁, w₂) = ½(0.2·w₁² + 10·w₂²),
 * is a real training problem for the engine: a linear neuron ŷ = x₁w₁ + x₂w₂ (bias frozen at 0)
 * on two examples, x = (√0.2, 0) and x = (0, √10), both with target 0, under mean squared error:
 * MSE = ((√0.2·w₁)² + (√10·w₂)²) / 2 = E(w₁, w₂). Full-batch Trainers with the engine's SGD (plain,
 * and with momentum) walk it from the figure's start (−4, 1); each records its path.
 */
import { Matrix, Network, SGD, Trainer, type StepOutcome } from '@lib';
import { fmt, num } from '~/util/format';

/** Curvatures along w₁ (the ravine's floor) and w₂ (across its walls). */
export const CURVATURE = [0.2, 10] as const;
export const START = [-4, 1] as const;
export const EPOCHS_PER_SECOND = 10;

/** The slide's two cases, with the lecture figure's numbers. */
export const PRESETS = [
  { name: 'Large momentum, small learning rate', lr: 0.03, momentum: 0.95 },
  { name: 'Good momentum and learning rate', lr: 0.2, momentum: 0.6 },
] as const;

export function ravine(w1: number, w2: number): number {
  return 0.5 * (CURVATURE[0] * w1 * w1 + CURVATURE[1] * w2 * w2);
}

/** The loss levels the map draws as contour lines. */
export const LEVELS = [0.1, 0.3, 0.8, 1.6, 3, 5, 8] as const;

/**
 * The contour line E(w₁, w₂) = level, exactly: ½(c₁w₁² + c₂w₂²) = level is an ellipse centred on
 * the minimum with semi-axes √(2·level / cᵢ) along each weight. `points` + 1 points, the last on
 * the first, so a line through them closes.
 */
export function contourLine(level: number, points = 96): { w1: number; w2: number; level: number }[] {
  const [a, b] = CURVATURE.map((c) => Math.sqrt((2 * level) / c));
  return Array.from({ length: points + 1 }, (_, k) => {
    const t = (2 * Math.PI * k) / points;
    return { w1: a! * Math.cos(t), w2: b! * Math.sin(t), level };
  });
}

/** The two examples whose mean squared error is the ravine. */
export const X = Matrix.from([
  [Math.sqrt(CURVATURE[0]), 0],
  [0, Math.sqrt(CURVATURE[1])],
]);
export const Y = Matrix.column([0, 0]);

/** A Trainer that remembers where its weights have been: (w₁, w₂) before the first and after every update. */
export class PathTrainer extends Trainer {
  readonly path: [number, number][] = [];
  constructor(lr: number, momentum: number) {
    const network = Network.fromParameters([{ weights: [[START[0]], [START[1]]], biases: [0], activation: 'linear' }]);
    network.layers[0]!.trainBiases = false;
    super({ network, optimizer: new SGD({ learningRate: lr, momentum }), loss: 'mse', xTrain: X, yTrain: Y });
    this.path.push(this.weights());
  }

  weights(): [number, number] {
    const w = this.network.layers[0]!.weights.data;
    return [w[0]!, w[1]!];
  }

  /** The velocity v: the last update (the optimiser's momentum buffer), (0, 0) before the first. */
  velocity(): [number, number] {
    const v = this.optimizer.weightMomentums[0]?.data;
    return v ? [v[0]!, v[1]!] : [0, 0];
  }

  override step(): StepOutcome {
    const outcome = super.step();
    if (outcome.status === 'ok') this.path.push(this.weights());
    return outcome;
  }
}

export type RunKind = 'sgd' | 'momentum';

export function makeTrainer(kind: RunKind, s: { lr: number; momentum: number }): PathTrainer {
  return new PathTrainer(s.lr, kind === 'sgd' ? 0 : s.momentum);
}

/** How plain SGD behaves across the ravine: each step multiplies w₂ by 1 − 10α. */
export function acrossFactor(lr: number): number {
  return 1 - CURVATURE[1] * lr;
}

export function plainVerdict(lr: number): string {
  const f = acrossFactor(lr);
  const ff = fmt(f, 2);
  if (Math.abs(f) < 1e-9)
    return `With α = ${fmt(lr, 3)} plain SGD lands on the ravine's floor in one step (1 − 10α = 0).`;
  if (f > 0)
    return `Across the ravine, each plain step multiplies w₂ by 1 − 10α = ${ff}: it slides down one wall without crossing.`;
  if (f > -1)
    return `Across the ravine, each plain step multiplies w₂ by 1 − 10α = ${ff}: it zig-zags from wall to wall, the jumps shrinking.`;
  if (Math.abs(f + 1) < 1e-9)
    return 'Across the ravine, each plain step multiplies w₂ by 1 − 10α = −1: it bounces between the walls for ever.';
  return `Across the ravine, each plain step multiplies w₂ by 1 − 10α = ${ff}: every jump lands higher up the other wall — plain SGD diverges.`;
}

/** A loss for the readouts: small numbers in scientific notation. */
export function lossText(loss: number): string {
  if (!Number.isFinite(loss)) return '—';
  if (loss === 0) return '0';
  return num(loss, 4);
}
