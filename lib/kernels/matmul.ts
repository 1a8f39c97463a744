/**
 * The fast matrix products behind lib/products.ts: C = start + A·B, C = Aᵀ·B and C = A·Bᵀ on
 * row-major Float64Arrays. Shapes and aliasing are checked by the ops in products.ts; a kernel
 * trusts its arguments.
 *
 * How they are fast (all measured in V8 on the lecture's layer sizes):
 * - loop order i-k-j: the innermost loop walks a row of B and a row of C, both contiguous in
 *   memory, several times faster than the textbook i-j-k;
 * - four k's per pass: each C_ij is loaded and stored once per four multiply-adds (about 2×);
 * - two rows of C per pass: each B_kj loaded serves both rows (1.5× on 16×16 and 64×64 layers);
 * - layers with one or two inputs (the lecture's 1-D and 2-D data) get a loop of their own.
 *
 * The grouping of every sum is part of the contract: row i of a product is the same whatever
 * its position (an odd last row is summed in the same groups of four as the others), and
 * tiny-network.ts repeats exactly these groupings so that its results are bit-identical.
 * matmul.test.ts checks every kernel against the textbook definition.
 */

/**
 * C = start + A·B with A n×m, B m×p, C n×p: C_ij = start_j + Σ_k A_ik·B_kj, where `start` is a
 * 1×p row (a layer's bias B) or, when undefined, zeros.
 */
export function matmulKernel(
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
    // Two rows of C per pass: every B_kj loaded from memory serves both rows.
    const a0 = i * m;
    const a1 = a0 + m;
    const c0 = i * p;
    const c1 = c0 + p;
    startRow(start, C, c0, p);
    startRow(start, C, c1, p);
    let k = 0;
    for (; k + 4 <= m; k += 4) {
      // rows i and i+1 of C += A_ik·(row k of B) + … + A_i,k+3·(row k+3 of B)
      const x0 = A[a0 + k]!,
        x1 = A[a0 + k + 1]!,
        x2 = A[a0 + k + 2]!,
        x3 = A[a0 + k + 3]!;
      const y0 = A[a1 + k]!,
        y1 = A[a1 + k + 1]!,
        y2 = A[a1 + k + 2]!,
        y3 = A[a1 + k + 3]!;
      const b0 = k * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      for (let j = 0; j < p; j++) {
        const w0 = B[b0 + j]!,
          w1 = B[b1 + j]!,
          w2 = B[b2 + j]!,
          w3 = B[b3 + j]!;
        C[c0 + j]! += x0 * w0 + x1 * w1 + x2 * w2 + x3 * w3;
        C[c1 + j]! += y0 * w0 + y1 * w1 + y2 * w2 + y3 * w3;
      }
    }
    for (; k < m; k++) {
      // the remaining (fewer than four) k's, one at a time
      const x = A[a0 + k]!;
      const y = A[a1 + k]!;
      const bRow = k * p;
      for (let j = 0; j < p; j++) {
        const w = B[bRow + j]!;
        C[c0 + j]! += x * w;
        C[c1 + j]! += y * w;
      }
    }
  }
  if (i < n) {
    // an odd last row on its own, summed in the same groups of four k's as the others
    const aRow = i * m;
    const cRow = i * p;
    startRow(start, C, cRow, p);
    let k = 0;
    for (; k + 4 <= m; k += 4) {
      const x0 = A[aRow + k]!,
        x1 = A[aRow + k + 1]!,
        x2 = A[aRow + k + 2]!,
        x3 = A[aRow + k + 3]!;
      const b0 = k * p;
      for (let j = 0; j < p; j++)
        C[cRow + j]! += x0 * B[b0 + j]! + x1 * B[b0 + p + j]! + x2 * B[b0 + 2 * p + j]! + x3 * B[b0 + 3 * p + j]!;
    }
    for (; k < m; k++) {
      const aik = A[aRow + k]!;
      const bRow = k * p;
      for (let j = 0; j < p; j++) C[cRow + j]! += aik * B[bRow + j]!;
    }
  }
}

/** Sets C[offset … offset + p) to the start row, or to zeros when there is none. */
function startRow(start: Float64Array | undefined, C: Float64Array, offset: number, p: number): void {
  if (start) {
    for (let j = 0; j < p; j++) C[offset + j] = start[j]!;
  } else {
    for (let j = 0; j < p; j++) C[offset + j] = 0;
  }
}

