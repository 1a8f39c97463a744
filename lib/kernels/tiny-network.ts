/**
 * The tiny-network kernel: Network.forward and Network.backwardFromLoss for small networks, each
 * as one function of plain loops over the whole network.
 *
 * Why it exists. For the lecture's tiniest nets (the 1-8-1 sine fitter, ReLU nets a few neurons
 * wide) a training step is a few hundred multiply-adds, and the layer-by-layer path spends about
 * as long again on plumbing: per layer a shape check, buffer resizes, a general product kernel,
 * then a separate pass for the activation, for the loss gradient and for each copy. Here each
 * layer's Z and h are written in the same pass, the loss gradient ∂E/∂z of the output layer in one
 * pass, ReLU's mask is applied as ∂E/∂h is computed, dB is summed in the loop that builds dW, and
 * a layer with a single neuron (the sine net's output) is one dot product per sample.
 *
 * What it must not change. It is the same arithmetic in the same order as the layer-by-layer
 * path: every sum starts from the same value and is split into the same groups (the "same order
 * as" notes below name the matmul.ts kernel it mirrors), so results are bit-identical, not just
 * close. It also writes the same buffers (layer.inputs/output/dweights/dbiases/dinputs,
 * activation.inputs/output/dinputs), so a widget reading them cannot tell which path ran.
 * tiny-network.test.ts trains with both paths from the same seed and compares every bit.
 *
 * Which networks. Layers of at most MAX_TINY_WIDTH inputs and neurons, ReLU or linear hidden
 * activations, and a linear or softmax output; backward additionally needs the loss to be MSE
 * after a linear output or cross-entropy after softmax (see TinyNetworkHead). The caller (Network)
 * decides which of its layers and activations are the plain ones this kernel reproduces.
 */
import { type Matrix, assertSameShape, resizeBuffer } from '../matrix.ts';
import { softmax } from '../activations/softmax.ts';
import { SUBNORMAL_LIMIT } from './underflow.ts';

/**
 * Widest layer the kernel takes. Measured on the bench's workloads: the 1-8-1 sine net trains
 * ~1.3× faster here, but the 16-wide spiral layers ~0.7× as fast — there the arithmetic
 * dominates and matmul.ts, which reuses each loaded weight for two rows, wins.
 */
const MAX_TINY_WIDTH = 8;

/** The activations the kernel reproduces: h = max(z, 0), h = z, and a softmax output. */
export type TinyActivationKind = 'relu' | 'linear' | 'softmax';

/** The two output/loss pairs with a one-pass gradient: ∂E/∂z = 2(ŷ − y)/m and ∂E/∂z = (ŷ − y)/n. */
export type TinyNetworkHead = 'linear-mse' | 'softmax-cross-entropy';

/** What the kernel reads and writes of a Dense layer. */
export interface TinyLayer {
  readonly nInputs: number;
  readonly nNeurons: number;
  weights: Matrix;
  biases: Matrix;
  dweights: Matrix;
  dbiases: Matrix;
  inputs: Matrix;
  output: Matrix;
  dinputs: Matrix;
}

/** What the kernel reads and writes of an activation layer (`inputs` on ReLU only). */
export interface TinyActivation {
  output: Matrix;
  dinputs: Matrix;
  inputs?: Matrix;
}

/** Whether the kernel runs a network of these layers with these activations (see the file comment). */
export function tinyNetworkFits(
  layers: readonly TinyLayer[],
  kinds: readonly (TinyActivationKind | undefined)[],
): boolean {
  const last = layers.length - 1;
  for (let l = 0; l <= last; l++) {
    const layer = layers[l]!;
    if (layer.nInputs > MAX_TINY_WIDTH || layer.nNeurons > MAX_TINY_WIDTH) return false;
    const kind = kinds[l];
    if (kind === undefined || (kind === 'softmax' && l !== last)) return false;
  }
  return true;
}

/** The forward pass h^l = f^l(h^(l−1)·W^l + B^l), writing the same buffers as Dense.forward and the activations. */
export function tinyNetworkForward(
  layers: readonly TinyLayer[],
  activations: readonly TinyActivation[],
  kinds: readonly (TinyActivationKind | undefined)[],
  inputs: Matrix,
): Matrix {
  let h = inputs;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l]!;
    const activation = activations[l]!;
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
    const kind = kinds[l] === 'relu' ? RELU : kinds[l] === 'linear' ? LINEAR : SOFTMAX;
    if (kind === RELU) activation.inputs = layer.output;
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
 * Z = X·W + B and H = f(Z) for n samples of m inputs and p neurons — same order as matmul.ts
 * matmulKernel: each Z_ij starts as B_j, then adds the k's four at a time,
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
    const b = B[0]!;
    for (let i = 0; i < n; i++) {
      const x = i * m;
      let s: number;
      if (m === 1) s = b + X[x]! * W[0]!;
      else if (m === 2) s = b + X[x]! * W[0]! + X[x + 1]! * W[1]!;
      else {
        s = b;
        let k = 0;
        for (; k + 4 <= m; k += 4)
          s += X[x + k]! * W[k]! + X[x + k + 1]! * W[k + 1]! + X[x + k + 2]! * W[k + 2]! + X[x + k + 3]! * W[k + 3]!;
        for (; k < m; k++) s += X[x + k]! * W[k]!;
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
      const x0 = X[x]!;
      for (let j = 0; j < p; j++) Z[z + j] = B[j]! + x0 * W[j]!;
    } else if (m === 2) {
      const x0 = X[x]!;
      const x1 = X[x + 1]!;
      for (let j = 0; j < p; j++) Z[z + j] = B[j]! + x0 * W[j]! + x1 * W[p + j]!;
    } else {
      for (let j = 0; j < p; j++) Z[z + j] = B[j]!;
      let k = 0;
      for (; k + 4 <= m; k += 4) {
        const x0 = X[x + k]!,
          x1 = X[x + k + 1]!,
          x2 = X[x + k + 2]!,
          x3 = X[x + k + 3]!;
        const w = k * p;
        for (let j = 0; j < p; j++)
          Z[z + j]! += x0 * W[w + j]! + x1 * W[w + p + j]! + x2 * W[w + 2 * p + j]! + x3 * W[w + 3 * p + j]!;
      }
      for (; k < m; k++) {
        const xk = X[x + k]!;
        const w = k * p;
        for (let j = 0; j < p; j++) Z[z + j]! += xk * W[w + j]!;
      }
    }
    if (kind !== SOFTMAX) for (let j = z; j < z + p; j++) H[j] = activate(Z[j]!, kind);
  }
}

