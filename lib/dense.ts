import { Matrix, columnSums, resizeBuffer } from './matrix.ts';
import { matmulAddRowVector, matmulTransposeA, matmulTransposeB } from './products.ts';
import { createRng, type Rng } from './random.ts';
import { initializeBiases, initializeWeights, type BiasInit, type WeightInit } from './init.ts';

/** Options for a new Dense layer. Without `rng`, a generator seeded with `seed` (default 0) is used. */
export interface DenseOptions {
  weightInit?: WeightInit;
  biasInit?: BiasInit;
  rng?: Rng;
  seed?: number;
}

/** Options of a backward pass (Dense.backward, Network.backward, Network.backwardFromLoss). */
export interface BackwardOptions {
  /**
   * Compute ∂E/∂X for the network's input (default true). Training never uses it,
   * so Trainer passes false to skip one of the first layer's three products.
   */
  inputGradient?: boolean;
}

/**
 * A fully connected (dense) layer: Z = X·W + B.
 *
 * - `weights` W is n_inputs × n_neurons (column j holds neuron j's weights),
 * - `biases` B is 1 × n_neurons (added to every row/sample),
 * - forward(X) keeps a reference to X for the backward pass,
 * - backward(dZ) sets dweights = Xᵀ·dZ, dbiases = Σ_rows dZ, dinputs = dZ·Wᵀ.
 *
 * Output and gradient buffers are reused between calls; they are only
 * reshaped when the batch size changes.
 */
export class Dense {
  /** W, shape n_inputs × n_neurons. */
  weights: Matrix;
  /** B, shape 1 × n_neurons. */
  biases: Matrix;
  /** ∂E/∂W, same shape as weights (set by backward). */
  dweights: Matrix;
  /** ∂E/∂B, same shape as biases (set by backward). */
  dbiases: Matrix;
  /** ∂E/∂X, shape batch × n_inputs (set by backward) — the dvalues for the layer below. */
  dinputs: Matrix;
  /** Z = XW + B from the last forward pass, shape batch × n_neurons. */
  output: Matrix;
  /** X of the last forward pass (a reference, not a copy). */
  inputs: Matrix;
  /** Whether the optimiser updates the weights (default true). */
  trainWeights = true;
  /**
   * Whether the optimiser updates the biases (default true). Freezing them at 0
   * shows why neurons need biases: every ReLU kink then stays at x = 0.
   */
  trainBiases = true;

  constructor(nInputs: number, nNeurons: number, options: DenseOptions = {}) {
    if (!Number.isInteger(nInputs) || nInputs <= 0 || !Number.isInteger(nNeurons) || nNeurons <= 0) {
      throw new Error(`Dense: nInputs and nNeurons must be positive integers, got ${nInputs} and ${nNeurons}`);
    }
    const rng = options.rng ?? createRng(options.seed ?? 0);
    this.weights = Matrix.zeros(nInputs, nNeurons);
    this.biases = Matrix.zeros(1, nNeurons);
    initializeWeights(this.weights, options.weightInit ?? 'xavier', rng);
    initializeBiases(this.biases, this.weights, options.biasInit ?? 'zeros', rng);
    this.dweights = Matrix.zeros(nInputs, nNeurons);
    this.dbiases = Matrix.zeros(1, nNeurons);
    this.dinputs = Matrix.zeros(0, nInputs);
    this.output = Matrix.zeros(0, nNeurons);
    this.inputs = Matrix.zeros(0, nInputs);
  }

  /** A layer with exactly these weights (n_in rows × n_out columns) and biases (n_out values). */
  static fromWeights(weights: ArrayLike<ArrayLike<number>> | Matrix, biases: ArrayLike<number> | Matrix): Dense {
    const w = weights instanceof Matrix ? weights : Matrix.from(weights);
    const layer = new Dense(w.rows, w.cols, { weightInit: 'zeros' });
    layer.setWeights(w);
    layer.setBiases(biases);
    return layer;
  }

  /** Number of inputs per sample, n_in. */
  get nInputs(): number {
    return this.weights.rows;
  }

  /** Number of neurons (outputs per sample), n_out. */
  get nNeurons(): number {
    return this.weights.cols;
  }

  /** Number of trainable numbers: n_in·n_out + n_out. */
  get parameterCount(): number {
    return this.weights.data.length + this.biases.data.length;
  }

