/**
 * A small row-major matrix of 64-bit floats, and the element-wise operations and
 * reductions a feedforward network needs (the products are in products.ts).
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
    const nCols = rows[0]?.length ?? 0;
    const m = new Matrix(nRows, nCols);
    for (let r = 0; r < nRows; r++) {
      const row = rows[r]!;
      if (row.length !== nCols) {
        throw new Error(
          `Matrix.from: row ${r} has ${row.length} values but row 0 has ${nCols}; all rows must have the same length`,
        );
      }
      for (let c = 0; c < nCols; c++) m.data[r * nCols + c] = row[c]!;
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
    return this.data[r * this.cols + c]!;
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
    const v = views[i]!;
    if (v.rows === rows && v.cols === cols && v.data.byteOffset === offset) return v;
  }
  const view = new Matrix(rows, cols, new Float64Array(memory, offset, rows * cols));
  if (views.length >= MAX_VIEWS) views.shift();
  views.push(view);
  return view;
}

/** Throws unless `out` has memory of its own: a product reads its inputs while it writes `out`. */
export function assertNoAlias(out: Matrix, a: Matrix, b: Matrix | undefined, what: string): void {
  if (out.sharesMemoryWith(a) || (b !== undefined && out.sharesMemoryWith(b))) {
    throw new Error(`${what}: out must not share memory with an input (the product reads inputs while writing out)`);
  }
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
    for (let j = 0; j < cols; j++) C[base + j] = A[base + j]! + R[j]!;
  }
  return c;
}

/** Element-wise sum C = A + B (same shapes; `out` may alias either input). */
export function add(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertSameShape(a, b, 'add');
  const c = outputBuffer(out, a.rows, a.cols, 'add');
  for (let i = 0; i < a.data.length; i++) c.data[i] = a.data[i]! + b.data[i]!;
  return c;
}

/** Element-wise (Hadamard) product C = A ⊙ B (same shapes). */
export function multiply(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertSameShape(a, b, 'multiply');
  const c = outputBuffer(out, a.rows, a.cols, 'multiply');
  for (let i = 0; i < a.data.length; i++) c.data[i] = a.data[i]! * b.data[i]!;
  return c;
}

/** Element-wise map C_ij = f(A_ij). `out` may be `a` (in-place). */
export function map(a: Matrix, f: (x: number) => number, out?: Matrix): Matrix {
  const c = outputBuffer(out, a.rows, a.cols, 'map');
  for (let i = 0; i < a.data.length; i++) c.data[i] = f(a.data[i]!);
  return c;
}

/** Column index of each row's largest value, argmax_j A_ij (np.argmax(A, axis=1)); ties go to the first. */
export function rowArgmax(a: Matrix, out?: Int32Array): Int32Array {
  if (a.cols === 0) throw new Error(`rowArgmax: a ${a.shape} matrix has no columns`);
  const idx = out ?? new Int32Array(a.rows);
  if (idx.length !== a.rows)
    throw new Error(`rowArgmax: out has length ${idx.length} but the matrix has ${a.rows} rows`);
  for (let i = 0; i < a.rows; i++) {
    let best = 0;
    let bestValue = a.data[i * a.cols]!;
    for (let j = 1; j < a.cols; j++) {
      const v = a.data[i * a.cols + j]!;
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
    for (let j = 0; j < a.cols; j++) s.data[j]! += a.data[base + j]!;
  }
  return s;
}

/** True when every element is a finite number (no NaN, no ±Infinity). */
export function isFiniteMatrix(a: Matrix): boolean {
  for (let i = 0; i < a.data.length; i++) if (!Number.isFinite(a.data[i])) return false;
  return true;
}

/** Largest absolute element-wise difference max |A_ij − B_ij| (same shapes). */
export function maxAbsDifference(a: Matrix, b: Matrix): number {
  assertSameShape(a, b, 'maxAbsDifference');
  let worst = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = Math.abs(a.data[i]! - b.data[i]!);
    if (d > worst || Number.isNaN(d)) worst = d;
  }
  return worst;
}

/** Copies the listed rows of `source` into consecutive rows of `out` (gathering a mini-batch). */
export function gatherRows(source: Matrix, indices: ArrayLike<number>, out?: Matrix): Matrix {
  const g = outputBuffer(out, indices.length, source.cols, 'gatherRows');
  const cols = source.cols;
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i]!;
    if (!(r >= 0 && r < source.rows)) throw new Error(`gatherRows: row index ${r} is outside a ${source.shape} matrix`);
    g.data.set(source.data.subarray(r * cols, (r + 1) * cols), i * cols);
  }
  return g;
}
