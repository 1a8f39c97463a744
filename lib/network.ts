import { Matrix, resizeBuffer } from './matrix.ts';
import {
  createActivation,
  isActivationName,
  ACTIVATION_NAMES,
  Linear,
  ReLU,
  Softmax,
  type Activation,
  type ActivationName,
} from './activations/index.ts';
import { Dense, type BackwardOptions } from './dense.ts';
import { defaultWeightInit, type BiasInit, type WeightInit } from './init.ts';
import { LOSSES, getLoss, predictedClasses, softmaxCrossEntropyBackward, type LossLike } from './losses.ts';
import {
  tinyNetworkBackward,
  tinyNetworkFits,
  tinyNetworkForward,
  type TinyActivationKind,
  type TinyNetworkHead,
} from './kernels/index.ts';
import { createRng, type Rng } from './random.ts';

/** One layer of a network spec: its width and activation, optionally its own initialisation. */
export interface LayerSpec {
  neurons: number;
  activation: ActivationName;
  weightInit?: WeightInit;
  biasInit?: BiasInit;
}

/**
 * A network described by sizes: `inputs` features, then one entry per layer.
 * E.g. a 1-8-1 sine fitter: { inputs: 1, layers: [{ neurons: 8, activation: 'relu' }, { neurons: 1, activation: 'linear' }] }.
 * Weights default to He for ReLU layers and Xavier otherwise, biases to zero;
 * randomness comes from `rng`, or from createRng(seed) with seed defaulting to 0.
 */
export interface NetworkSpec {
  inputs: number;
  layers: LayerSpec[];
  weightInit?: WeightInit;
  biasInit?: BiasInit;
  rng?: Rng;
  seed?: number;
}

/** Plain-data parameters of one layer, for hand-tuning widgets and JSON. */
export interface LayerParameters {
  /** n_in rows × n_out columns. */
  weights: number[][];
  /** n_out values. */
  biases: number[];
  activation: ActivationName;
}

/**
 * A sequential feedforward network: layer 1 → activation 1 → layer 2 → … .
 * forward computes h^l = f^l(h^(l−1)·W^l + B^l) with h⁰ = X and ŷ = h^L;
 * backward applies the chain rule in reverse, leaving dweights/dbiases on every layer.
 */
export class Network {
  readonly layers: Dense[];
  readonly activations: Activation[];
  /** Buffer for the loss gradient ∂E/∂ŷ (or ∂E/∂z of a softmax output, see backwardFromLoss). */
  private dlogits: Matrix = Matrix.zeros(0, 0);
  /**
   * Whether forward/backwardFromLoss may hand a small network to the tiny-network kernel
   * (lib/kernels/tiny-network.ts). The results are bit-identical either way; false forces the
   * layer-by-layer path.
   */
  tinyNetworkKernel = true;
  /** Each activation as the tiny-network kernel knows it (undefined: one it does not reproduce). */
  private readonly kernelKinds: readonly (TinyActivationKind | undefined)[];

  /** Wraps existing layers; `activations[i]` follows `layers[i]`. Checks that consecutive sizes match. */
  constructor(layers: Dense[], activations: (Activation | ActivationName)[]) {
    if (layers.length === 0) throw new Error('Network: needs at least one layer');
    if (activations.length !== layers.length) {
      throw new Error(
        `Network: got ${layers.length} layers but ${activations.length} activations (need one per layer)`,
      );
    }
    for (let i = 1; i < layers.length; i++) {
      const below = layers[i - 1]!;
      const layer = layers[i]!;
      if (layer.nInputs !== below.nNeurons) {
        throw new Error(
          `Network: layer ${i} expects ${layer.nInputs} inputs but layer ${i - 1} has ${below.nNeurons} neurons ` +
            `(weights ${below.weights.shape} then ${layer.weights.shape})`,
        );
      }
    }
    this.layers = layers;
    this.activations = activations.map((a, i) => {
      if (typeof a !== 'string') return a;
      if (!isActivationName(a))
        throw new Error(
          `Network: unknown activation "${a}" for layer ${i}; expected one of ${ACTIVATION_NAMES.join(', ')}`,
        );
      return createActivation(a);
    });
    this.kernelKinds = this.activations.map((a, i) => kernelKind(this.layers[i]!, a));
  }

