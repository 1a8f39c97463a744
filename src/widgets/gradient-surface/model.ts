/**
 * Everything the gradient-surface widget shows, from the engine (lib/): the mean squared error
 * E(w₁, w₂) of the linear model ŷ = w₁x₁ + w₂x₂ on a small fixed data set (the same data as the
 * lecture's contour figure), its gradient by backprop (∂E/∂w = Xᵀ · ∂E/∂ŷ), the grid for the shaded
 * map, and the two slices through the reader's point with their tangent lines.
 */
import {
  Matrix,
  createRng,
  linspace,
  matmul,
  matmulTransposeA,
  meanSquaredError,
  meanSquaredErrorBackward,
} from '@lib';

export const W1_DOMAIN: [number, number] = [-1, 5];
export const W2_DOMAIN: [number, number] = [-4, 2];
/** Loss levels of the contour lines; each level the loss lies above adds one layer of shading. */
export const LEVELS = [0.15, 0.3, 0.6, 1.2, 2.4, 4.8, 9.6, 19.2];
/** Opacity of one layer of shading (layers pile up: more layers = darker = higher loss). */
export const BAND_OPACITY = 0.11;

export interface Data {
  X: Matrix;
  y: Matrix;
}

/** 40 points, y = 2x₁ − x₂ + noise with correlated inputs (seed 11): the bowl is tilted and elongated. */
export function makeData(): Data {
  const rng = createRng(11);
  const rows: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < 40; i++) {
    const a = rng.normal();
    const x1 = a;
    const x2 = 0.6 * a + 0.8 * rng.normal();
    rows.push([x1, x2]);
    ys.push(2 * x1 - x2 + 0.3 * rng.normal());
  }
  return { X: Matrix.from(rows), y: Matrix.column(ys) };
}

/** E(w₁, w₂), the engine's mean squared error of ŷ = Xw. */
export function lossAt(d: Data, w1: number, w2: number): number {
  return meanSquaredError(matmul(d.X, Matrix.column([w1, w2])), d.y);
}

/** (∂E/∂w₁, ∂E/∂w₂) = Xᵀ · ∂E/∂ŷ, with ∂E/∂ŷ = 2(ŷ − y)/n from the engine's MSE backward. */
export function gradientAt(d: Data, w1: number, w2: number): [number, number] {
  const pred = matmul(d.X, Matrix.column([w1, w2]));
  const g = matmulTransposeA(d.X, meanSquaredErrorBackward(pred, d.y));
  return [g.get(0, 0), g.get(1, 0)];
}

/** The least-squares minimum, from the 2×2 normal equations XᵀX w = Xᵀy. */
export function minimum(d: Data): [number, number] {
  const A = matmulTransposeA(d.X, d.X);
  const b = matmulTransposeA(d.X, d.y);
  const det = A.get(0, 0) * A.get(1, 1) - A.get(0, 1) * A.get(1, 0);
  return [
    (A.get(1, 1) * b.get(0, 0) - A.get(0, 1) * b.get(1, 0)) / det,
    (A.get(0, 0) * b.get(1, 0) - A.get(1, 0) * b.get(0, 0)) / det,
  ];
}

/**
 * The loss on an n×n grid, rows from the top (high w₂) down, for the contour map. E is a quadratic in
 * w, E = (wᵀAw − 2wᵀb + yᵀy)/n with A = XᵀX and b = Xᵀy (from the engine), so the grid costs a few
 * multiplications per point instead of a pass over the data (tested equal to lossAt).
 */
export function lossGrid(d: Data, n = 81): { values: Float64Array; n: number } {
  const A = matmulTransposeA(d.X, d.X);
  const b = matmulTransposeA(d.X, d.y);
  const c = matmulTransposeA(d.y, d.y).get(0, 0);
  const [a11, a12, a22, b1, b2, m] = [A.get(0, 0), A.get(0, 1), A.get(1, 1), b.get(0, 0), b.get(1, 0), d.X.rows];
  const w1s = linspace(W1_DOMAIN[0], W1_DOMAIN[1], n);
  const w2s = linspace(W2_DOMAIN[1], W2_DOMAIN[0], n);
  const values = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const v = w2s[j]!;
    for (let i = 0; i < n; i++) {
      const u = w1s[i]!;
      values[j * n + i] = (a11 * u * u + 2 * a12 * u * v + a22 * v * v - 2 * (u * b1 + v * b2) + c) / m;
    }
  }
  return { values, n };
}

export interface SlicePoint {
  w: number;
  loss: number;
  tangent: number;
}

/**
 * A slice through the point: the loss along one weight with the other held fixed, and the tangent
 * line at the point, whose slope is that weight's partial derivative.
 */
export function slice(d: Data, along: 'w1' | 'w2', w1: number, w2: number, n = 61): SlicePoint[] {
  const [lo, hi] = along === 'w1' ? W1_DOMAIN : W2_DOMAIN;
  const at = along === 'w1' ? w1 : w2;
  const e0 = lossAt(d, w1, w2);
  const [g1, g2] = gradientAt(d, w1, w2);
  const slope = along === 'w1' ? g1 : g2;
  return Array.from(linspace(lo, hi, n), (w) => ({
    w,
    loss: along === 'w1' ? lossAt(d, w, w2) : lossAt(d, w1, w),
    tangent: e0 + slope * (w - at),
  }));
}

/** The steepest-descent arrow −∇E from the point, scaled to `length` (weight units); none at a stationary point. */
export function descentArrow(w1: number, w2: number, g: [number, number], length: number) {
  const norm = Math.hypot(g[0], g[1]);
  if (!(norm > 1e-9)) return undefined;
  return { x1: w1, y1: w2, x2: w1 - (length * g[0]) / norm, y2: w2 - (length * g[1]) / norm };
}

/** How many shading layers a loss gets: the number of levels it lies above (0 = lightest). */
export function bandsAt(loss: number): number {
  return LEVELS.filter((l) => loss >= l).length;
}
