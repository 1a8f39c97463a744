import { Matrix, assertSameShape, resizeBuffer } from '../matrix.ts';
import type { Activation } from './activation.ts';

/** The logistic sigmoid σ(x) = 1 / (1 + e^(−x)), squashing any real number into (0, 1). */
export function sigmoid(x: number): number {
  // #region sigmoid
  // f(x) = 1 / (1 + e^(−x))
  return 1 / (1 + Math.exp(-x));
  // #endregion sigmoid
}

/** σ'(x) = σ(x)·(1 − σ(x)). */
export function sigmoidDerivative(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}

/** Element-wise sigmoid h = σ(z); backward uses the saved output: dE/dz = dE/dh ⊙ h ⊙ (1 − h). */
export class Sigmoid implements Activation {
  readonly name = 'sigmoid' as const;
  output = Matrix.zeros(0, 0);
  dinputs = Matrix.zeros(0, 0);

  forward(inputs: Matrix): Matrix {
    this.output = resizeBuffer(this.output, inputs.rows, inputs.cols);
    const z = inputs.data;
    const h = this.output.data;
    for (let i = 0; i < z.length; i++) h[i] = sigmoid(z[i]!);
    return this.output;
  }

  backward(dvalues: Matrix): Matrix {
    assertSameShape(dvalues, this.output, 'Sigmoid.backward (dvalues vs output)');
    this.dinputs = resizeBuffer(this.dinputs, dvalues.rows, dvalues.cols);
    const d = dvalues.data;
    const h = this.output.data;
    const dz = this.dinputs.data;
    // #region sigmoid-backward
    // f'(z) = σ(z)·(1 − σ(z)), and σ(z) is the output we kept from forward
    for (let i = 0; i < d.length; i++) {
      const s = h[i]!;
      dz[i] = d[i]! * s * (1 - s);
    }
    // #endregion sigmoid-backward
    return this.dinputs;
  }
}