  /** Builds and initialises a network from sizes (see NetworkSpec). */
  static create(spec: NetworkSpec): Network {
    if (!Number.isInteger(spec.inputs) || spec.inputs <= 0)
      throw new Error(`Network.create: inputs must be a positive integer, got ${spec.inputs}`);
    const rng = spec.rng ?? createRng(spec.seed ?? 0);
    let nIn = spec.inputs;
    const layers = spec.layers.map((layerSpec) => {
      const layer = new Dense(nIn, layerSpec.neurons, {
        rng,
        weightInit: layerSpec.weightInit ?? spec.weightInit ?? defaultWeightInit(layerSpec.activation),
        biasInit: layerSpec.biasInit ?? spec.biasInit ?? 'zeros',
      });
      nIn = layerSpec.neurons;
      return layer;
    });
    return new Network(
      layers,
      spec.layers.map((l) => l.activation),
    );
  }

  /** A network with exactly these weights, biases and activations (shapes are validated). */
  static fromParameters(layers: readonly LayerParameters[]): Network {
    return new Network(
      layers.map((p) => Dense.fromWeights(p.weights, p.biases)),
      layers.map((p) => p.activation),
    );
  }

  /** Number of input features. */
  get inputSize(): number {
    return this.layers[0]!.nInputs;
  }

  /** Number of outputs per sample. */
  get outputSize(): number {
    return this.layers[this.layers.length - 1]!.nNeurons;
  }

  /** Layer sizes, e.g. [1, 8, 1]. */
  get sizes(): number[] {
    return [this.inputSize, ...this.layers.map((l) => l.nNeurons)];
  }

  /** Activation names, one per layer. */
  get activationNames(): ActivationName[] {
    return this.activations.map((a) => a.name);
  }

  /** Total number of weights and biases. */
  get parameterCount(): number {
    return this.layers.reduce((n, l) => n + l.parameterCount, 0);
  }

  /** ŷ from the last forward pass (a buffer owned by the network). */
  get output(): Matrix {
    return this.outputActivation.output;
  }

  /** The last layer's activation (the constructor guarantees there is one). */
  private get outputActivation(): Activation {
    return this.activations[this.activations.length - 1]!;
  }

  /**
   * Forward pass ŷ = f^L(… f^1(X·W¹ + B¹) … ·W^L + B^L). Returns the network's
   * own output buffer, overwritten by the next forward — use predict() for a copy.
   */
  forward(inputs: Matrix): Matrix {
    if (this.useTinyNetworkKernel()) return tinyNetworkForward(this.layers, this.activations, this.kernelKinds, inputs);
    let h = inputs;
    for (let i = 0; i < this.layers.length; i++) {
      const z = this.layers[i]!.forward(h);
      h = this.activations[i]!.forward(z);
    }
    return h;
  }

  /** ŷ for `inputs`, as a new matrix the caller owns. */
  predict(inputs: Matrix): Matrix {
    return this.forward(inputs).clone();
  }

  /** Predicted class per sample: argmax for several outputs, 1(ŷ > 0.5) for one. */
  predictClasses(inputs: Matrix): Int32Array {
    return predictedClasses(this.forward(inputs));
  }

  /**
   * Backward pass from dvalues = ∂E/∂ŷ (same shape as the last output).
   * Sets dweights/dbiases on every layer and returns ∂E/∂X
   * (an empty 0 × n_in matrix with `{ inputGradient: false }`, which skips computing it).
   */
  backward(dvalues: Matrix, options?: BackwardOptions): Matrix {
    return this.backwardFrom(this.layers.length - 1, dvalues, true, options);
  }

  /**
   * Backward pass for `loss` against targets yTrue after a forward pass.
   * A softmax output with categorical cross-entropy takes the fused shortcut
   * ∂E/∂z = (ŷ − y)/n instead of chaining −y/ŷ through the softmax Jacobian.
   */
  backwardFromLoss(loss: LossLike, yTrue: Matrix, options?: BackwardOptions): Matrix {
    const lossFn = getLoss(loss);
    const last = this.layers.length - 1;
    this.dlogits = resizeBuffer(this.dlogits, yTrue.rows, yTrue.cols);
    const head = this.tinyNetworkHead(lossFn);
    if (head) {
      const inputGradient = options?.inputGradient ?? true;
      return tinyNetworkBackward(
        this.layers,
        this.activations,
        this.kernelKinds,
        head,
        yTrue,
        this.dlogits,
        inputGradient,
      );
    }
    if (lossFn.name === 'categorical-cross-entropy' && this.outputActivation.name === 'softmax') {
      softmaxCrossEntropyBackward(this.output, yTrue, this.dlogits);
      return this.backwardFrom(last, this.dlogits, false, options);
    }
    lossFn.backward(this.output, yTrue, this.dlogits);
    return this.backwardFrom(last, this.dlogits, true, options);
  }

