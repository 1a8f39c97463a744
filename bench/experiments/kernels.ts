/**
 * EXPERIMENT: matrix-product kernels for the small shapes of the benchmark, lib's current
 * kernels vs. register-blocked variants (same results). npx tsx bench/experiments/kernels.ts
 *  - forward  Z = X·W (+B):  lib `matmul` (i-k-j: loads and stores C[i][j] for every multiply-add)
 *                            vs `blocked`: for each row, 4 output columns at a time kept in locals
 *                            (bias as the start value), so the inner k-loop does loads + mul-adds only.
 *  - dW = Xᵀ·dZ:             lib `matmulTransposeA` vs `blockedTA` (4 columns of dW in locals, loop over samples).
 *  - dX = dZ·Wᵀ:             lib `matmulTransposeB` (dot products of length n_out — only 3 for the output layer)
 *                            vs `blockedTB` (4 input columns at a time, loop over n_out).
 */
import { Matrix, matmul, matmulTransposeA, matmulTransposeB } from '../../lib/index.ts';
import { median } from '../harness.ts';

function blocked(X: Float64Array, W: Float64Array, bias: Float64Array, Z: Float64Array, n: number, m: number, p: number): void {
  for (let i = 0; i < n; i++) {
    const xi = i * m, zi = i * p;
    let j = 0;
    for (; j + 4 <= p; j += 4) {
      let s0 = bias[j], s1 = bias[j + 1], s2 = bias[j + 2], s3 = bias[j + 3];
      for (let k = 0, w = j; k < m; k++, w += p) {
        const a = X[xi + k];
        s0 += a * W[w]; s1 += a * W[w + 1]; s2 += a * W[w + 2]; s3 += a * W[w + 3];
      }
      Z[zi + j] = s0; Z[zi + j + 1] = s1; Z[zi + j + 2] = s2; Z[zi + j + 3] = s3;
    }
    for (; j < p; j++) {
      let s = bias[j];
      for (let k = 0, w = j; k < m; k++, w += p) s += X[xi + k] * W[w];
      Z[zi + j] = s;
    }
  }
}

/** dW (m×p) = Xᵀ (m×n) · dZ (n×p) */
function blockedTA(X: Float64Array, D: Float64Array, G: Float64Array, n: number, m: number, p: number): void {
  for (let k = 0; k < m; k++) {
    let j = 0;
    for (; j + 4 <= p; j += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let i = 0, x = k, d = j; i < n; i++, x += m, d += p) {
        const a = X[x];
        s0 += a * D[d]; s1 += a * D[d + 1]; s2 += a * D[d + 2]; s3 += a * D[d + 3];
      }
      const g = k * p + j;
      G[g] = s0; G[g + 1] = s1; G[g + 2] = s2; G[g + 3] = s3;
    }
    for (; j < p; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += X[i * m + k] * D[i * p + j];
      G[k * p + j] = s;
    }
  }
}

/** dX (n×m) = dZ (n×p) · Wᵀ (p×m), W is m×p */
function blockedTB(D: Float64Array, W: Float64Array, DX: Float64Array, n: number, m: number, p: number): void {
  for (let i = 0; i < n; i++) {
    const di = i * p, xi = i * m;
    let k = 0;
    for (; k + 4 <= m; k += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      const w0 = k * p, w1 = w0 + p, w2 = w1 + p, w3 = w2 + p;
      for (let j = 0; j < p; j++) {
        const d = D[di + j];
        s0 += d * W[w0 + j]; s1 += d * W[w1 + j]; s2 += d * W[w2 + j]; s3 += d * W[w3 + j];
      }
      DX[xi + k] = s0; DX[xi + k + 1] = s1; DX[xi + k + 2] = s2; DX[xi + k + 3] = s3;
    }
    for (; k < m; k++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += D[di + j] * W[k * p + j];
      DX[xi + k] = s;
    }
  }
}

function rand(n: number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = Math.sin(i * 12.9898) * 0.5;
  return a;
}

function bench(f: () => void, reps: number): number {
  for (let i = 0; i < reps; i++) f();
  const ts: number[] = [];
  for (let r = 0; r < 9; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) f();
    ts.push((performance.now() - t0) / reps);
  }
  return median(ts) * 1000; // µs
}

const shapes: [number, number, number, string][] = [
  [32, 2, 16, 'spiral L1'], [32, 16, 16, 'spiral L2'], [32, 16, 3, 'spiral L3'],
  [32, 2, 64, 'wide L1'], [32, 64, 64, 'wide L2'], [32, 64, 3, 'wide L3'],
  [32, 1, 8, 'sine L1'], [32, 8, 1, 'sine L2'],
];
console.log('shape (batch×in×out)      forward lib/blocked µs      dW lib/blocked µs      dX lib/blocked µs');
let tot = [0, 0, 0, 0, 0, 0];
for (const [n, m, p, name] of shapes) {
  const X = new Matrix(n, m, rand(n * m)), W = new Matrix(m, p, rand(m * p)), D = new Matrix(n, p, rand(n * p));
  const bias = rand(p), Z = new Matrix(n, p), Z2 = new Float64Array(n * p), G = new Matrix(m, p), G2 = new Float64Array(m * p), DX = new Matrix(n, m), DX2 = new Float64Array(n * m);
  const reps = Math.max(200, Math.round(2e6 / (n * m * p)));
  const f1 = bench(() => { matmul(X, W, Z); for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) Z.data[i * p + j] += bias[j]; }, reps);
  const f2 = bench(() => blocked(X.data, W.data, bias, Z2, n, m, p), reps);
  const g1 = bench(() => matmulTransposeA(X, D, G), reps);
  const g2 = bench(() => blockedTA(X.data, D.data, G2, n, m, p), reps);
  const d1 = bench(() => matmulTransposeB(D, W, DX), reps);
  const d2 = bench(() => blockedTB(D.data, W.data, DX2, n, m, p), reps);
  let err = 0;
  for (let i = 0; i < n * p; i++) err = Math.max(err, Math.abs(Z.data[i] - Z2[i]));
  for (let i = 0; i < m * p; i++) err = Math.max(err, Math.abs(G.data[i] - G2[i]));
  for (let i = 0; i < n * m; i++) err = Math.max(err, Math.abs(DX.data[i] - DX2[i]));
  if (err > 1e-12) throw new Error(`${name}: results differ by ${err}`);
  tot = [tot[0] + f1, tot[1] + f2, tot[2] + g1, tot[3] + g2, tot[4] + d1, tot[5] + d2];
  console.log(`${name.padEnd(10)} ${`${n}×${m}×${p}`.padEnd(10)}   ${f1.toFixed(3).padStart(7)} / ${f2.toFixed(3).padStart(7)} (${(f1 / f2).toFixed(2)}×)   ${g1.toFixed(3).padStart(7)} / ${g2.toFixed(3).padStart(7)} (${(g1 / g2).toFixed(2)}×)   ${d1.toFixed(3).padStart(7)} / ${d2.toFixed(3).padStart(7)} (${(d1 / d2).toFixed(2)}×)`);
}
