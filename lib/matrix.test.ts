import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  Matrix,
  add,
  addRowVector,
  columnSums,
  gatherRows,
  isFiniteMatrix,
  map,
  matmul,
  matmulAddRowVector,
  matmulTransposeA,
  matmulTransposeB,
  maxAbsDifference,
  multiply,
  resizeBuffer,
  rowArgmax,
  rowMaxes,
  rowSums,
  scale,
  subtract,
  transpose,
} from './matrix.ts';

/** Textbook triple loop, the reference for the optimised products. */
function naiveMatmul(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((sum, aik, k) => sum + aik * b[k][j], 0)));
}

const small = fc.double({ min: -10, max: 10, noNaN: true });
/** An r×c matrix of small doubles. */
const matrixArb = (r: number, c: number) =>
  fc
    .array(fc.array(small, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })
    .map((rows) => (r === 0 ? Matrix.zeros(0, c) : Matrix.from(rows)));
const dims = fc.integer({ min: 1, max: 9 });

describe('Matrix basics', () => {
  it('stores row-major and round-trips through from/toArray', () => {
    const m = Matrix.from([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(3);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(m.get(1, 0)).toBe(4);
    m.set(1, 0, 40);
    expect(m.data[3]).toBe(40);
    expect(m.toArray()).toEqual([
      [1, 2, 3],
      [40, 5, 6],
    ]);
    expect(m.shape).toBe('2×3');
  });

  it('zeros, filled, identity, row and column constructors', () => {
    expect(Matrix.zeros(2, 2).toArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(Matrix.filled(1, 3, 7).toArray()).toEqual([[7, 7, 7]]);
    expect(Matrix.identity(3).toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(Matrix.row([1, 2]).shape).toBe('1×2');
    expect(Matrix.column([1, 2]).shape).toBe('2×1');
  });

  it('clone is deep', () => {
    const m = Matrix.from([[1, 2]]);
    const c = m.clone();
    c.set(0, 0, 9);
    expect(m.get(0, 0)).toBe(1);
  });

  it('rejects ragged rows, bad sizes, wrong data length and out-of-range indices with clear messages', () => {
    expect(() => Matrix.from([[1, 2], [3]])).toThrow(/row 1 has 1 values but row 0 has 2/);
    expect(() => new Matrix(-1, 2)).toThrow(/non-negative integers/);
    expect(() => new Matrix(2, 2, new Float64Array(3))).toThrow(/3 values but a 2×2 matrix needs 4/);
    expect(() => Matrix.zeros(2, 2).get(2, 0)).toThrow(/\(2, 0\) is outside a 2×2/);
    expect(() => Matrix.zeros(2, 2).set(0, -1, 1)).toThrow(/outside/);
  });
});

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
        const at = transpose(a);
        expect(maxAbsDifference(matmulTransposeA(at, b), c)).toBeLessThan(1e-12);
        // A·Bᵀ where B is p×m
        const bt = transpose(b);
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
    expect(outT.toArray()).toEqual(transpose(a).toArray());
  });
});