/** matmulKernel for m = 1 (one input per sample): C_ij = start_j + A_i0·B_0j. */
function oneInputRows(
  A: Float64Array,
  B: Float64Array,
  start: Float64Array,
  C: Float64Array,
  n: number,
  p: number,
): void {
  for (let i = 0; i < n; i++) {
    const x = A[i]!;
    const cRow = i * p;
    for (let j = 0; j < p; j++) C[cRow + j] = start[j]! + x * B[j]!;
  }
}

/** matmulKernel for m = 2 (two inputs per sample): C_ij = start_j + A_i0·B_0j + A_i1·B_1j. */
function twoInputRows(
  A: Float64Array,
  B: Float64Array,
  start: Float64Array,
  C: Float64Array,
  n: number,
  p: number,
): void {
  for (let i = 0; i < n; i++) {
    const x0 = A[2 * i]!;
    const x1 = A[2 * i + 1]!;
    const cRow = i * p;
    for (let j = 0; j < p; j++) C[cRow + j] = start[j]! + x0 * B[j]! + x1 * B[p + j]!;
  }
}

/**
 * C = Aᵀ·B with A n×m, B n×p, C m×p: C_kj = Σ_i A_ik·B_ij, without building Aᵀ.
 * Each sample i adds the outer product (row i of A)ᵀ(row i of B); four samples and two rows of
 * C are taken per pass, and the inner loop is contiguous.
 */
export function matmulTransposeAKernel(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  n: number,
  m: number,
  p: number,
): void {
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
      const x0 = A[i * m + k]!,
        x1 = A[(i + 1) * m + k]!,
        x2 = A[(i + 2) * m + k]!,
        x3 = A[(i + 3) * m + k]!;
      const y0 = A[i * m + k + 1]!,
        y1 = A[(i + 1) * m + k + 1]!,
        y2 = A[(i + 2) * m + k + 1]!,
        y3 = A[(i + 3) * m + k + 1]!;
      const c0 = k * p;
      const c1 = c0 + p;
      for (let j = 0; j < p; j++) {
        const v0 = B[b0 + j]!,
          v1 = B[b1 + j]!,
          v2 = B[b2 + j]!,
          v3 = B[b3 + j]!;
        C[c0 + j]! += x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
        C[c1 + j]! += y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3;
      }
    }
    if (k < m) {
      // an odd last column of A on its own
      const a0 = A[i * m + k]!,
        a1 = A[(i + 1) * m + k]!,
        a2 = A[(i + 2) * m + k]!,
        a3 = A[(i + 3) * m + k]!;
      const cRow = k * p;
      for (let j = 0; j < p; j++) C[cRow + j]! += a0 * B[b0 + j]! + a1 * B[b1 + j]! + a2 * B[b2 + j]! + a3 * B[b3 + j]!;
    }
  }
  for (; i < n; i++) {
    const bRow = i * p;
    for (let k = 0; k < m; k++) {
      const aik = A[i * m + k]!;
      const cRow = k * p;
      for (let j = 0; j < p; j++) C[cRow + j]! += aik * B[bRow + j]!;
    }
  }
}

/**
 * C = A·Bᵀ with A n×p, B m×p, C n×m: C_ik = Σ_j A_ij·B_kj (dot products of rows), without
 * building Bᵀ. Four rows of B are dotted with the same two rows of A per pass, so each A_ij is
 * loaded once for four products and each B_kj once for two. Every C_ik sums j = 0, 1, … in turn.
 */
export function matmulTransposeBKernel(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  n: number,
  p: number,
  m: number,
): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) {
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
        const x = A[a0 + j]!;
        const y = A[a1 + j]!;
        const w0 = B[b0 + j]!,
          w1 = B[b1 + j]!,
          w2 = B[b2 + j]!,
          w3 = B[b3 + j]!;
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
        s += A[a0 + j]! * B[bRow + j]!;
        t += A[a1 + j]! * B[bRow + j]!;
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
      for (let j = 0; j < p; j++) sum += A[aRow + j]! * B[bRow + j]!;
      C[cRow + k] = sum;
    }
  }
}
