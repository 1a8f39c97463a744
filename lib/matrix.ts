/**
 * A small row-major matrix of 64-bit floats, and the handful of products and
 * reductions a feedforward network needs.
 *
 * Row-major means element (r, c) lives at `data[r * cols + c]`: one sample per
 * row, one feature (or neuron) per column — the same layout as the slides'
 * NumPy arrays `X` (samples × inputs) and `W` (inputs × neurons).
 *
 * Every operation takes an optional `out` matrix so that training loops can
 * reuse buffers instead of allocating a new array on every call.
 */
export class Matrix {
  /** Number of rows (samples in a batch, or inputs of a weight matrix). */
  readonly rows: number;
  /** Number of columns (features, neurons or classes). */
  readonly cols: number;
  /** The values, row after row: element (r, c) is `data[r * cols + c]`. */
  readonly data: Float64Array;
  /**
   * The ArrayBuffer behind `data`, looked up once here: `data.buffer` is a slow,
   * non-inlined getter, too slow to call on every product (see sharesMemoryWith).
   */
  readonly #memory: ArrayBufferLike;

  /**
   * Wraps (or allocates) storage for a rows×cols matrix.
   * `data`, if given, is used as-is (not copied) and must hold exactly rows·cols values.
   */
  constructor(rows: number, cols: number, data?: Float64Array) {
    if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
      throw new Error(`Matrix: rows and cols must be non-negative integers, got ${rows}×${cols}`);
    }
    if (data && data.length !== rows * cols) {
      throw new Error(`Matrix: data has ${data.length} values but a ${rows}×${cols} matrix needs ${rows * cols}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
    this.#memory = this.data.buffer;
  }

  /** A rows×cols matrix of zeros: 0_{r×c}. */
  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  /** A matrix with every element equal to `value`. */
  static filled(rows: number, cols: number, value: number): Matrix {
    const m = new Matrix(rows, cols);
    m.data.fill(value);
    return m;
  }

  /** The n×n identity I, with I_ij = δ_ij (Kronecker delta). */
  static identity(n: number): Matrix {
    const m = new Matrix(n, n);
    for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
    return m;
  }

  /** Builds a matrix from nested arrays, one inner array per row: [[1, 2], [3, 4]]. */
  static from(rows: ArrayLike<ArrayLike<number>>): Matrix {
    const nRows = rows.length;
    const nCols = nRows > 0 ? rows[0].length : 0;
    const m = new Matrix(nRows, nCols);
    for (let r = 0; r < nRows; r++) {
      const row = rows[r];
      if (row.length !== nCols) {
        throw new Error(
          `Matrix.from: row ${r} has ${row.length} values but row 0 has ${nCols}; all rows must have the same length`,
        );
      }
      for (let c = 0; c < nCols; c++) m.data[r * nCols + c] = row[c];
    }
    return m;
  }

  /** A 1×n matrix holding `values` — the shape of a bias vector B. */
  static row(values: ArrayLike<number>): Matrix {
    return new Matrix(1, values.length, Float64Array.from(values));
  }

  /** An n×1 matrix holding `values` — e.g. n samples of a single input x. */
  static column(values: ArrayLike<number>): Matrix {
    return new Matrix(values.length, 1, Float64Array.from(values));
  }

  /** Shape as text, e.g. "3×2", for error messages. */
  get shape(): string {
    return `${this.rows}×${this.cols}`;
  }

  /** Element (r, c), zero-based. Throws when out of range. */
  get(r: number, c: number): number {
    this.checkIndex(r, c, 'get');
    return this.data[r * this.cols + c];
  }

  /** Sets element (r, c), zero-based. Throws when out of range. */
  set(r: number, c: number, value: number): void {
    this.checkIndex(r, c, 'set');
    this.data[r * this.cols + c] = value;
  }

  /** Nested plain arrays, one per row — serialisable and easy to print. */
  toArray(): number[][] {
    const out: number[][] = [];
    for (let r = 0; r < this.rows; r++) {
      out.push(Array.from(this.data.subarray(r * this.cols, (r + 1) * this.cols)));
    }
    return out;
  }

  /** Row r as a plain array. */
  rowToArray(r: number): number[] {
    this.checkIndex(r, 0, 'rowToArray');
    return Array.from(this.data.subarray(r * this.cols, (r + 1) * this.cols));
  }

  /** A deep copy with its own storage. */
  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /** Copies the values of `source` (same shape) into this matrix; returns this. */
  copyFrom(source: Matrix): this {
    assertSameShape(this, source, 'copyFrom');
    this.data.set(source.data);
    return this;
  }

  /**
   * True when both matrices store their values in the same ArrayBuffer (the same
   * array, or two views into one buffer, as resizeBuffer makes).
   */
  sharesMemoryWith(other: Matrix): boolean {
    return this.#memory === other.#memory;
  }

  /** Sets every element to `value`; returns this. */
  fill(value: number): this {
    this.data.fill(value);
    return this;
  }

  private checkIndex(r: number, c: number, what: string): void {
    if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0 || r >= this.rows || c >= this.cols) {
      throw new Error(`Matrix.${what}: index (${r}, ${c}) is outside a ${this.shape} matrix`);
    }
  }
}

/** Throws a message naming both shapes unless `a` and `b` have the same shape. */
export function assertSameShape(a: Matrix, b: Matrix, what: string): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new Error(`${what}: shape mismatch, ${a.shape} vs ${b.shape}`);
  }
}

/**
 * Returns `out` if it already is rows×cols, throws if it has another shape,
 * and allocates a fresh matrix when `out` is not given.
 */
export function outputBuffer(out: Matrix | undefined, rows: number, cols: number, what: string): Matrix {
  if (!out) return new Matrix(rows, cols);
  if (out.rows !== rows || out.cols !== cols) {
    throw new Error(`${what}: out has shape ${out.shape} but the result is ${rows}×${cols}`);
  }
  return out;
}

/**
 * Workspace helper for layers: returns `buffer` when it already has shape
 * rows×cols; otherwise a rows×cols matrix that reuses `buffer`'s memory when it
 * is big enough (so alternating batch sizes do not allocate new arrays), or
 * fresh memory when it is not. Old contents are not preserved.
 * Only use it on buffers you own.
 */
export function resizeBuffer(buffer: Matrix | undefined, rows: number, cols: number): Matrix {
  if (buffer && buffer.rows === rows && buffer.cols === cols) return buffer;
  const needed = rows * cols;
  if (buffer) {
    const capacity = (buffer.data.buffer.byteLength - buffer.data.byteOffset) / Float64Array.BYTES_PER_ELEMENT;
    if (capacity >= needed) return viewOf(buffer, rows, cols);
  }
  return new Matrix(rows, cols);
}

/**
 * The views resizeBuffer has made of each workspace's memory. Training alternates between a few
 * shapes — mini-batches of 32, a shorter last batch, the whole set at the end of an epoch — so
 * handing back the same view for the same shape means no new Matrix objects after the first epoch.
 */
const VIEWS = new WeakMap<ArrayBufferLike, Matrix[]>();
/** Views kept per memory block (the oldest is forgotten first); a training run needs three or four. */
const MAX_VIEWS = 8;

/** A rows×cols matrix on `buffer`'s memory (from the same offset): an earlier view of that shape, or a new one. */
function viewOf(buffer: Matrix, rows: number, cols: number): Matrix {
  const memory = buffer.data.buffer;
  const offset = buffer.data.byteOffset;
  let views = VIEWS.get(memory);
  if (!views) {
    views = [buffer];
    VIEWS.set(memory, views);
  }
  for (let i = 0; i < views.length; i++) {
    const v = views[i];
    if (v.rows === rows && v.cols === cols && v.data.byteOffset === offset) return v;
  }
  const view = new Matrix(rows, cols, new Float64Array(memory, offset, rows * cols));
  if (views.length >= MAX_VIEWS) views.shift();
  views.push(view);
  return view;
}

function assertNoAlias(out: Matrix, a: Matrix, b: Matrix | undefined, what: string): void {
  if (out.sharesMemoryWith(a) || (b !== undefined && out.sharesMemoryWith(b))) {
    throw new Error(`${what}: out must not share memory with an input (the product reads inputs while writing out)`);
  }
}

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
  multiplyRows(a.data, b.data, undefined, c.data, a.rows, a.cols, b.cols);
  return c;
}

/**
 * C = A·B + R, the row R (1×p) added to every row of the product — a layer's
 * Z = X·W + B in one pass: each row of C starts as R instead of 0, so the bias
 * needs no second pass over Z (for small layers that pass costs as much as the product).
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
  multiplyRows(a.data, b.data, row.data, c.data, a.rows, a.cols, b.cols);
  return c;
}

/**
 * The loop behind matmul and matmulAddRowVector: row i of C = start + Σ_k A_ik·(row k of B),
 * where `start` is a 1×p row (the bias) or, when undefined, zeros. A is n×m, B is m×p.
 *
 * Loop order i-k-j: the innermost loop walks a row of B and a row of C, both
 * contiguous in memory, which is several times faster than the textbook i-j-k.
 * Layers with one or two inputs (the lecture's 1-D and 2-D data) get a loop of
 * their own that writes each C_ij once; bigger ones take four k's per pass, so
 * each C_ij is loaded and stored once per four multiply-adds (about 2× faster in V8),
 * and two rows per pass, so each B_kj is loaded once per two rows.
 */
function multiplyRows(
  A: Float64Array,
  B: Float64Array,
  start: Float64Array | undefined,
  C: Float64Array,
  n: number,
  m: number,
  p: number,
): void {
  if (m === 1 && start) return oneInputRows(A, B, start, C, n, p);
  if (m === 2 && start) return twoInputRows(A, B, start, C, n, p);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    // Two rows of C per pass: every B_kj loaded from memory serves both rows,
    // halving the loads of B (1.5× faster on the lecture's 16×16 and 64×64 layers).
    const a0 = i * m;
    const a1 = a0 + m;
    const c0 = i * p;
    const c1 = c0 + p;
    startRow(start, C, c0, p);
    startRow(start, C, c1, p);
    let k = 0;
    for (; k + 4 <= m; k += 4) {
      // rows i and i+1 of C += A_ik·(row k of B) + … + A_i,k+3·(row k+3 of B)
      const x0 = A[a0 + k],
        x1 = A[a0 + k + 1],
        x2 = A[a0 + k + 2],
        x3 = A[a0 + k + 3];
      const y0 = A[a1 + k],
        y1 = A[a1 + k + 1],
        y2 = A[a1 + k + 2],
        y3 = A[a1 + k + 3];
      const b0 = k * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      for (let j = 0; j < p; j++) {
        const w0 = B[b0 + j],
          w1 = B[b1 + j],
          w2 = B[b2 + j],
          w3 = B[b3 + j];
        C[c0 + j] += x0 * w0 + x1 * w1 + x2 * w2 + x3 * w3;
        C[c1 + j] += y0 * w0 + y1 * w1 + y2 * w2 + y3 * w3;
      }
    }
    for (; k < m; k++) {
      // the remaining (fewer than four) k's, one at a time
      const x = A[a0 + k];
      const y = A[a1 + k];
      const bRow = k * p;
      for (let j = 0; j < p; j++) {
        const w = B[bRow + j];
        C[c0 + j] += x * w;
        C[c1 + j] += y * w;
      }
    }
  }
  if (i < n) {
    // an odd last row on its own, summed in the same groups of four k's as the others
    // (so every row's result is the same whatever its position — lib/fused.ts relies on that)
    const aRow = i * m;
    const cRow = i * p;
    startRow(start, C, cRow, p);
    let k = 0;
    for (; k + 4 <= m; k += 4) {
      const x0 = A[aRow + k],
        x1 = A[aRow + k + 1],
        x2 = A[aRow + k + 2],
        x3 = A[aRow + k + 3];
      const b0 = k * p;
      for (let j = 0; j < p; j++)
        C[cRow + j] += x0 * B[b0 + j] + x1 * B[b0 + p + j] + x2 * B[b0 + 2 * p + j] + x3 * B[b0 + 3 * p + j];
    }
    for (; k < m; k++) {
      const aik = A[aRow + k];
      const bRow = k * p;
      for (let j = 0; j < p; j++) C[cRow + j] += aik * B[bRow + j];
    }
  }
}

/** Sets C[offset … offset + p) to the start row, or to zeros when there is none. */
function startRow(start: Float64Array | undefined, C: Float64Array, offset: number, p: number): void {
  if (start) {
    for (let j = 0; j < p; j++) C[offset + j] = start[j];
  } else {
    for (let j = 0; j < p; j++) C[offset + j] = 0;
  }
}

/** multiplyRows for m = 1 (one input per sample): C_ij = start_j + A_i0·B_0j. */
function oneInputRows(
  A: Float64Array,
  B: Float64Array,
  start: Float64Array,
  C: Float64Array,
  n: number,
  p: number,
): void {
  for (let i = 0; i < n; i++) {
    const x = A[i];
    const cRow = i * p;
    for (let j = 0; j < p; j++) C[cRow + j] = start[j] + x * B[j];
  }
}

/** multiplyRows for m = 2 (two inputs per sample): C_ij = start_j + A_i0·B_0j + A_i1·B_1j. */
function twoInputRows(
  A: Float64Array,
  B: Float64Array,
  start: Float64Array,
  C: Float64Array,
  n: number,
  p: number,
): void {
  for (let i = 0; i < n; i++) {
    const x0 = A[2 * i];
    const x1 = A[2 * i + 1];
    const cRow = i * p;
    for (let j = 0; j < p; j++) C[cRow + j] = start[j] + x0 * B[j] + x1 * B[p + j];
  }
}

/**
 * C = Aᵀ·B without building Aᵀ: C_kj = Σ_i A_ik B_ij.
 * A is n×m, B is n×p, C is m×p. Backprop uses it for dW = Xᵀ·dZ.
 * Each sample i adds the outer product (row i of A)ᵀ(row i of B); as in
 * matmul, four samples and two rows of C are taken per pass and the inner loop is contiguous.
 */
export function matmulTransposeA(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.rows !== b.rows) {
    throw new Error(
      `matmulTransposeA: cannot multiply (${a.shape})ᵀ by ${b.shape} (both need the same number of rows, got ${a.rows} and ${b.rows})`,
    );
  }
  const n = a.rows;
  const m = a.cols;
  const p = b.cols;
  const c = outputBuffer(out, m, p, 'matmulTransposeA');
  assertNoAlias(c, a, b, 'matmulTransposeA');
  const A = a.data;
  const B = b.data;
  const C = c.data;
  C.fill(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const b0 = i * p;
    const b1 = b0 + p;
    const b2 = b1 + p;
    const b3 = b2 + p;
    let k = 0;
    for (; k + 2 <= m; k += 2) {
      // rows k and k+1 of C share the four rows of B they load (halving the loads of B)
      const x0 = A[i * m + k],
        x1 = A[(i + 1) * m + k],
        x2 = A[(i + 2) * m + k],
        x3 = A[(i + 3) * m + k];
      const y0 = A[i * m + k + 1],
        y1 = A[(i + 1) * m + k + 1],
        y2 = A[(i + 2) * m + k + 1],
        y3 = A[(i + 3) * m + k + 1];
      const c0 = k * p;
      const c1 = c0 + p;
      for (let j = 0; j < p; j++) {
        const v0 = B[b0 + j],
          v1 = B[b1 + j],
          v2 = B[b2 + j],
          v3 = B[b3 + j];
        C[c0 + j] += x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
        C[c1 + j] += y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3;
      }
    }
    if (k < m) {
      // an odd last column of A on its own
      const a0 = A[i * m + k],
        a1 = A[(i + 1) * m + k],
        a2 = A[(i + 2) * m + k],
        a3 = A[(i + 3) * m + k];
      const cRow = k * p;
      for (let j = 0; j < p; j++) C[cRow + j] += a0 * B[b0 + j] + a1 * B[b1 + j] + a2 * B[b2 + j] + a3 * B[b3 + j];
    }
  }
  for (; i < n; i++) {
    const bRow = i * p;
    for (let k = 0; k < m; k++) {
      const aik = A[i * m + k];
      const cRow = k * p;
      for (let j = 0; j < p; j++) C[cRow + j] += aik * B[bRow + j];
    }
  }
  return c;
}

/**
 * C = A·Bᵀ without building Bᵀ: C_ik = Σ_j A_ij B_kj (dot products of rows).
 * A is n×p, B is m×p, C is n×m. Backprop uses it for dX = dZ·Wᵀ.
 * Four rows of B are dotted with the same two rows of A per pass, so each A_ij is loaded once
 * for four products and each B_kj once for two.
 */
export function matmulTransposeB(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.cols !== b.cols) {
    throw new Error(
      `matmulTransposeB: cannot multiply ${a.shape} by (${b.shape})ᵀ (both need the same number of columns, got ${a.cols} and ${b.cols})`,
    );
  }
  const n = a.rows;
  const p = a.cols;
  const m = b.rows;
  const c = outputBuffer(out, n, m, 'matmulTransposeB');
  assertNoAlias(c, a, b, 'matmulTransposeB');
  const A = a.data;
  const B = b.data;
  const C = c.data;
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    // Two rows of A per pass, each dotted with the same four rows of B: every B_kj
    // loaded serves two products, every A_ij four.
    const a0 = i * p;
    const a1 = a0 + p;
    const c0 = i * m;
    const c1 = c0 + m;
    let k = 0;
    for (; k + 4 <= m; k += 4) {
      const b0 = k * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0; // row i   · rows k … k+3 of B
      let t0 = 0,
        t1 = 0,
        t2 = 0,
        t3 = 0; // row i+1 · rows k … k+3 of B
      for (let j = 0; j < p; j++) {
        const x = A[a0 + j];
        const y = A[a1 + j];
        const w0 = B[b0 + j],
          w1 = B[b1 + j],
          w2 = B[b2 + j],
          w3 = B[b3 + j];
        s0 += x * w0;
        s1 += x * w1;
        s2 += x * w2;
        s3 += x * w3;
        t0 += y * w0;
        t1 += y * w1;
        t2 += y * w2;
        t3 += y * w3;
      }
      C[c0 + k] = s0;
      C[c0 + k + 1] = s1;
      C[c0 + k + 2] = s2;
      C[c0 + k + 3] = s3;
      C[c1 + k] = t0;
      C[c1 + k + 1] = t1;
      C[c1 + k + 2] = t2;
      C[c1 + k + 3] = t3;
    }
    for (; k < m; k++) {
      const bRow = k * p;
      let s = 0;
      let t = 0;
      for (let j = 0; j < p; j++) {
        s += A[a0 + j] * B[bRow + j];
        t += A[a1 + j] * B[bRow + j];
      }
      C[c0 + k] = s;
      C[c1 + k] = t;
    }
  }
  if (i < n) {
    // an odd last row of A on its own
    const aRow = i * p;
    const cRow = i * m;
    for (let k = 0; k < m; k++) {
      const bRow = k * p;
      let sum = 0;
      for (let j = 0; j < p; j++) sum += A[aRow + j] * B[bRow + j];
      C[cRow + k] = sum;
    }
  }
  return c;
}

/** The transpose Aᵀ (materialised; for display and tests — backprop uses the transpose-free products). */
export function transpose(a: Matrix, out?: Matrix): Matrix {
  const t = outputBuffer(out, a.cols, a.rows, 'transpose');
  assertNoAlias(t, a, undefined, 'transpose');
  for (let r = 0; r < a.rows; r++) {
    for (let c = 0; c < a.cols; c++) t.data[c * a.rows + r] = a.data[r * a.cols + c];
  }
  return t;
}

/**
 * Broadcast row addition, C_ij = A_ij + b_j — the "+ B" in Z = XW + B.
 * `row` must be 1×cols. `out` may be `a` itself (in-place).
 */
export function addRowVector(a: Matrix, row: Matrix, out?: Matrix): Matrix {
  if (row.rows !== 1 || row.cols !== a.cols) {
    throw new Error(`addRowVector: cannot add a ${row.shape} row to a ${a.shape} matrix (need 1×${a.cols})`);
  }
  const c = outputBuffer(out, a.rows, a.cols, 'addRowVector');
  const A = a.data;
  const R = row.data;
  const C = c.data;
  const cols = a.cols;
  for (let i = 0; i < a.rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) C[base + j] = A[base + j] + R[j];
  }
  return c;
}

/** Element-wise sum C = A + B (same shapes; `out` may alias either input). */
export function add(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertSameShape(a, b, 'add');
  const c = outputBuffer(out, a.rows, a.cols, 'add');
  for (let i = 0; i < a.data.length; i++) c.data[i] = a.data[i] + b.data[i];
  return c;
}

/** Element-wise difference C = A − B (same shapes; `out` may alias either input). */
export function subtract(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertSameShape(a, b, 'subtract');
  const c = outputBuffer(out, a.rows, a.cols, 'subtract');
  for (let i = 0; i < a.data.length; i++) c.data[i] = a.data[i] - b.data[i];
  return c;
}

/** Element-wise (Hadamard) product C = A ⊙ B (same shapes). */
export function multiply(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertSameShape(a, b, 'multiply');
  const c = outputBuffer(out, a.rows, a.cols, 'multiply');
  for (let i = 0; i < a.data.length; i++) c.data[i] = a.data[i] * b.data[i];
  return c;
}

/** Scalar multiple C = s·A. */
export function scale(a: Matrix, s: number, out?: Matrix): Matrix {
  const c = outputBuffer(out, a.rows, a.cols, 'scale');
  for (let i = 0; i < a.data.length; i++) c.data[i] = s * a.data[i];
  return c;
}

/** Element-wise map C_ij = f(A_ij). `out` may be `a` (in-place). */
export function map(a: Matrix, f: (x: number) => number, out?: Matrix): Matrix {
  const c = outputBuffer(out, a.rows, a.cols, 'map');
  for (let i = 0; i < a.data.length; i++) c.data[i] = f(a.data[i]);
  return c;
}

/** Row sums s_i = Σ_j A_ij, as an n×1 column (np.sum(A, axis=1, keepdims=True)). */
export function rowSums(a: Matrix, out?: Matrix): Matrix {
  const s = outputBuffer(out, a.rows, 1, 'rowSums');
  for (let i = 0; i < a.rows; i++) {
    let sum = 0;
    for (let j = 0; j < a.cols; j++) sum += a.data[i * a.cols + j];
    s.data[i] = sum;
  }
  return s;
}

/** Row maxima m_i = max_j A_ij, as an n×1 column (np.max(A, axis=1, keepdims=True)). */
export function rowMaxes(a: Matrix, out?: Matrix): Matrix {
  if (a.cols === 0) throw new Error(`rowMaxes: a ${a.shape} matrix has no columns to take the maximum of`);
  const m = outputBuffer(out, a.rows, 1, 'rowMaxes');
  for (let i = 0; i < a.rows; i++) {
    let best = a.data[i * a.cols];
    for (let j = 1; j < a.cols; j++) {
      const v = a.data[i * a.cols + j];
      if (v > best) best = v;
    }
    m.data[i] = best;
  }
  return m;
}

/** Column index of each row's largest value, argmax_j A_ij (np.argmax(A, axis=1)); ties go to the first. */
export function rowArgmax(a: Matrix, out?: Int32Array): Int32Array {
  if (a.cols === 0) throw new Error(`rowArgmax: a ${a.shape} matrix has no columns`);
  const idx = out ?? new Int32Array(a.rows);
  if (idx.length !== a.rows)
    throw new Error(`rowArgmax: out has length ${idx.length} but the matrix has ${a.rows} rows`);
  for (let i = 0; i < a.rows; i++) {
    let best = 0;
    let bestValue = a.data[i * a.cols];
    for (let j = 1; j < a.cols; j++) {
      const v = a.data[i * a.cols + j];
      if (v > bestValue) {
        bestValue = v;
        best = j;
      }
    }
    idx[i] = best;
  }
  return idx;
}

/** Column sums s_j = Σ_i A_ij, as a 1×cols row (np.sum(A, axis=0, keepdims=True)) — how dbiases is computed. */
export function columnSums(a: Matrix, out?: Matrix): Matrix {
  const s = outputBuffer(out, 1, a.cols, 'columnSums');
  assertNoAlias(s, a, undefined, 'columnSums');
  s.data.fill(0);
  for (let i = 0; i < a.rows; i++) {
    const base = i * a.cols;
    for (let j = 0; j < a.cols; j++) s.data[j] += a.data[base + j];
  }
  return s;
}

/** True when every element is a finite number (no NaN, no ±Infinity). */
export function isFiniteMatrix(a: Matrix): boolean {
  const d = a.data;
  for (let i = 0; i < d.length; i++) {
    // x - x is NaN exactly when x is NaN or ±Infinity; cheaper than Number.isFinite per element.
    if (d[i] - d[i] !== 0) return false;
  }
  return true;
}

/** Largest absolute element-wise difference max |A_ij − B_ij| (same shapes). */
export function maxAbsDifference(a: Matrix, b: Matrix): number {
  assertSameShape(a, b, 'maxAbsDifference');
  let worst = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = Math.abs(a.data[i] - b.data[i]);
    if (d > worst || Number.isNaN(d)) worst = d;
  }
  return worst;
}

/** Copies the listed rows of `source` into consecutive rows of `out` (gathering a mini-batch). */
export function gatherRows(source: Matrix, indices: ArrayLike<number>, out?: Matrix): Matrix {
  const g = outputBuffer(out, indices.length, source.cols, 'gatherRows');
  const cols = source.cols;
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i];
    if (!(r >= 0 && r < source.rows)) throw new Error(`gatherRows: row index ${r} is outside a ${source.shape} matrix`);
    g.data.set(source.data.subarray(r * cols, (r + 1) * cols), i * cols);
  }
  return g;
}
