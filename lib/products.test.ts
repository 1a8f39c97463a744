/**
 * The matrix products as ops (products.ts): shapes, error messages, out buffers, aliasing, and
 * the algebra of the definitions. The kernels' arithmetic is tested in kernels/matmul.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matrix, maxAbsDifference, resizeBuffer } from './matrix.ts';
import { matmul, matmulAddRowVector, matmulTransposeA, matmulTransposeB } from './products.ts';

/** Textbook triple loop, the reference for the optimised products. */
function naiveMatmul(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((sum, aik, k) => sum + aik * b[k]![j]!, 0)));
}

const small = fc.double({ min: -10, max: 10, noNaN: true });
/** An r×c matrix of small doubles. */
const matrixArb = (r: number, c: number) =>
  fc
    .array(fc.array(small, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })
    .map((rows) => (r === 0 ? Matrix.zeros(0, c) : Matrix.from(rows)));
const dims = fc.integer({ min: 1, max: 9 });

/** Aᵀ, written out (the engine never builds a transpose: it has Aᵀ·B and A·Bᵀ). */
function transposed(a: Matrix): Matrix {
  const t = Matrix.zeros(a.cols, a.rows);
  for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.cols; c++) t.data[c * a.rows + r] = a.data[r * a.cols + c]!;
  return t;
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

function randomMatrix(r: number, c: number, rand: () => number): Matrix {
  const m = Matrix.zeros(r, c);
  for (let i = 0; i < m.data.length; i++) m.data[i] = rand() * 4 - 2;
  return m;
}