  /** Whether forward may hand this network to the tiny-network kernel. */
  private useTinyNetworkKernel(): boolean {
    return this.tinyNetworkKernel && tinyNetworkFits(this.layers, this.kernelKinds);
  }

  /** The output/loss pair when backwardFromLoss may use the tiny-network kernel, else undefined. */
  private tinyNetworkHead(lossFn: ReturnType<typeof getLoss>): TinyNetworkHead | undefined {
    if (!this.useTinyNetworkKernel()) return undefined;
    const output = this.outputActivation.name;
    if (output === 'linear' && lossFn === LOSSES['mean-squared-error']) return 'linear-mse';
    if (output === 'softmax' && lossFn === LOSSES['categorical-cross-entropy']) return 'softmax-cross-entropy';
    return undefined;
  }

  /** Runs the chain rule from layer `start` down to the input; `options` apply to the first layer's ∂E/∂X. */
  private backwardFrom(
    start: number,
    dvalues: Matrix,
    throughLastActivation: boolean,
    options: BackwardOptions | undefined,
  ): Matrix {
    let d = dvalues;
    for (let i = start; i >= 0; i--) {
      if (i !== start || throughLastActivation) d = this.activations[i]!.backward(d);
      d = this.layers[i]!.backward(d, i === 0 ? options : undefined);
    }
    return d;
  }

  /** Weights, biases and activation of every layer as plain arrays (copies). */
  getParameters(): LayerParameters[] {
    return this.layers.map((layer, i) => ({
      weights: layer.weights.toArray(),
      biases: Array.from(layer.biases.data),
      activation: this.activations[i]!.name,
    }));
  }

  /** Replaces the weights and/or biases of layer `index` (shapes validated, e.g. for hand-tuning sliders). */
  setLayerParameters(
    index: number,
    params: { weights?: ArrayLike<ArrayLike<number>> | Matrix; biases?: ArrayLike<number> | Matrix },
  ): void {
    const layer = this.layerAt(index);
    if (params.weights !== undefined) layer.setWeights(params.weights);
    if (params.biases !== undefined) layer.setBiases(params.biases);
  }

  /** Sets one weight w_ij of layer `index` (input i → neuron j). */
  setWeight(index: number, input: number, neuron: number, value: number): void {
    this.layerAt(index).setWeight(input, neuron, value);
  }

  /** Sets one bias b_j of layer `index`. */
  setBias(index: number, neuron: number, value: number): void {
    this.layerAt(index).setBias(neuron, value);
  }

  /** Copies weights and biases from a network of the same architecture. */
  copyParametersFrom(other: Network): void {
    if (other.layers.length !== this.layers.length) {
      throw new Error(`Network.copyParametersFrom: ${other.layers.length} layers vs ${this.layers.length}`);
    }
    this.layers.forEach((layer, i) => {
      const source = other.layers[i]!;
      layer.setWeights(source.weights);
      layer.setBiases(source.biases);
    });
  }

  /** An independent copy (same parameters and activations, fresh buffers). */
  clone(): Network {
    return new Network(
      this.layers.map((l) => l.clone()),
      this.activations.map((a) => a.name),
    );
  }

  private layerAt(index: number): Dense {
    const layer = this.layers[index];
    if (!layer) throw new Error(`Network: layer index ${index} out of range (0..${this.layers.length - 1})`);
    return layer;
  }
}

/**
 * How the tiny-network kernel knows this layer's activation: only a plain Dense layer followed by
 * exactly ReLU, Linear or Softmax (not a subclass, which may compute something else).
 */
function kernelKind(layer: Dense, activation: Activation): TinyActivationKind | undefined {
  if (layer.constructor !== Dense) return undefined;
  const kind = activation.constructor;
  return kind === ReLU ? 'relu' : kind === Linear ? 'linear' : kind === Softmax ? 'softmax' : undefined;
}