describe('element-wise operations and reductions', () => {
  const a = Matrix.from([
    [1, -2, 3],
    [4, 5, -6],
  ]);

  it('bias add broadcasts a row to every row (Z = XW + B)', () => {
    expect(addRowVector(a, Matrix.row([10, 20, 30])).toArray()).toEqual([
      [11, 18, 33],
      [14, 25, 24],
    ]);
    expect(() => addRowVector(a, Matrix.row([1, 2]))).toThrow(/1×2 row to a 2×3 matrix/);
  });

  it('add, subtract, multiply, scale, map', () => {
    expect(add(a, a).toArray()).toEqual(scale(a, 2).toArray());
    expect(subtract(a, a).toArray()).toEqual(Matrix.zeros(2, 3).toArray());
    expect(multiply(a, a).toArray()).toEqual(map(a, (x) => x * x).toArray());
    expect(() => add(a, Matrix.zeros(3, 2))).toThrow(/2×3 vs 3×2/);
    const copy = a.clone();
    map(copy, Math.abs, copy);
    expect(copy.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('row sums, row maxima, row argmax and column sums', () => {
    expect(Array.from(rowSums(a).data)).toEqual([2, 3]);
    expect(Array.from(rowMaxes(a).data)).toEqual([3, 5]);
    expect(Array.from(rowArgmax(a))).toEqual([2, 1]);
    expect(Array.from(rowArgmax(Matrix.from([[1, 1, 0]])))).toEqual([0]); // ties → first
    expect(columnSums(a).toArray()).toEqual([[5, 3, -3]]);
  });

  it('isFiniteMatrix spots NaN and infinities', () => {
    expect(isFiniteMatrix(a)).toBe(true);
    expect(isFiniteMatrix(Matrix.from([[1, NaN]]))).toBe(false);
    expect(isFiniteMatrix(Matrix.from([[-Infinity]]))).toBe(false);
  });

  it('gatherRows picks rows in the given order', () => {
    expect(gatherRows(a, [1, 0, 1]).toArray()).toEqual([a.rowToArray(1), a.rowToArray(0), a.rowToArray(1)]);
    expect(() => gatherRows(a, [2])).toThrow(/row index 2/);
  });

  it('resizeBuffer keeps a same-shape buffer and reuses memory for smaller shapes', () => {
    const big = Matrix.zeros(8, 3);
    expect(resizeBuffer(big, 8, 3)).toBe(big);
    const smaller = resizeBuffer(big, 5, 3);
    expect(smaller.shape).toBe('5×3');
    expect(smaller.data.buffer).toBe(big.data.buffer);
    const back = resizeBuffer(smaller, 8, 3);
    expect(back.data.buffer).toBe(big.data.buffer);
    const bigger = resizeBuffer(big, 9, 3);
    expect(bigger.data.buffer).not.toBe(big.data.buffer);
    expect(resizeBuffer(undefined, 2, 2).shape).toBe('2×2');
  });

  it('resizeBuffer hands back the same view when shapes alternate (no new objects per epoch)', () => {
    const full = Matrix.zeros(300, 4);
    const batch = resizeBuffer(full, 32, 4);
    const last = resizeBuffer(batch, 12, 4);
    expect(resizeBuffer(last, 32, 4)).toBe(batch);
    expect(resizeBuffer(batch, 300, 4)).toBe(full);
    expect(resizeBuffer(full, 12, 4)).toBe(last);
    // a view is the same memory, so writes through one are seen by the others
    batch.data[5] = 7;
    expect(full.data[5]).toBe(7);
    expect(last.data[5]).toBe(7);
    // views of another offset are not confused with views from the start of the memory
    const tail = new Matrix(2, 4, new Float64Array(full.data.buffer, 8 * 100, 8));
    expect(resizeBuffer(tail, 1, 4).data.byteOffset).toBe(800);
    expect(resizeBuffer(full, 1, 4).data.byteOffset).toBe(0);
  });
});

describe('matrix property tests', () => {
  it('(AB)ᵀ = BᵀAᵀ', () => {
    fc.assert(
      fc.property(
        fc.tuple(dims, dims, dims).chain(([n, m, p]) => fc.tuple(matrixArb(n, m), matrixArb(m, p))),
        ([a, b]) => {
          const left = transpose(matmul(a, b));
          const right = matmul(transpose(b), transpose(a));
          expect(maxAbsDifference(left, right)).toBeLessThan(1e-9);
        },
      ),
      { seed: 4, numRuns: 100 },
    );
  });
});

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

describe('blocked and fused product kernels agree with the textbook triple loop', () => {
  /** C_ij = Σ_k A_ik B_kj, written the plain way (i-j-k, one sum per element). */
  function naiveProduct(a: Matrix, b: Matrix): Matrix {
    const c = Matrix.zeros(a.rows, b.cols);
    for (let i = 0; i < a.rows; i++) {
      for (let j = 0; j < b.cols; j++) {
        let sum = 0;
        for (let k = 0; k < a.cols; k++) sum += a.data[i * a.cols + k] * b.data[k * b.cols + j];
        c.data[i * b.cols + j] = sum;
      }
    }
    return c;
  }

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

  for (const [n, m, p] of shapes) {
    it(`${n}×${m} by ${m}×${p}`, () => {
      const a = randomMatrix(n, m, rand);
      const b = randomMatrix(m, p, rand);
      const bias = randomMatrix(1, p, rand);
      const expected = naiveProduct(a, b);
      expect(maxAbsDifference(matmul(a, b, Matrix.filled(n, p, 7)), expected)).toBeLessThan(1e-12);
      const withBias = addRowVector(expected, bias);
      expect(maxAbsDifference(matmulAddRowVector(a, b, bias, Matrix.filled(n, p, 7)), withBias)).toBeLessThan(1e-12);
      // Aᵀ·B with A n×m, B n×p; and A·Bᵀ with A n×p, B m×p
      const c = randomMatrix(n, p, rand);
      expect(
        maxAbsDifference(matmulTransposeA(a, c, Matrix.filled(m, p, 7)), naiveProduct(transpose(a), c)),
      ).toBeLessThan(1e-12);
      const d = randomMatrix(m, p, rand);
      expect(
        maxAbsDifference(matmulTransposeB(c, d, Matrix.filled(n, m, 7)), naiveProduct(c, transpose(d))),
      ).toBeLessThan(1e-12);
    });
  }

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
