import { Matrix, assertSameShape, resizeBuffer } from '../matrix.ts';
import type { Activation } from './activation.ts';

/** Rectified linear unit ReLU(x) = max(x, 0). */
export function relu(x: number): number {
  // #region relu
  // f(x) = max(x, 0): positive inputs pass through, negative ones become 0
  return x > 0 ? x : 0;
  // #endregion relu
}

/** ReLU'(x) = 1(x > 0): 1 for positive inputs, 0 otherwise (we pick 0 at the kink x = 0). */
export function reluDerivative(x: number): number {
  return x > 0 ? 1 : 0;
}

/** Element-wise ReLU h = max(z, 0); backward keeps the saved inputs: dE/dz = dE/dh ⊙ 1(z > 0). */
export class ReLU implements Activation {
  readonly name = 'relu' as const;
  output = Matrix.zeros(0, 0);
  dinputs = Matrix.zeros(0, 0);
  /** The z of the last forward pass (a reference, not a copy). */
  inputs = Matrix.zeros(0, 0);

  forward(inputs: Matrix): Matrix {
    this.inputs = inputs;
    this.output = resizeBuffer(this.output, inputs.rows, inputs.cols);
    const z = inputs.data;
    const h = this.output.data;
    for (let i = 0; i < z.length; i++) h[i] = relu(z[i]!);
    return this.output;
  }

  backward(dvalues: Matrix): Matrix {
    assertSameShape(dvalues, this.inputs, 'ReLU.backward (dvalues vs inputs)');
    this.dinputs = resizeBuffer(this.dinputs, dvalues.rows, dvalues.cols);
    const d = dvalues.data;
    const z = this.inputs.data;
    const dz = this.dinputs.data;
    // #region relu-backward
    // f'(z) = 1(z > 0): the gradient flows only through units that were active
    for (let i = 0; i < d.length; i++) {
      dz[i] = z[i]! > 0 ? d[i]! : 0;
    }
    // #endregion relu-backward
    return this.dinputs;
  }
}
