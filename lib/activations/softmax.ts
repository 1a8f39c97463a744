import { Matrix, assertSameShape, outputBuffer, resizeBuffer } from '../matrix.ts';
import type { Activation } from './activation.ts';

/**
 * Row-wise softmax, ŷ_i = e^(z_i) / Σ_j e^(z_j), for every row (sample) of `z`.
 *
 * Subtracting the row maximum first does not change the result (it cancels in
 * the fraction) but keeps e^x from overflowing to Infinity for large logits.
 * `out` may be `z` itself.
 */
export function softmax(z: Matrix, out?: Matrix): Matrix {
  const probs = outputBuffer(out, z.rows, z.cols, 'softmax');
  const Z = z.data;
  const P = probs.data;
  const cols = z.cols;
  for (let i = 0; i < z.rows; i++) {
    const start = i * cols;
    const end = start + cols;
    // #region softmax
    // e_z = np.exp(z - np.max(z, axis=1, keepdims=True))
    let max = -Infinity;
    for (let j = start; j < end; j++) if (Z[j]! > max) max = Z[j]!;
    let sum = 0;
    for (let j = start; j < end; j++) {
      const e = Math.exp(Z[j]! - max);
      P[j] = e;
      sum += e;
    }
    // probs = e_z / e_z.sum(axis=1, keepdims=True)
    for (let j = start; j < end; j++) P[j]! /= sum;
    // #endregion softmax
  }
  return probs;
}

/**
 * The softmax Jacobian for one probability vector S:
 * J_ij = ∂S_i/∂z_j = S_i δ_ij − S_i S_j, i.e. J = diag(S) − S Sᵀ.
 * Symmetric, and each row sums to 0 (the probabilities always sum to 1).
 * Built for display; training never materialises it.
 */
export function softmaxJacobian(probs: ArrayLike<number>): Matrix {
  const n = probs.length;
  const jacobian = Matrix.zeros(n, n);
  const J = jacobian.data;
  // #region softmax-jacobian
  // dz = np.diagflat(prob) - np.dot(prob, prob.T)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const diagonal = i === j ? probs[i]! : 0;
      J[i * n + j] = diagonal - probs[i]! * probs[j]!;
    }
  }
  // #endregion softmax-jacobian
  return jacobian;
}

/**
 * Softmax as a layer. backward multiplies each row's gradient by that row's
 * Jacobian without building it: dE/dz = J·dE/dŷ = S ⊙ (dE/dŷ − (S · dE/dŷ)).
 * (With categorical cross-entropy, training uses the fused shortcut (ŷ − y)/n
 * instead — see softmaxCrossEntropyBackward.)
 */
export class Softmax implements Activation {
  readonly name = 'softmax' as const;
  output = Matrix.zeros(0, 0);
  dinputs = Matrix.zeros(0, 0);

  forward(inputs: Matrix): Matrix {
    this.output = resizeBuffer(this.output, inputs.rows, inputs.cols);
    return softmax(inputs, this.output);
  }

  backward(dvalues: Matrix): Matrix {
    assertSameShape(dvalues, this.output, 'Softmax.backward (dvalues vs output)');
    this.dinputs = resizeBuffer(this.dinputs, dvalues.rows, dvalues.cols);
    const S = this.output.data;
    const d = dvalues.data;
    const dz = this.dinputs.data;
    const cols = dvalues.cols;
    for (let i = 0; i < dvalues.rows; i++) {
      const start = i * cols;
      // (S · d) for this row: the part of the gradient shared by every class
      let dot = 0;
      for (let j = start; j < start + cols; j++) dot += S[j]! * d[j]!;
      for (let j = start; j < start + cols; j++) dz[j] = S[j]! * (d[j]! - dot);
    }
    return this.dinputs;
  }
}
