/**
 * The fused path: Network.forward and Network.backwardFromLoss for small networks, each as one
 * function of plain loops over the whole network.
 *
 * Why it exists. For the lecture's tiniest nets (the 1-8-1 sine fitter, ReLU nets a few neurons
 * wide) a training step is a few hundred multiply-adds, and the general path spends about as long
 * again on plumbing: per layer a shape check, buffer resizes, a general product kernel, then a
 * separate pass for the activation, for the loss gradient and for each copy. Here each layer's
 * Z and h are written in the same pass, the loss gradient ∂E/∂z of the output layer in one
 * pass, ReLU's mask is applied as ∂E/∂h is computed, dB is summed in the loop that builds dW,
 * and a layer with a single neuron (the sine net's output) is one dot product per sample.
 *
 * What it must not change. It is the same arithmetic in the same order as the general path:
 * every sum starts from the same value and is split into the same groups (the "same order as"
 * notes below name the general kernel it mirrors), so results are bit-identical, not just
 * close. It also writes the same buffers (layer.inputs/output/dweights/dbiases/dinputs,
 * activation.inputs/output/dinputs), so a widget reading them cannot tell which path ran.
 * fused.test.ts trains with both paths from the same seed and compares every bit.
 *
 * Which networks. Dense layers (no subclasses) of at most MAX_FUSED_WIDTH inputs and neurons,
 * ReLU or linear hidden activations, and a linear or softmax output; backward additionally needs
 * the loss to be MSE after a linear output or cross-entropy after softmax (the fused gradient).
 * Anything else — and `network.fusedPath = false` — takes the general layer-by-layer path.
 */
import { type Matrix, assertSameShape, resizeBuffer } from './matrix.ts';
import { Dense } from './dense.ts';
import { Linear } from './activations/linear.ts';
import { ReLU } from './activations/relu.ts';
import { Softmax, softmax } from './activations/softmax.ts';
import type { Activation } from './activations/activation.ts';

/**
 * Widest layer that takes the fused path. Measured on the bench's workloads: the 1-8-1 sine net
 * trains ~1.3× faster fused, but the 16-wide spiral layers ~0.7× as fast — there the arithmetic
 * dominates and the general kernels, which reuse each loaded weight for two rows, win.
 */
export const MAX_FUSED_WIDTH = 8;

/** The two output/loss pairs with a fused gradient: ∂E/∂z = 2(ŷ − y)/m and ∂E/∂z = (ŷ − y)/n. */
export type FusedHead = 'linear-mse' | 'softmax-cross-entropy';

/** Smallest normal double (as in losses.ts): smaller softmax gradients are flushed to 0. */
const SUBNORMAL_LIMIT = 2.2250738585072014e-308;

/** Whether forward may take the fused path for these layers and activations (see the file comment). */
export function canFuse(layers: readonly Dense[], activations: readonly Activation[]): boolean {
  const last = layers.length - 1;
  for (let l = 0; l <= last; l++) {
    const layer = layers[l];
    if (layer.constructor !== Dense || layer.nInputs > MAX_FUSED_WIDTH || layer.nNeurons > MAX_FUSED_WIDTH)
      return false;
    const kind = activations[l].constructor;
    if (kind !== ReLU && kind !== Linear && !(l === last && kind === Softmax)) return false;
  }
  return true;
}

/** The fused forward pass h^l = f^l(h^(l−1)·W^l + B^l), writing the same buffers as Dense.forward and the activations. */
export function fusedForward(layers: readonly Dense[], activations: readonly Activation[], inputs: Matrix): Matrix {
  let h = inputs;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l];
    const activation = activations[l];
    if (h.cols !== layer.nInputs) {
      throw new Error(
        `Dense.forward: inputs have shape ${h.shape} but weights are ${layer.weights.shape} (need ${layer.nInputs} columns)`,
      );
    }
    const n = h.rows;
    const p = layer.nNeurons;
    layer.inputs = h;
    layer.output = resizeBuffer(layer.output, n, p);
    activation.output = resizeBuffer(activation.output, n, p);
    const kind = activation.constructor === ReLU ? RELU : activation.constructor === Linear ? LINEAR : SOFTMAX;
    if (kind === RELU) (activation as ReLU).inputs = layer.output;
    const out = activation.output;
    layerForward(h.data, layer.weights.data, layer.biases.data, layer.output.data, out.data, kind, n, layer.nInputs, p);
    if (kind === SOFTMAX) softmax(layer.output, out);
    h = out;
  }
  return h;
}

/** Activation kinds of layerForward: h = z, h = max(z, 0), or none yet (softmax runs after the layer). */
const LINEAR = 0;
const RELU = 1;
const SOFTMAX = 2;

/** h = f(z) for LINEAR and RELU (a SOFTMAX layer's h is written afterwards, row by row). */
function activate(z: number, kind: number): number {
  return kind === RELU ? (z > 0 ? z : 0) : z;
}

