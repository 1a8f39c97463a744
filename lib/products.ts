/**
 * The matrix products of a feedforward network — np.dot and its transposed forms. Each op checks
 * its shapes, then hands the loops to a kernel (lib/kernels/matmul.ts, tested against the
 * textbook definitions written in each doc comment here).
 */
import { type Matrix, assertNoAlias, outputBuffer } from './matrix.ts';
import { matmulKernel, matmulTransposeAKernel, matmulTransposeBKernel } from './kernels/index.ts';

/**
 * Matrix product C = A·B, i.e. C_ij = Σ_k A_ik B_kj  (np.dot(A, B)).
 * A is n×m, B is m×p, C is n×p.
 */
export function matmul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new Error(`matmul: cannot multiply ${a.shape} by ${b.shape} (A has ${a.cols} columns, B has ${b.rows} rows)`);
  }
  const c = outputBuffer(out, a.rows, b.cols, 'matmul');
  assertNoAlias(c, a, b, 'matmul');
  matmulKernel(a.data, b.data, undefined, c.data, a.rows, a.cols, b.cols);
  return c;
}

/**
 * C = A·B + R, the row R (1×p) added to every row of the product — a layer's
 * Z = X·W + B  (np.dot(inputs, weights) + biases):  C_ij = R_j + Σ_k A_ik B_kj.
 */
export function matmulAddRowVector(a: Matrix, b: Matrix, row: Matrix, out?: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new Error(
      `matmulAddRowVector: cannot multiply ${a.shape} by ${b.shape} (A has ${a.cols} columns, B has ${b.rows} rows)`,
    );
  }
  if (row.rows !== 1 || row.cols !== b.cols) {
    throw new Error(
      `matmulAddRowVector: cannot add a ${row.shape} row to a ${a.rows}×${b.cols} product (need 1×${b.cols})`,
    );
  }
  const c = outputBuffer(out, a.rows, b.cols, 'matmulAddRowVector');
  assertNoAlias(c, a, b, 'matmulAddRowVector');
  assertNoAlias(c, row, undefined, 'matmulAddRowVector');
  matmulKernel(a.data, b.data, row.data, c.data, a.rows, a.cols, b.cols);
  return c;
}

/**
 * C = Aᵀ·B without building Aᵀ: C_kj = Σ_i A_ik B_ij  (np.dot(A.T, B)).
 * A is n×m, B is n×p, C is m×p. Backprop uses it for dW = Xᵀ·dZ.
 */
export function matmulTransposeA(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.rows !== b.rows) {
    throw new Error(
      `matmulTransposeA: cannot multiply (${a.shape})ᵀ by ${b.shape} (both need the same number of rows, got ${a.rows} and ${b.rows})`,
    );
  }
  const c = outputBuffer(out, a.cols, b.cols, 'matmulTransposeA');
  assertNoAlias(c, a, b, 'matmulTransposeA');
  matmulTransposeAKernel(a.data, b.data, c.data, a.rows, a.cols, b.cols);
  return c;
}

/**
 * C = A·Bᵀ without building Bᵀ: C_ik = Σ_j A_ij B_kj, dot products of rows  (np.dot(A, B.T)).
 * A is n×p, B is m×p, C is n×m. Backprop uses it for dX = dZ·Wᵀ.
 */
export function matmulTransposeB(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.cols !== b.cols) {
    throw new Error(
      `matmulTransposeB: cannot multiply ${a.shape} by (${b.shape})ᵀ (both need the same number of columns, got ${a.cols} and ${b.cols})`,
    );
  }
  const c = outputBuffer(out, a.rows, b.rows, 'matmulTransposeB');
  assertNoAlias(c, a, b, 'matmulTransposeB');
  matmulTransposeBKernel(a.data, b.data, c.data, a.rows, a.cols, b.rows);
  return c;
}
