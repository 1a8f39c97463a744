/**
 * Everything the activation-derivatives widget shows, from the engine: ReLU′ and σ′ at the probe
 * and as curves, and for the logits the softmax S (`softmax`) and its Jacobian
 * J_ij = S_i δ_ij − S_i S_j (`softmaxJacobian`) with its row sums, plus the NumPy-style printout
 * of the matrix for the code beside it.
 */
import { Matrix, relu, reluDerivative, sigmoid, sigmoidDerivative, softmax, softmaxJacobian } from '@lib';
import type { ActivationDerivativesState } from './state';

export const X_MIN = -4;
export const X_MAX = 4;

export interface Probe {
  x: number;
  relu: number;
  reluDerivative: number;
  sigmoid: number;
  sigmoidDerivative: number;
}

export function probe(x: number): Probe {
  return {
    x,
    relu: relu(x),
    reluDerivative: reluDerivative(x),
    sigmoid: sigmoid(x),
    sigmoidDerivative: sigmoidDerivative(x),
  };
}

/** σ′ sampled over the chart's range. */
export function sigmoidCurve(points = 161): { x: number; y: number }[] {
  return Array.from({ length: points }, (_, i) => {
    const x = X_MIN + ((X_MAX - X_MIN) * i) / (points - 1);
    return { x, y: sigmoidDerivative(x) };
  });
}

/** ReLU′ as its two flat pieces (never joined across the jump at 0). */
export function reluPieces(): { x: number; y: number; piece: number }[] {
  return [
    { x: X_MIN, y: reluDerivative(X_MIN), piece: 0 },
    { x: 0, y: reluDerivative(-1e-9), piece: 0 },
    { x: 0, y: reluDerivative(1e-9), piece: 1 },
    { x: X_MAX, y: reluDerivative(X_MAX), piece: 1 },
  ];
}

export interface JacobianResult {
  logits: number[];
  probs: number[];
  /** Row i, column j: ∂S_i/∂z_j. */
  matrix: number[][];
  rowSums: number[];
  /** Largest |row sum| — 0 up to rounding, because the probabilities always sum to 1. */
  rowSumMax: number;
}

export function jacobian(s: Pick<ActivationDerivativesState, 'k' | 'z'>): JacobianResult {
  const logits = s.z.slice(0, s.k);
  const probs = Array.from(softmax(Matrix.from([logits])).data);
  const matrix = softmaxJacobian(probs).toArray();
  const rowSums = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const rowSumMax = Math.max(...rowSums.map(Math.abs));
  return { logits, probs, matrix, rowSums, rowSumMax };
}

/** The largest |J_ij| possible: S(1 − S) and S_i S_j are both at most 1/4. */
export const J_MAX = 0.25;

/** A number as NumPy prints it in an array: fixed decimals, a space where the minus would go. */
function npNumber(x: number, digits: number): string {
  const t = Math.abs(x).toFixed(digits);
  return x < 0 && Number(t) !== 0 ? `-${t}` : ` ${t}`;
}

/** The matrix as NumPy prints a 2-D array (`np.set_printoptions(precision=3)`), one line per row. */
export function numpyMatrix(m: number[][], digits = 3): string[] {
  return m.map(
    (row, i) =>
      `${i === 0 ? '[[' : ' ['}${row.map((v) => npNumber(v, digits)).join(' ')}]${i === m.length - 1 ? ']' : ''}`,
  );
}