/**
 * Z = X·W + B and H = f(Z) for n samples of m inputs and p neurons — same order as matrix.ts
 * multiplyRows: each Z_ij starts as B_j, then adds the k's four at a time,
 * (x0·w0 + x1·w1 + x2·w2 + x3·w3), then the rest one at a time; one or two inputs are
 * B_j + x0·w0 (+ x1·w1). H is written as soon as a row of Z is complete.
 */
function layerForward(
  X: Float64Array,
  W: Float64Array,
  B: Float64Array,
  Z: Float64Array,
  H: Float64Array,
  kind: number,
  n: number,
  m: number,
  p: number,
): void {
  if (p === 1) {
    // one neuron: a dot product per sample, summed in a register
    const b = B[0];
    for (let i = 0; i < n; i++) {
      const x = i * m;
      let s: number;
      if (m === 1) s = b + X[x] * W[0];
      else if (m === 2) s = b + X[x] * W[0] + X[x + 1] * W[1];
      else {
        s = b;
        let k = 0;
        for (; k + 4 <= m; k += 4)
          s += X[x + k] * W[k] + X[x + k + 1] * W[k + 1] + X[x + k + 2] * W[k + 2] + X[x + k + 3] * W[k + 3];
        for (; k < m; k++) s += X[x + k] * W[k];
      }
      Z[i] = s;
      if (kind !== SOFTMAX) H[i] = activate(s, kind);
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const x = i * m;
    const z = i * p;
    if (m === 1) {
      const x0 = X[x];
      for (let j = 0; j < p; j++) Z[z + j] = B[j] + x0 * W[j];
    } else if (m === 2) {
      const x0 = X[x];
      const x1 = X[x + 1];
      for (let j = 0; j < p; j++) Z[z + j] = B[j] + x0 * W[j] + x1 * W[p + j];
    } else {
      for (let j = 0; j < p; j++) Z[z + j] = B[j];
      let k = 0;
      for (; k + 4 <= m; k += 4) {
        const x0 = X[x + k],
          x1 = X[x + k + 1],
          x2 = X[x + k + 2],
          x3 = X[x + k + 3];
        const w = k * p;
        for (let j = 0; j < p; j++)
          Z[z + j] += x0 * W[w + j] + x1 * W[w + p + j] + x2 * W[w + 2 * p + j] + x3 * W[w + 3 * p + j];
      }
      for (; k < m; k++) {
        const xk = X[x + k];
        const w = k * p;
        for (let j = 0; j < p; j++) Z[z + j] += xk * W[w + j];
      }
    }
    if (kind !== SOFTMAX) for (let j = z; j < z + p; j++) H[j] = activate(Z[j], kind);
  }
}

/**
 * The fused backward pass from the loss: ∂E/∂z of the output layer, then per layer
 * dW = h^(l−1)ᵀ·dZ, dB = Σ_samples dZ and ∂E/∂h^(l−1) = dZ·Wᵀ masked by the activation below,
 * writing the same buffers as the general path. `dlogits` is the network's gradient buffer
 * (n × outputs). Returns ∂E/∂X (empty when `inputGradient` is false), like Network.backwardFromLoss.
 */
export function fusedBackward(
  layers: readonly Dense[],
  activations: readonly Activation[],
  head: FusedHead,
  yTrue: Matrix,
  dlogits: Matrix,
  inputGradient: boolean,
): Matrix {
  const last = layers.length - 1;
  const output = activations[last];
  let dZ: Matrix;
  if (head === 'linear-mse') {
    assertSameShape(output.output, yTrue, 'meanSquaredErrorBackward (yPred vs yTrue)');
    // ∂E/∂ŷ = 2(ŷ − y)/m (m = number of elements), and through the linear output unchanged
    output.dinputs = resizeBuffer(output.dinputs, yTrue.rows, yTrue.cols);
    const P = output.output.data;
    const T = yTrue.data;
    const D = dlogits.data;
    const G = output.dinputs.data;
    const m = P.length;
    for (let i = 0; i < m; i++) {
      const g = (2 * (P[i] - T[i])) / m;
      D[i] = g;
      G[i] = g;
    }
    dZ = output.dinputs;
  } else {
    assertSameShape(output.output, yTrue, 'softmaxCrossEntropyBackward (probs vs oneHotTrue)');
    // softmax + cross-entropy: ∂E/∂z = (ŷ − y)/n, subnormal values flushed to 0 (see losses.ts)
    const P = output.output.data;
    const T = yTrue.data;
    const D = dlogits.data;
    const n = yTrue.rows;
    for (let i = 0; i < P.length; i++) {
      const g = (P[i] - T[i]) / n;
      D[i] = Math.abs(g) < SUBNORMAL_LIMIT ? 0 : g;
    }
    dZ = dlogits;
  }

  for (let l = last; l >= 0; l--) {
    const layer = layers[l];
    const n = layer.inputs.rows;
    const m = layer.nInputs;
    const p = layer.nNeurons;
    if (dZ.rows !== n || dZ.cols !== p) {
      throw new Error(`Dense.backward: dvalues have shape ${dZ.shape} but the last output was ${n}×${p}`);
    }
    weightGradients(layer.inputs.data, dZ.data, layer.dweights.data, layer.dbiases.data, n, m, p);
    if (l === 0 && !inputGradient) {
      layer.dinputs = resizeBuffer(layer.dinputs, 0, m);
      break;
    }
    layer.dinputs = resizeBuffer(layer.dinputs, n, m);
    if (l === 0) {
      inputGradients(dZ.data, layer.weights.data, layer.dinputs.data, undefined, undefined, n, m, p);
      break;
    }
    // ∂E/∂h of the layer below, and its activation's ∂E/∂z = ∂E/∂h ⊙ f'(z) in the same pass
    const below = activations[l - 1];
    below.dinputs = resizeBuffer(below.dinputs, n, m);
    const reluZ = below.constructor === ReLU ? layers[l - 1].output.data : undefined;
    inputGradients(dZ.data, layer.weights.data, layer.dinputs.data, below.dinputs.data, reluZ, n, m, p);
    dZ = below.dinputs;
  }
  return layers[0].dinputs;
}

/**
 * dW = Xᵀ·dZ and dB = Σ_samples dZ — same order as matrix.ts matmulTransposeA and columnSums:
 * dW_kj starts at 0 and adds the samples four at a time (x0·d0 + x1·d1 + x2·d2 + x3·d3), then
 * the rest one at a time; dB_j adds the samples one by one.
 */
function weightGradients(
  X: Float64Array,
  D: Float64Array,
  dW: Float64Array,
  dB: Float64Array,
  n: number,
  m: number,
  p: number,
): void {
  dW.fill(0);
  dB.fill(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const d0 = i * p,
      d1 = d0 + p,
      d2 = d1 + p,
      d3 = d2 + p;
    for (let j = 0; j < p; j++) dB[j] = dB[j] + D[d0 + j] + D[d1 + j] + D[d2 + j] + D[d3 + j];
    const x0 = i * m,
      x1 = x0 + m,
      x2 = x1 + m,
      x3 = x2 + m;
    if (p === 1) {
      // one neuron: the four gradients stay in registers for every input k
      const g0 = D[d0],
        g1 = D[d1],
        g2 = D[d2],
        g3 = D[d3];
      for (let k = 0; k < m; k++) dW[k] += X[x0 + k] * g0 + X[x1 + k] * g1 + X[x2 + k] * g2 + X[x3 + k] * g3;
      continue;
    }
    for (let k = 0; k < m; k++) {
      const a0 = X[x0 + k],
        a1 = X[x1 + k],
        a2 = X[x2 + k],
        a3 = X[x3 + k];
      const w = k * p;
      for (let j = 0; j < p; j++) dW[w + j] += a0 * D[d0 + j] + a1 * D[d1 + j] + a2 * D[d2 + j] + a3 * D[d3 + j];
    }
  }
  for (; i < n; i++) {
    const d = i * p;
    for (let j = 0; j < p; j++) dB[j] += D[d + j];
    for (let k = 0; k < m; k++) {
      const a = X[i * m + k];
      const w = k * p;
      for (let j = 0; j < p; j++) dW[w + j] += a * D[d + j];
    }
  }
}

/**
 * ∂E/∂X = dZ·Wᵀ — same order as matrix.ts matmulTransposeB: each value starts at 0 and adds
 * dZ_ij·W_kj for j = 0, 1, … in turn. With `dz` it also writes the activation's gradient:
 * masked by 1(z > 0) when `reluZ` (the ReLU's input z) is given, copied otherwise (linear).
 */
function inputGradients(
  D: Float64Array,
  W: Float64Array,
  dX: Float64Array,
  dz: Float64Array | undefined,
  reluZ: Float64Array | undefined,
  n: number,
  m: number,
  p: number,
): void {
  if (p === 1) {
    // one neuron above: ∂E/∂h_ik = 0 + dZ_i·W_k (the 0 + keeps the general path's sign of zero)
    for (let i = 0; i < n; i++) {
      const g = D[i];
      const x = i * m;
      for (let k = 0; k < m; k++) {
        const s = 0 + g * W[k];
        dX[x + k] = s;
        if (dz) dz[x + k] = reluZ ? (reluZ[x + k] > 0 ? s : 0) : s;
      }
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const d = i * p;
    const x = i * m;
    for (let k = 0; k < m; k++) {
      const w = k * p;
      let s = 0;
      for (let j = 0; j < p; j++) s += D[d + j] * W[w + j];
      dX[x + k] = s;
      if (dz) dz[x + k] = reluZ ? (reluZ[x + k] > 0 ? s : 0) : s;
    }
  }
}
