/**
 * traceStep records every intermediate value of one training step, for a
 * step-through widget. It follows the slides' backprop recipe:
 *   1. dE/dŷ   2. dE/dz_ŷ   3. dE/dW² (and dE/dB²)   4. dE/dh   5. dE/dz_h
 *   6. dE/dW¹ (and dE/dB¹)   7. update all weights W ← W − α·dE/dW
 * For deeper networks steps 4–6 repeat for every hidden layer, top to bottom.
 * All values are plain number arrays, so a trace can be posted from a Web Worker or saved as JSON.
 */
import { type Matrix } from './matrix.ts';
import type { ActivationName } from './activations/index.ts';
import { getLoss, softmaxCrossEntropyBackward, type LossLike, type LossName } from './losses.ts';
import type { Network } from './network.ts';
import { SGD } from './sgd.ts';

/** Forward values of one layer: z = h_prev·W + B and h = f(z). */
export interface LayerForwardTrace {
  /** 1-based layer number, as in the slides' superscripts (W¹, W²). */
  layer: number;
  activation: ActivationName;
  weights: number[][];
  biases: number[];
  z: number[][];
  h: number[][];
}

/** Gradients of one layer. `dh` is dE/d(this layer's output h), `dz` is dE/dz. */
export interface LayerBackwardTrace {
  layer: number;
  dh: number[][];
  dz: number[][];
  dweights: number[][];
  dbiases: number[];
  /** dE/d(this layer's input), i.e. dh of the layer below. */
  dinputs: number[][];
}

/** One numbered backprop step, ready to display. */
export interface TraceStepEntry {
  /** 1–7, the slides' step number. */
  step: number;
  /** 1-based layer the step is about. */
  layer: number;
  /** Symbol such as "dE/dW²". */
  symbol: string;
  /** The slides' description. */
  description: string;
  values: number[][];
}

/** Everything that happened in one training step. */
export interface StepTrace {
  inputs: number[][];
  targets: number[][];
  lossName: LossName;
  forward: LayerForwardTrace[];
  /** ŷ. */
  prediction: number[][];
  loss: number;
  /** True when softmax + categorical cross-entropy used the fused dE/dz = (ŷ − y)/n. */
  fused: boolean;
  /** dE/dŷ = loss gradient (step 1). */
  dPrediction: number[][];
  /** Output layer first. */
  backward: LayerBackwardTrace[];
  steps: TraceStepEntry[];
  learningRate: number;
  /** Parameters after the update (step 7), layer 1 first. */
  updated: { weights: number[][]; biases: number[] }[];
}

/** Options for traceStep. */
export interface TraceOptions {
  loss: LossLike;
  /** Optimiser whose rule (decay, momentum) to apply; default plain SGD with `learningRate`. */
  optimizer?: SGD;
  /** Learning rate for the default optimiser (default 0.1). */
  learningRate?: number;
  /** Actually update `network` (and `optimizer`); default false: works on copies and leaves both untouched. */
  apply?: boolean;
}

const SUPERSCRIPTS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
function sup(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPTS[Number(d)])
    .join('');
}

/**
 * One forward pass, loss, backward pass and update of `network` on (inputs, targets), with every
 * intermediate value recorded. By default nothing is mutated (see TraceOptions.apply).
 */
