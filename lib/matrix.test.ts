import { describe, expect, it } from 'vitest';
import {
  Matrix,
  add,
  addRowVector,
  columnSums,
  gatherRows,
  isFiniteMatrix,
  map,
  multiply,
  resizeBuffer,
  rowArgmax,
} from './matrix.ts';

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

  it('add, multiply, map', () => {
    expect(add(a, a).toArray()).toEqual(map(a, (x) => 2 * x).toArray());
    expect(multiply(a, a).toArray()).toEqual(map(a, (x) => x * x).toArray());
    expect(() => add(a, Matrix.zeros(3, 2))).toThrow(/2×3 vs 3×2/);
    const copy = a.clone();
    map(copy, Math.abs, copy);
    expect(copy.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('row argmax and column sums', () => {
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
