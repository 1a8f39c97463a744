/**
 * EXPERIMENT (not part of lib/): a lean implementation of the SAME training step as lib's
 * Network + SGD (ReLU hidden layers; softmax+CE or linear+MSE head; SGD with momentum), used
 * only to quantify the suggestions in bench/README.md. It keeps lib's data layout (row-major
 * Float64Array, W is n_in × n_out) and math, and changes only the implementation:
 *   1. forward: Z = X·W + B computed in one pass (rows start as the bias, no fill(0) +
 *      addRowVector pass), ReLU applied in the same row loop; zero inputs are skipped
 *      (after a ReLU about half of them are 0).
 *   2. backward: dW = Xᵀ·dZ skips zero inputs too; dX = dZ·Wᵀ is fused with the previous
 *      layer's ReLU mask (only computed where that unit was active) and skipped entirely for
 *      the first layer (nobody needs ∂E/∂X there).
 *   3. softmax + CE: probabilities, loss and (ŷ − y)/n in one pass over the logits.
 *   4. SGD: plain loops, no closures; momentum values below 1e-30 are flushed to 0 so dead
 *      units cannot leave subnormal numbers behind.
 *   5. no per-call allocation (no [a, b] arrays for alias checks, no forEach closures).
 * bench/experiments/compare.ts checks it reaches the same loss as lib and times both.
 */
export class LeanMLP {
  readonly L: number;
  readonly W: Float64Array[];
  readonly b: Float64Array[];
  readonly vW: Float64Array[];
  readonly vb: Float64Array[];
  readonly gW: Float64Array[];
  readonly gb: Float64Array[];
  /** activations per layer output (post-activation), sized for `capacity` rows */
  private A: Float64Array[];
  private D: Float64Array[];
  private capacity = 0;

  constructor(
    readonly sizes: number[],
    readonly head: 'softmax-ce' | 'linear-mse',
    weights: Float64Array[],
    biases: Float64Array[],
    public lr: number,
    public momentum: number,
    /** skip zero inputs / inactive units (ReLU sparsity) — item 1/2 above; false = dense loops */
    readonly skipZeros = true,
  ) {
    this.L = sizes.length - 1;
    this.W = weights.map((w) => w.slice());
    this.b = biases.map((x) => x.slice());
    this.vW = this.W.map((w) => new Float64Array(w.length));
    this.vb = this.b.map((x) => new Float64Array(x.length));
    this.gW = this.W.map((w) => new Float64Array(w.length));
    this.gb = this.b.map((x) => new Float64Array(x.length));
    this.A = [];
    this.D = [];
  }

  private ensure(rows: number): void {
    if (rows <= this.capacity) return;
    this.capacity = rows;
    this.A = this.sizes.slice(1).map((n) => new Float64Array(rows * n));
    this.D = this.sizes.slice(1).map((n) => new Float64Array(rows * n));
  }

  /** forward only; returns the output buffer (rows × k) */
  forward(X: Float64Array, rows: number): Float64Array {
    this.ensure(rows);
    let input = X;
    for (let l = 0; l < this.L; l++) {
      const nIn = this.sizes[l], nOut = this.sizes[l + 1];
      const W = this.W[l], bias = this.b[l], out = this.A[l];
      const relu = l < this.L - 1;
      for (let i = 0; i < rows; i++) {
        const o = i * nOut, x = i * nIn;
        for (let j = 0; j < nOut; j++) out[o + j] = bias[j];
        for (let k = 0; k < nIn; k++) {
          const a = input[x + k];
          if (a === 0 && this.skipZeros) continue;
          const w = k * nOut;
          for (let j = 0; j < nOut; j++) out[o + j] += a * W[w + j];
        }
        if (relu) for (let j = 0; j < nOut; j++) if (out[o + j] < 0) out[o + j] = 0;
      }
      input = out;
    }
    if (this.head === 'softmax-ce') {
      const k = this.sizes[this.L], P = this.A[this.L - 1];
      for (let i = 0; i < rows; i++) {
        const o = i * k;
        let max = -Infinity;
        for (let j = 0; j < k; j++) if (P[o + j] > max) max = P[o + j];
        let sum = 0;
        for (let j = 0; j < k; j++) { const e = Math.exp(P[o + j] - max); P[o + j] = e; sum += e; }
        const inv = 1 / sum;
        for (let j = 0; j < k; j++) P[o + j] *= inv;
      }
    }
    return this.A[this.L - 1];
  }

  /** one SGD step on (X, Y); returns the batch loss before the update */
  step(X: Float64Array, Y: Float64Array, rows: number): number {
    const P = this.forward(X, rows);
    const k = this.sizes[this.L];
    const dOut = this.D[this.L - 1];
    let loss = 0;
    if (this.head === 'softmax-ce') {
      const inv = 1 / rows;
      for (let i = 0; i < rows * k; i++) {
        const p = P[i], y = Y[i];
        if (y !== 0) loss -= y * Math.log(p < 1e-7 ? 1e-7 : p > 1 - 1e-7 ? 1 - 1e-7 : p);
        dOut[i] = (p - y) * inv;
      }
      loss *= inv;
    } else {
      const m = rows * k, s = 2 / m;
      for (let i = 0; i < m; i++) { const d = P[i] - Y[i]; loss += d * d; dOut[i] = s * d; }
      loss /= m;
    }
    for (let l = this.L - 1; l >= 0; l--) {
      const nIn = this.sizes[l], nOut = this.sizes[l + 1];
      const input = l === 0 ? X : this.A[l - 1];
      const dZ = this.D[l], gW = this.gW[l], gb = this.gb[l], W = this.W[l];
      gW.fill(0);
      gb.fill(0);
      for (let i = 0; i < rows; i++) {
        const o = i * nOut, x = i * nIn;
        for (let j = 0; j < nOut; j++) gb[j] += dZ[o + j];
        for (let kk = 0; kk < nIn; kk++) {
          const a = input[x + kk];
          if (a === 0 && this.skipZeros) continue;
          const w = kk * nOut;
          for (let j = 0; j < nOut; j++) gW[w + j] += a * dZ[o + j];
        }
      }
      if (l > 0) {
        // dX = dZ·Wᵀ, only where the previous ReLU was active (elsewhere its gradient is 0)
        const dPrev = this.D[l - 1];
        for (let i = 0; i < rows; i++) {
          const o = i * nOut, x = i * nIn;
          for (let kk = 0; kk < nIn; kk++) {
            if (input[x + kk] === 0) { dPrev[x + kk] = 0; continue; } // ReLU mask (always exact)
            const w = kk * nOut;
            let s = 0;
            for (let j = 0; j < nOut; j++) s += dZ[o + j] * W[w + j];
            dPrev[x + kk] = s;
          }
        }
      }
    }
    const lr = this.lr, mu = this.momentum;
    for (let l = 0; l < this.L; l++) {
      update(this.W[l], this.vW[l], this.gW[l], lr, mu);
      update(this.b[l], this.vb[l], this.gb[l], lr, mu);
    }
    return loss;
  }
}

function update(p: Float64Array, v: Float64Array, g: Float64Array, lr: number, mu: number): void {
  for (let i = 0; i < p.length; i++) {
    let u = mu * v[i] - lr * g[i];
    if (u < 1e-30 && u > -1e-30) u = 0; // flush: never let momentum go subnormal
    v[i] = u;
    p[i] += u;
  }
}