describe('products', () => {
  it('matmul matches the textbook triple loop (a 2×3 by 3×2 example)', () => {
    const a = Matrix.from([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = Matrix.from([
      [7, 8],
      [9, 10],
      [11, 12],
    ]);
    expect(matmul(a, b).toArray()).toEqual([
      [58, 64],
      [139, 154],
    ]);
  });

  it('matmul, Aᵀ·B and A·Bᵀ agree with naive products and explicit transposes (random shapes, incl. non-multiples of 4)', () => {
    fc.assert(
      fc.property(dims, dims, dims, fc.integer({ min: 0, max: 1000 }), (n, m, p, seed) => {
        const rand = mulberry(seed);
        const a = randomMatrix(n, m, rand);
        const b = randomMatrix(m, p, rand);
        const expected = naiveMatmul(a.toArray(), b.toArray());
        const c = matmul(a, b);
        expect(c.rows).toBe(n);
        expect(c.cols).toBe(p);
        expect(maxAbsDifference(c, Matrix.from(expected))).toBeLessThan(1e-12);
        // Aᵀ·B where A is m×n
        const at = transposed(a);
        expect(maxAbsDifference(matmulTransposeA(at, b), c)).toBeLessThan(1e-12);
        // A·Bᵀ where B is p×m
        const bt = transposed(b);
        expect(maxAbsDifference(matmulTransposeB(a, bt), c)).toBeLessThan(1e-12);
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it('matmul is associative and has the identity as neutral element', () => {
    fc.assert(
      fc.property(dims, dims, dims, dims, fc.integer({ min: 0, max: 1000 }), (n, m, p, q, seed) => {
        const rand = mulberry(seed);
        const a = randomMatrix(n, m, rand);
        const b = randomMatrix(m, p, rand);
        const c = randomMatrix(p, q, rand);
        const left = matmul(matmul(a, b), c);
        const right = matmul(a, matmul(b, c));
        expect(maxAbsDifference(left, right)).toBeLessThan(1e-9);
        expect(maxAbsDifference(matmul(Matrix.identity(n), a), a)).toBe(0);
        expect(maxAbsDifference(matmul(a, Matrix.identity(m)), a)).toBe(0);
      }),
      { seed: 2, numRuns: 150 },
    );
  });

  it('product shapes are (n×m)(m×p) = n×p, and mismatches name both shapes', () => {
    fc.assert(
      fc.property(dims, dims, dims, (n, m, p) => {
        expect(matmul(Matrix.zeros(n, m), Matrix.zeros(m, p)).shape).toBe(`${n}×${p}`);
        expect(matmulTransposeA(Matrix.zeros(m, n), Matrix.zeros(m, p)).shape).toBe(`${n}×${p}`);
        expect(matmulTransposeB(Matrix.zeros(n, m), Matrix.zeros(p, m)).shape).toBe(`${n}×${p}`);
      }),
      { seed: 3 },
    );
    expect(() => matmul(Matrix.zeros(2, 3), Matrix.zeros(4, 5))).toThrow(/2×3 by 4×5/);
    expect(() => matmulTransposeA(Matrix.zeros(2, 3), Matrix.zeros(4, 5))).toThrow(/\(2×3\)ᵀ by 4×5/);
    expect(() => matmulTransposeB(Matrix.zeros(2, 3), Matrix.zeros(4, 5))).toThrow(/2×3 by \(4×5\)ᵀ/);
    expect(() => matmul(Matrix.zeros(2, 3), Matrix.zeros(3, 4), Matrix.zeros(2, 5))).toThrow(
      /out has shape 2×5 but the result is 2×4/,
    );
  });

  it('writes into the given out buffer (overwriting old contents) and refuses aliasing', () => {
    const a = Matrix.from([
      [1, 2],
      [3, 4],
    ]);
    const out = Matrix.filled(2, 2, 99);
    const result = matmul(a, Matrix.identity(2), out);
    expect(result).toBe(out);
    expect(out.toArray()).toEqual(a.toArray());
    expect(() => matmul(a, Matrix.identity(2), a)).toThrow(/must not share memory/);
    const outT = Matrix.filled(2, 2, 99);
    matmulTransposeA(a, Matrix.identity(2), outT);
    expect(outT.toArray()).toEqual(transposed(a).toArray());
  });
  it('(AB)ᵀ = BᵀAᵀ', () => {
    fc.assert(
      fc.property(
        fc.tuple(dims, dims, dims).chain(([n, m, p]) => fc.tuple(matrixArb(n, m), matrixArb(m, p))),
        ([a, b]) => {
          const left = transposed(matmul(a, b));
          const right = matmul(transposed(b), transposed(a));
          expect(maxAbsDifference(left, right)).toBeLessThan(1e-9);
        },
      ),
      { seed: 4, numRuns: 100 },
    );
  });
});

describe('product ops check their arguments', () => {
  it('matmulAddRowVector validates the row and refuses aliasing', () => {
    const a = Matrix.from([
      [1, 2],
      [3, 4],
    ]);
    expect(() => matmulAddRowVector(a, Matrix.identity(2), Matrix.row([1, 2, 3]))).toThrow(/1×3 row to a 2×2 product/);
    expect(() => matmulAddRowVector(a, Matrix.identity(2), Matrix.row([1, 2]), a)).toThrow(/must not share memory/);
    expect(matmulAddRowVector(a, Matrix.identity(2), Matrix.row([10, 20])).toArray()).toEqual([
      [11, 22],
      [13, 24],
    ]);
  });

  it('aliasing is also caught between two views into one buffer (sharesMemoryWith)', () => {
    const big = Matrix.zeros(4, 2);
    const view = new Matrix(2, 2, new Float64Array(big.data.buffer, 32, 4));
    expect(view.sharesMemoryWith(big)).toBe(true);
    expect(view.sharesMemoryWith(Matrix.zeros(2, 2))).toBe(false);
    expect(() => matmul(big, Matrix.identity(2), resizeBuffer(big, 4, 2))).toThrow(/must not share memory/);
    expect(() =>
      matmulTransposeB(view, Matrix.identity(2), new Matrix(2, 2, new Float64Array(big.data.buffer, 0, 4))),
    ).toThrow(/must not share memory/);
  });
});
