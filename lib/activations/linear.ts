import { Matrix, assertSameShape, resizeBuffer } from '../matrix.ts';
import type { Activation } from './activation.ts';

/** The identity activation f(x) = x, used for regression outputs. */
export function linear(x: number): number {
  return x;
}

/** f'(x) = 1. */
export function linearDerivative(_x: number): number {
  return 1;
}

/** Element-wise identity h = z; backward passes the gradient through unchanged (dE/dz = dE/dh). */
export class Linear implements Activation {
  readonly name = 'linear' as const;
  output = Matrix.zeros(0, 0);
  dinputs = Matrix.zeros(0, 0);

  forward(inputs: Matrix): Matrix {
    // Copy (rather than alias) so `output` stays valid if the caller reuses `inputs`.
    this.output = resizeBuffer(this.output, inputs.rows, inputs.cols);
    this.output.data.set(inputs.data);
    return this.output;
  }

  backward(dvalues: Matrix): Matrix {
    assertSameShape(dvalues, this.output, 'Linear.backward (dvalues vs output)');
    this.dinputs = resizeBuffer(this.dinputs, dvalues.rows, dvalues.cols);
    this.dinputs.data.set(dvalues.data);
    return this.dinputs;
  }
}
