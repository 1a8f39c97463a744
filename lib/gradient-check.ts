/**
 * Numerical gradient checking: compare backprop's analytic ∂E/∂θ with the
 * central difference (E(θ + ε) − E(θ − ε)) / 2ε for every parameter θ.
 * If they agree, backprop is implemented correctly.
 */
import type { Matrix } from './matrix.ts';
import { getLoss, type LossLike } from './losses.ts';
import type { Network } from './network.ts';

/** The comparison for one parameter. */
export interface GradientCheckEntry {
  /** 0-based layer index. */
  layer: number;
  parameter: 'weights' | 'biases';
  row: number;
  col: number;
  analytic: number;
  numeric: number;
  /** |analytic − numeric|. */
  absoluteError: number;
  /** |analytic − numeric| / max(|analytic| + |numeric|, floor). */
  relativeError: number;
}

/** All entries plus the worst errors. */
export interface GradientCheckResult {
  entries: GradientCheckEntry[];
  maxRelativeError: number;
  maxAbsoluteError: number;
}

/** Options for gradientCheck. */
export interface GradientCheckOptions {
  /**
   * Lower bound on the denominator of the relative error (default 1e-4). Central
   * differences carry ~1e-11 of rounding noise (machine ε · E / ε_step), so for a
   * gradient near 0 the plain relative error would divide that noise by ~0; with
   * the floor, such entries are judged by their absolute error (÷ 1e-4) instead.
   */
  floor?: number;
  /** Use the fused softmax + cross-entropy gradient when it applies (default true, as in training). */
  fused?: boolean;
}

/**
 * Central-difference gradient check of `network` for `loss` on (x, y):
 * numeric_θ = (E(θ + ε) − E(θ − ε)) / 2ε, compared with the analytic dE/dθ from backward().
 * Parameters are restored exactly after each probe; dweights/dbiases hold the analytic gradient afterwards.
 */
export function gradientCheck(
  network: Network,
  x: Matrix,
  y: Matrix,
  loss: LossLike,
  eps = 1e-5,
  options: GradientCheckOptions = {},
): GradientCheckResult {
  const lossFn = getLoss(loss);
  const floor = options.floor ?? 1e-4;
  const fused = options.fused ?? true;

  // Analytic gradients from one forward + backward pass.
  const prediction = network.forward(x);
  if (fused) {
    network.backwardFromLoss(lossFn, y);
  } else {
    network.backward(lossFn.backward(prediction, y));
  }
  const analytic = network.layers.map((l) => ({ weights: l.dweights.data.slice(), biases: l.dbiases.data.slice() }));

  const lossAt = (): number => lossFn.calculate(network.forward(x), y);
  const entries: GradientCheckEntry[] = [];
  let maxRelativeError = 0;
  let maxAbsoluteError = 0;

  network.layers.forEach((layer, li) => {
    for (const parameter of ['weights', 'biases'] as const) {
      const values = layer[parameter];
      const grads = analytic[li]![parameter];
      for (let k = 0; k < values.data.length; k++) {
        const original = values.data[k]!;
        values.data[k] = original + eps;
        const plus = lossAt();
        values.data[k] = original - eps;
        const minus = lossAt();
        values.data[k] = original;
        const numeric = (plus - minus) / (2 * eps);
        const a = grads[k]!;
        const absoluteError = Math.abs(a - numeric);
        const relativeError = absoluteError / Math.max(Math.abs(a) + Math.abs(numeric), floor);
        maxAbsoluteError = Math.max(maxAbsoluteError, absoluteError);
        maxRelativeError = Math.max(maxRelativeError, relativeError);
        entries.push({
          layer: li,
          parameter,
          row: Math.floor(k / values.cols),
          col: k % values.cols,
          analytic: a,
          numeric,
          absoluteError,
          relativeError,
        });
      }
    }
  });
  return { entries, maxRelativeError, maxAbsoluteError };
}