export function traceStep(network: Network, inputs: Matrix, targets: Matrix, options: TraceOptions): StepTrace {
  const apply = options.apply ?? false;
  const net = apply ? network : network.clone();
  const given = options.optimizer;
  const optimizer = given ? (apply ? given : given.clone()) : new SGD({ learningRate: options.learningRate ?? 0.1 });
  const lossFn = getLoss(options.loss);
  const L = net.layers.length;

  // Forward pass, recording z and h of every layer.
  const forward: LayerForwardTrace[] = [];
  let h = inputs;
  for (let i = 0; i < L; i++) {
    const layer = net.layers[i]!;
    const activation = net.activations[i]!;
    const z = layer.forward(h);
    h = activation.forward(z);
    forward.push({
      layer: i + 1,
      activation: activation.name,
      weights: layer.weights.toArray(),
      biases: Array.from(layer.biases.data),
      z: z.toArray(),
      h: h.toArray(),
    });
  }
  const prediction = h;
  const loss = lossFn.calculate(prediction, targets);

  // Backward pass, output layer first.
  const dPrediction = lossFn.backward(prediction, targets);
  const fused = lossFn.name === 'categorical-cross-entropy' && net.activations.at(-1)?.name === 'softmax';
  const backward: LayerBackwardTrace[] = [];
  const steps: TraceStepEntry[] = [];
  let dh: Matrix = dPrediction;
  for (let i = L - 1; i >= 0; i--) {
    const layerNo = i + 1;
    const isOutput = i === L - 1;
    const layer = net.layers[i]!;
    const dz =
      isOutput && fused ? softmaxCrossEntropyBackward(prediction, targets) : net.activations[i]!.backward(dh).clone();
    const dinputs = layer.backward(dz).clone();
    const entry: LayerBackwardTrace = {
      layer: layerNo,
      dh: dh.toArray(),
      dz: dz.toArray(),
      dweights: layer.dweights.toArray(),
      dbiases: Array.from(layer.dbiases.data),
      dinputs: dinputs.toArray(),
    };
    backward.push(entry);
    if (isOutput) {
      steps.push({
        step: 1,
        layer: layerNo,
        symbol: 'dE/dŷ',
        description: 'Gradient of the error w.r.t. the output node ŷ',
        values: entry.dh,
      });
      steps.push({
        step: 2,
        layer: layerNo,
        symbol: 'dE/dz_ŷ',
        description: 'Gradient of the error w.r.t. the input to ŷ (z_ŷ)',
        values: entry.dz,
      });
      steps.push({
        step: 3,
        layer: layerNo,
        symbol: `dE/dW${sup(layerNo)}`,
        description: 'Gradient of the error w.r.t. the output weights',
        values: entry.dweights,
      });
      steps.push({
        step: 3,
        layer: layerNo,
        symbol: `dE/dB${sup(layerNo)}`,
        description: 'Gradient of the error w.r.t. the output biases',
        values: [entry.dbiases],
      });
    } else {
      steps.push({
        step: 4,
        layer: layerNo,
        symbol: `dE/dh${sup(layerNo)}`,
        description: 'Gradient of the error w.r.t. the output of the hidden nodes h',
        values: entry.dh,
      });
      steps.push({
        step: 5,
        layer: layerNo,
        symbol: `dE/dz${sup(layerNo)}`,
        description: 'Gradient of the error w.r.t. the inputs to the hidden nodes z_h',
        values: entry.dz,
      });
      steps.push({
        step: 6,
        layer: layerNo,
        symbol: `dE/dW${sup(layerNo)}`,
        description: 'Gradient of the error w.r.t. the hidden weights',
        values: entry.dweights,
      });
      steps.push({
        step: 6,
        layer: layerNo,
        symbol: `dE/dB${sup(layerNo)}`,
        description: 'Gradient of the error w.r.t. the hidden biases',
        values: [entry.dbiases],
      });
    }
    dh = dinputs;
  }

  // Step 7: update every layer.
  optimizer.step(net.layers);
  const updated = net.layers.map((layer) => ({
    weights: layer.weights.toArray(),
    biases: Array.from(layer.biases.data),
  }));
  updated.forEach((u, i) => {
    steps.push({
      step: 7,
      layer: i + 1,
      symbol: `W${sup(i + 1)} ← W${sup(i + 1)} − α·dE/dW${sup(i + 1)}`,
      description: 'Updated weights',
      values: u.weights,
    });
    steps.push({
      step: 7,
      layer: i + 1,
      symbol: `B${sup(i + 1)} ← B${sup(i + 1)} − α·dE/dB${sup(i + 1)}`,
      description: 'Updated biases',
      values: [u.biases],
    });
  });

  return {
    inputs: inputs.toArray(),
    targets: targets.toArray(),
    lossName: lossFn.name,
    forward,
    prediction: prediction.toArray(),
    loss,
    fused,
    dPrediction: dPrediction.toArray(),
    backward,
    steps,
    learningRate: optimizer.currentLearningRate,
    updated,
  };
}
