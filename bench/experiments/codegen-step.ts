/**
 * EXPERIMENT (not part of lib/): a training step whose per-layer kernels are generated once
 * for the layer's shape with `new Function` — the loop over the batch stays a loop, the loops
 * over the (small) layer dimensions are written out, accumulators live in local variables, and
 * bias, ReLU, softmax+CE and the ReLU mask of the backward pass are fused into those kernels.
 * Layers with n_in·n_out > UNROLL_LIMIT fall back to plain loops of the same fused structure.
 * Same math and data layout as lib (row-major Float64Array, W is n_in × n_out, mean losses,
 * SGD with momentum: u = βu − αg, p += u). Used by bench/experiments/compare-codegen.ts.
 */
const UNROLL_LIMIT = Number(process.env.UNROLL_LIMIT ?? 256);

type Fwd = (X: Float64Array, W: Float64Array, B: Float64Array, Z: Float64Array, n: number) => void;
/** dZ is the gradient at this layer's pre-activation; writes dW, dB and (if dA) the masked gradient for the layer below */
type Bwd = (X: Float64Array, dZ: Float64Array, W: Float64Array, dW: Float64Array, dB: Float64Array, dA: Float64Array | null, n: number) => void;

function fwdKernel(m: number, p: number, relu: boolean): Fwd {
  const act = (s: string) => (relu ? `${s} > 0 ? ${s} : 0` : s);
  if (m * p <= UNROLL_LIMIT) {
    const L: string[] = ['for (let i = 0; i < n; i++) {', `const x = i * ${m}, z = i * ${p};`];
    for (let k = 0; k < m; k++) L.push(`const x${k} = X[x + ${k}];`);
    for (let j = 0; j < p; j++) {
      L.push(`const s${j} = B[${j}] + ${Array.from({ length: m }, (_, k) => `x${k} * W[${k * p + j}]`).join(' + ')};`);
      L.push(`Z[z + ${j}] = ${act(`s${j}`)};`);
    }
    L.push('}');
    return new Function('X', 'W', 'B', 'Z', 'n', L.join('\n')) as Fwd;
  }
  return (X, W, B, Z, n) => {
    for (let i = 0; i < n; i++) {
      const x = i * m, z = i * p;
      for (let j = 0; j < p; j++) Z[z + j] = B[j];
      for (let k = 0; k < m; k++) {
        const a = X[x + k], w = k * p;
        for (let j = 0; j < p; j++) Z[z + j] += a * W[w + j];
      }
      if (relu) for (let j = 0; j < p; j++) if (Z[z + j] < 0) Z[z + j] = 0;
    }
  };
}

function bwdKernel(m: number, p: number): Bwd {
  if (m * p <= UNROLL_LIMIT) {
    const L: string[] = [];
    for (let i = 0; i < m * p; i++) L.push(`let g${i} = 0;`);
    for (let j = 0; j < p; j++) L.push(`let b${j} = 0;`);
    L.push('for (let i = 0; i < n; i++) {', `const x = i * ${m}, z = i * ${p};`);
    for (let j = 0; j < p; j++) L.push(`const d${j} = dZ[z + ${j}]; b${j} += d${j};`);
    for (let k = 0; k < m; k++) {
      L.push(`{ const a = X[x + ${k}];`);
      L.push(Array.from({ length: p }, (_, j) => `g${k * p + j} += a * d${j};`).join(' '));
      L.push('}');
    }
    L.push('if (dA !== null) {');
    for (let k = 0; k < m; k++) {
      // gradient for the layer below, through its ReLU: zero where that unit was inactive (X = its output)
      L.push(`dA[x + ${k}] = X[x + ${k}] > 0 ? ${Array.from({ length: p }, (_, j) => `d${j} * W[${k * p + j}]`).join(' + ')} : 0;`);
    }
    L.push('}', '}');
    for (let i = 0; i < m * p; i++) L.push(`dW[${i}] = g${i};`);
    for (let j = 0; j < p; j++) L.push(`dB[${j}] = b${j};`);
    return new Function('X', 'dZ', 'W', 'dW', 'dB', 'dA', 'n', L.join('\n')) as Bwd;
  }
  return (X, dZ, W, dW, dB, dA, n) => {
    dW.fill(0);
    dB.fill(0);
    for (let i = 0; i < n; i++) {
      const x = i * m, z = i * p;
      for (let j = 0; j < p; j++) dB[j] += dZ[z + j];
      for (let k = 0; k < m; k++) {
        const a = X[x + k], w = k * p;
        for (let j = 0; j < p; j++) dW[w + j] += a * dZ[z + j];
      }
      if (dA !== null) {
        for (let k = 0; k < m; k++) {
          if (!(X[x + k] > 0)) { dA[x + k] = 0; continue; }
          const w = k * p;
          let s = 0;
          for (let j = 0; j < p; j++) s += dZ[z + j] * W[w + j];
          dA[x + k] = s;
        }
      }
    }
  };
}

