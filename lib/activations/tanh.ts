import { Matrix, assertSameShape, resizeBuffer } from '../matrix.ts';
import type { Activation } from './activation.ts';

/** Hyperbolic tangent tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)), output in (−1, 1). */
export function tanh(x: number): number {
  return Math.tanh(x);
}

/** tanh'(x) = 1 − tanh²(x). */
export function tanhDerivative(x: number): number {
  const t = Math.tanh(x);
  return 1 - t * t;
}

/** Element-wise tanh h = tanh(z); backward: dE/dz = dE/dh ⊙ (1 − h²). */
export class Tanh implements Activation {
  readonly name = 'tanh' as const;
  output = Matrix.zeros(0, 0);
  dinputs = Matrix.zeros(0, 0);

  forward(inputs: Matrix): Matrix {
    this.output = resizeBuffer(this.output, inputs.rows, inputs.cols);
    const z = inputs.data;
    const h = this.output.data;
    for (let i = 0; i < z.length; i++) h[i] = Math.tanh(z[i]!);
    return this.output;
  }

  backward(dvalues: Matrix): Matrix {
    assertSameShape(dvalues, this.output, 'Tanh.backward (dvalues vs output)');
    this.dinputs = resizeBuffer(this.dinputs, dvalues.rows, dvalues.cols);
    const d = dvalues.data;
    const h = this.output.data;
    const dz = this.dinputs.data;
    for (let i = 0; i < d.length; i++) dz[i] = d[i]! * (1 - h[i]! * h[i]!);
    return this.dinputs;
  }
}
