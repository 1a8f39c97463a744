/**
 * The product kernels against the plain definitions they replace:
 *   C_ij = start_j + Σ_k A_ik B_kj,   (Aᵀ·B)_kj = Σ_i A_ik B_ij,   (A·Bᵀ)_ik = Σ_j A_ij B_kj,
 * each written as the textbook loop, one sum per element. The kernels group their sums
 * differently (four k's at a time), so they agree to rounding, not bit for bit — except where
 * tiny-network.ts relies on it: a row's result does not depend on where the row sits.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matmulKernel, matmulTransposeAKernel, matmulTransposeBKernel } from './index.ts';

/** C = start + A·B with A n×m, B m×p: the textbook i-j-k loop. */
function plainProduct(
  A: Float64Array,
  B: Float64Array,
  start: Float64Array | undefined,
  n: number,
  m: number,
  p: number,
) {
  const C = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      let sum = start ? start[j]! : 0;
      for (let k = 0; k < m; k++) sum += A[i * m + k]! * B[k * p + j]!;
      C[i * p + j] = sum;
    }
  }
  return C;
}

/** The r×c transpose of a c×r row-major array. */
function plainTranspose(A: Float64Array, rows: number, cols: number): Float64Array {
  const T = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) T[c * rows + r] = A[r * cols + c]!;
  return T;
}

function mulberry(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomArray(length: number, rand: () => number): Float64Array {
  return Float64Array.from({ length }, () => rand() * 4 - 2);
}

function maxDifference(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** Every kernel on n×m, m×p shapes, into an output filled with garbage first (kernels must overwrite it). */
function compare(n: number, m: number, p: number, rand: () => number): void {
  const A = randomArray(n * m, rand);
  const B = randomArray(m * p, rand);
  const start = randomArray(p, rand);
  const C = new Float64Array(n * p).fill(7);
  matmulKernel(A, B, undefined, C, n, m, p);
  expect(maxDifference(C, plainProduct(A, B, undefined, n, m, p))).toBeLessThan(1e-12);
  C.fill(7);
  matmulKernel(A, B, start, C, n, m, p);
  expect(maxDifference(C, plainProduct(A, B, start, n, m, p))).toBeLessThan(1e-12);
  // Aᵀ·D with A n×m, D n×p → m×p
  const D = randomArray(n * p, rand);
  const AtD = new Float64Array(m * p).fill(7);
  matmulTransposeAKernel(A, D, AtD, n, m, p);
  expect(maxDifference(AtD, plainProduct(plainTranspose(A, n, m), D, undefined, m, n, p))).toBeLessThan(1e-12);
  // D·Bᵀ with D n×p, B m×p → n×m (B here is read as m rows of p)
  const DBt = new Float64Array(n * m).fill(7);
  matmulTransposeBKernel(D, B, DBt, n, p, m);
  expect(maxDifference(DBt, plainProduct(D, plainTranspose(B, m, p), undefined, n, p, m))).toBeLessThan(1e-12);
}

describe('product kernels = the textbook loops', () => {
  // Shapes that exercise every path: 1 and 2 inputs (own loops), odd rows (the unpaired last
  // row), m and p not multiples of four (the leftover k's), and the lecture's layer sizes.
  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [1, 2, 3],
    [2, 1, 8],
    [3, 2, 16],
    [5, 3, 1],
    [7, 5, 2],
    [32, 1, 8],
    [32, 8, 1],
    [32, 2, 16],
    [32, 16, 16],
    [33, 16, 3],
    [31, 64, 64],
    [4, 7, 9],
    [6, 4, 4],
    [9, 13, 6],
    [0, 3, 2],
  ];
  const rand = mulberry(99);
  for (const [n, m, p] of shapes) it(`${n}×${m} by ${m}×${p}`, () => compare(n, m, p, rand));

  it('random shapes 1–12', () => {
    const dim = fc.integer({ min: 1, max: 12 });
    fc.assert(
      fc.property(dim, dim, dim, fc.integer({ min: 0, max: 1000 }), (n, m, p, seed) =>
        compare(n, m, p, mulberry(seed)),
      ),
      { seed: 1, numRuns: 200 },
    );
  });

  it('integers come out exact (no rounding to hide behind)', () => {
    const A = Float64Array.from([1, 2, 3, 4, 5, 6]); // 2×3
    const B = Float64Array.from([7, 8, 9, 10, 11, 12]); // 3×2
    const C = new Float64Array(4);
    matmulKernel(A, B, undefined, C, 2, 3, 2);
    expect(Array.from(C)).toEqual([58, 64, 139, 154]);
    matmulKernel(A, B, Float64Array.from([0.5, -1]), C, 2, 3, 2);
    expect(Array.from(C)).toEqual([58.5, 63, 139.5, 153]);
  });

  it("a row's result is the same bits wherever the row sits (tiny-network.ts relies on it)", () => {
    const rand = mulberry(7);
    for (const [n, m, p] of [
      [5, 9, 6],
      [7, 2, 8],
      [3, 1, 4],
      [9, 16, 16],
    ] as const) {
      const A = randomArray(n * m, rand);
      const B = randomArray(m * p, rand);
      const start = randomArray(p, rand);
      const all = new Float64Array(n * p);
      matmulKernel(A, B, start, all, n, m, p);
      for (let i = 0; i < n; i++) {
        const one = new Float64Array(p);
        matmulKernel(A.subarray(i * m, (i + 1) * m), B, start, one, 1, m, p);
        expect(Array.from(all.subarray(i * p, (i + 1) * p)).map((x) => (Object.is(x, -0) ? 'neg0' : x))).toEqual(
          Array.from(one).map((x) => (Object.is(x, -0) ? 'neg0' : x)),
        );
      }
    }
  });
});
