import { Matrix, resizeBuffer } from '../matrix.ts';
import type { Activation } from './activation.ts';

/**
 * The perceptron's step (Heaviside) function:
 * step(x) = 1 if x > 0, else 0  ("blue" if x₁w₁ + x₂w₂ + b > 0, else "orange").
 */
export function step(x: number): number {
  // #region step
  if (x > 0) {
    return 1; // blue
  } else {
    return 0; // orange
  }
  // #endregion step
}

/** step'(x) = 0 for x ≠ 0 (undefined at 0) — drawn as 0 everywhere in charts. */
export function stepDerivative(_x: number): number {
  return 0;
}

/** Why the step activation cannot be trained by backpropagation. */
export const STEP_HAS_NO_GRADIENT =
  'The step activation has no useful gradient: its derivative is 0 everywhere except at 0, where it is undefined, ' +
  'so backpropagation cannot tell how to change the weights. Use sigmoid (logistic regression) or another ' +
  'differentiable activation to train, and keep step for hand-set perceptrons.';

/** Element-wise step activation, h = step(z). Forward only: backward throws, see STEP_HAS_NO_GRADIENT. */
export class Step implements Activation {
  readonly name = 'step' as const;
  output = Matrix.zeros(0, 0);
  dinputs = Matrix.zeros(0, 0);

  forward(inputs: Matrix): Matrix {
    this.output = resizeBuffer(this.output, inputs.rows, inputs.cols);
    const z = inputs.data;
    const h = this.output.data;
    for (let i = 0; i < z.length; i++) h[i] = step(z[i]!);
    return this.output;
  }

  backward(_dvalues: Matrix): Matrix {
    throw new Error(STEP_HAS_NO_GRADIENT);
  }
}