/**
 * The backward pass from the loss: ∂E/∂z of the output layer, then per layer
 * dW = h^(l−1)ᵀ·dZ, dB = Σ_samples dZ and ∂E/∂h^(l−1) = dZ·Wᵀ masked by the activation below,
 * writing the same buffers as the general path. `dlogits` is the network's gradient buffer
 * (n × outputs). Returns ∂E/∂X (empty when `inputGradient` is false), like Network.backwardFromLoss.
 */
export function tinyNetworkBackward(
  layers: readonly TinyLayer[],
  activations: readonly TinyActivation[],
  kinds: readonly (TinyActivationKind | undefined)[],
  head: TinyNetworkHead,
  yTrue: Matrix,
  dlogits: Matrix,
  inputGradient: boolean,
): Matrix {
  const last = layers.length - 1;
  const output = activations[last]!;
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
      const g = (2 * (P[i]! - T[i]!)) / m;
      D[i] = g;
      G[i] = g;
    }
    dZ = output.dinputs;
  } else {
    assertSameShape(output.output, yTrue, 'softmaxCrossEntropyBackward (probs vs oneHotTrue)');
    // softmax + cross-entropy: ∂E/∂z = (ŷ − y)/n, subnormal values flushed to 0 (see underflow.ts)
    const P = output.output.data;
    const T = yTrue.data;
    const D = dlogits.data;
    const n = yTrue.rows;
    for (let i = 0; i < P.length; i++) {
      const g = (P[i]! - T[i]!) / n;
      D[i] = Math.abs(g) < SUBNORMAL_LIMIT ? 0 : g;
    }
    dZ = dlogits;
  }

  for (let l = last; l >= 0; l--) {
    const layer = layers[l]!;
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
    const below = activations[l - 1]!;
    below.dinputs = resizeBuffer(below.dinputs, n, m);
    const reluZ = kinds[l - 1] === 'relu' ? layers[l - 1]!.output.data : undefined;
    inputGradients(dZ.data, layer.weights.data, layer.dinputs.data, below.dinputs.data, reluZ, n, m, p);
    dZ = below.dinputs;
  }
  return layers[0]!.dinputs;
}

/**
 * dW = Xᵀ·dZ and dB = Σ_samples dZ — same order as matmul.ts matmulTransposeAKernel and matrix.ts columnSums:
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
    for (let j = 0; j < p; j++) dB[j] = dB[j]! + D[d0 + j]! + D[d1 + j]! + D[d2 + j]! + D[d3 + j]!;
    const x0 = i * m,
      x1 = x0 + m,
      x2 = x1 + m,
      x3 = x2 + m;
    if (p === 1) {
      // one neuron: the four gradients stay in registers for every input k
      const g0 = D[d0]!,
        g1 = D[d1]!,
        g2 = D[d2]!,
        g3 = D[d3]!;
      for (let k = 0; k < m; k++) dW[k]! += X[x0 + k]! * g0 + X[x1 + k]! * g1 + X[x2 + k]! * g2 + X[x3 + k]! * g3;
      continue;
    }
    for (let k = 0; k < m; k++) {
      const a0 = X[x0 + k]!,
        a1 = X[x1 + k]!,
        a2 = X[x2 + k]!,
        a3 = X[x3 + k]!;
      const w = k * p;
      for (let j = 0; j < p; j++) dW[w + j]! += a0 * D[d0 + j]! + a1 * D[d1 + j]! + a2 * D[d2 + j]! + a3 * D[d3 + j]!;
    }
  }
  for (; i < n; i++) {
    const d = i * p;
    for (let j = 0; j < p; j++) dB[j]! += D[d + j]!;
    for (let k = 0; k < m; k++) {
      const a = X[i * m + k]!;
      const w = k * p;
      for (let j = 0; j < p; j++) dW[w + j]! += a * D[d + j]!;
    }
  }
}

/**
 * ∂E/∂X = dZ·Wᵀ — same order as matmul.ts matmulTransposeBKernel: each value starts at 0 and adds
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
      const g = D[i]!;
      const x = i * m;
      for (let k = 0; k < m; k++) {
        const s = 0 + g * W[k]!;
        dX[x + k] = s;
        if (dz) dz[x + k] = reluZ ? (reluZ[x + k]! > 0 ? s : 0) : s;
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
      for (let j = 0; j < p; j++) s += D[d + j]! * W[w + j]!;
      dX[x + k] = s;
      if (dz) dz[x + k] = reluZ ? (reluZ[x + k]! > 0 ? s : 0) : s;
    }
  }
}