export class CodegenMLP {
  readonly L: number;
  readonly W: Float64Array[];
  readonly b: Float64Array[];
  private readonly vW: Float64Array[];
  private readonly vb: Float64Array[];
  private readonly gW: Float64Array[];
  private readonly gb: Float64Array[];
  private readonly fwd: Fwd[];
  private readonly bwd: Bwd[];
  private A: Float64Array[] = [];
  private D: Float64Array[] = [];
  private rows = -1;

  constructor(
    readonly sizes: number[],
    readonly head: 'softmax-ce' | 'linear-mse',
    weights: Float64Array[],
    biases: Float64Array[],
    public lr: number,
    public momentum: number,
  ) {
    this.L = sizes.length - 1;
    this.W = weights.map((w) => w.slice());
    this.b = biases.map((x) => x.slice());
    this.vW = this.W.map((w) => new Float64Array(w.length));
    this.vb = this.b.map((x) => new Float64Array(x.length));
    this.gW = this.W.map((w) => new Float64Array(w.length));
    this.gb = this.b.map((x) => new Float64Array(x.length));
    this.fwd = this.W.map((_, l) => fwdKernel(sizes[l], sizes[l + 1], l < this.L - 1));
    this.bwd = this.W.map((_, l) => bwdKernel(sizes[l], sizes[l + 1]));
  }

  private ensure(rows: number): void {
    if (rows === this.rows) return;
    this.rows = rows;
    this.A = this.sizes.slice(1).map((n) => new Float64Array(rows * n));
    this.D = this.sizes.slice(1).map((n) => new Float64Array(rows * n));
  }

  forward(X: Float64Array, rows: number): Float64Array {
    this.ensure(rows);
    let input = X;
    for (let l = 0; l < this.L; l++) {
      this.fwd[l](input, this.W[l], this.b[l], this.A[l], rows);
      input = this.A[l];
    }
    const out = this.A[this.L - 1];
    if (this.head === 'softmax-ce') {
      const k = this.sizes[this.L];
      for (let i = 0; i < rows; i++) {
        const o = i * k;
        let max = -Infinity;
        for (let j = 0; j < k; j++) if (out[o + j] > max) max = out[o + j];
        let sum = 0;
        for (let j = 0; j < k; j++) { const e = Math.exp(out[o + j] - max); out[o + j] = e; sum += e; }
        for (let j = 0; j < k; j++) out[o + j] /= sum;
      }
    }
    return out;
  }

  step(X: Float64Array, Y: Float64Array, rows: number): number {
    const P = this.forward(X, rows);
    const k = this.sizes[this.L];
    const dOut = this.D[this.L - 1];
    let loss = 0;
    if (this.head === 'softmax-ce') {
      for (let i = 0; i < rows * k; i++) {
        const p = P[i], y = Y[i];
        if (y !== 0) loss -= y * Math.log(p < 1e-7 ? 1e-7 : p > 1 - 1e-7 ? 1 - 1e-7 : p);
        dOut[i] = (p - y) / rows;
      }
      loss /= rows;
    } else {
      const m = rows * k;
      for (let i = 0; i < m; i++) { const d = P[i] - Y[i]; loss += d * d; dOut[i] = (2 * d) / m; }
      loss /= m;
    }
    for (let l = this.L - 1; l >= 0; l--) {
      this.bwd[l](l === 0 ? X : this.A[l - 1], this.D[l], this.W[l], this.gW[l], this.gb[l], l === 0 ? null : this.D[l - 1], rows);
    }
    const lr = this.lr, mu = this.momentum;
    for (let l = 0; l < this.L; l++) {
      sgd(this.W[l], this.vW[l], this.gW[l], lr, mu);
      sgd(this.b[l], this.vb[l], this.gb[l], lr, mu);
    }
    return loss;
  }
}

function sgd(p: Float64Array, v: Float64Array, g: Float64Array, lr: number, mu: number): void {
  for (let i = 0; i < p.length; i++) {
    let u = mu * v[i] - lr * g[i];
    if (u < 1e-200 && u > -1e-200) u = 0;
    v[i] = u;
    p[i] += u;
  }
}