  /** Z = X·W + B for a batch X (batch × n_in); returns (and keeps) Z (batch × n_out). */
  forward(inputs: Matrix): Matrix {
    if (inputs.cols !== this.nInputs) {
      throw new Error(
        `Dense.forward: inputs have shape ${inputs.shape} but weights are ${this.weights.shape} (need ${this.nInputs} columns)`,
      );
    }
    this.inputs = inputs;
    this.output = resizeBuffer(this.output, inputs.rows, this.nNeurons);
    // #region layer-forward
    // Z = XW + B   (np.dot(inputs, weights) + biases)
    matmulAddRowVector(inputs, this.weights, this.biases, this.output);
    // #endregion layer-forward
    return this.output;
  }

  /**
   * Backward pass for dvalues = ∂E/∂Z (batch × n_out):
   * ∂E/∂W = Xᵀ·dZ,  ∂E/∂B = Σ_samples dZ,  ∂E/∂X = dZ·Wᵀ. Returns dinputs.
   *
   * With `{ inputGradient: false }` ∂E/∂X is skipped — the first layer of a
   * network has nobody below it to pass it to, and it is a third of the layer's
   * work. dinputs is then left empty (0 × n_in) rather than stale.
   */
  backward(dvalues: Matrix, options?: BackwardOptions): Matrix {
    if (dvalues.rows !== this.inputs.rows || dvalues.cols !== this.nNeurons) {
      throw new Error(
        `Dense.backward: dvalues have shape ${dvalues.shape} but the last output was ${this.inputs.rows}×${this.nNeurons}`,
      );
    }
    const inputGradient = options?.inputGradient ?? true;
    this.dinputs = resizeBuffer(this.dinputs, inputGradient ? dvalues.rows : 0, this.nInputs);
    // dweights = np.dot(inputs.T, dvalues)
    matmulTransposeA(this.inputs, dvalues, this.dweights);
    // dbiases = np.sum(dvalues, axis=0, keepdims=True)
    columnSums(dvalues, this.dbiases);
    // dinputs = np.dot(dvalues, weights.T)
    if (inputGradient) matmulTransposeB(dvalues, this.weights, this.dinputs);
    return this.dinputs;
  }

  /** Replaces all weights; `values` must be n_in × n_out (rows = inputs). Throws naming both shapes otherwise. */
  setWeights(values: ArrayLike<ArrayLike<number>> | Matrix): void {
    const m = values instanceof Matrix ? values : Matrix.from(values);
    if (m.rows !== this.weights.rows || m.cols !== this.weights.cols) {
      throw new Error(`Dense.setWeights: expected ${this.weights.shape} (inputs × neurons), got ${m.shape}`);
    }
    this.weights.data.set(m.data);
  }

  /** Replaces all biases; `values` has n_out numbers (a flat array or a 1 × n_out matrix). */
  setBiases(values: ArrayLike<number> | ArrayLike<ArrayLike<number>> | Matrix): void {
    let flat: ArrayLike<number>;
    if (values instanceof Matrix) {
      if (values.rows !== 1) throw new Error(`Dense.setBiases: expected 1×${this.nNeurons}, got ${values.shape}`);
      flat = values.data;
    } else if (values.length > 0 && typeof values[0] !== 'number') {
      const nested = values as ArrayLike<ArrayLike<number>>;
      if (nested.length !== 1)
        throw new Error(`Dense.setBiases: expected 1×${this.nNeurons}, got ${nested.length} rows`);
      flat = nested[0]!;
    } else {
      flat = values as ArrayLike<number>;
    }
    if (flat.length !== this.nNeurons) {
      throw new Error(`Dense.setBiases: expected ${this.nNeurons} biases (1×${this.nNeurons}), got ${flat.length}`);
    }
    this.biases.data.set(flat);
  }

  /** Sets the weight from input i to neuron j, w_ij. */
  setWeight(input: number, neuron: number, value: number): void {
    this.weights.set(input, neuron, value);
  }

  /** Sets neuron j's bias b_j. */
  setBias(neuron: number, value: number): void {
    this.biases.set(0, neuron, value);
  }

  /** A copy with the same weights, biases and trainable flags (and fresh, empty buffers). */
  clone(): Dense {
    const copy = Dense.fromWeights(this.weights.clone(), this.biases.clone());
    copy.trainWeights = this.trainWeights;
    copy.trainBiases = this.trainBiases;
    return copy;
  }
}
