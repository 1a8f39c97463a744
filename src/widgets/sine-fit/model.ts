/**
 * Everything the sine-fit widget shows, derived with the engine (lib/): the data (201 evenly
 * spaced points of sin x on [0, 2π], as in the lecture's figures), the best straight line,
 * networks of linear units (which always multiply out to one straight line) and trained 1-n-1
 * ReLU networks whose kinks start inside [0, 2π]; the error (MSE), each unit's contribution, and
 * the sentences that say how a run ended. The hinges set by hand are in `hinges.ts`.
 */
import { Matrix, Network, SGD, Trainer, add, linspace, matmul, meanSquaredError, sine, type Dataset } from '@lib';
import { fmt, fmtTex, num } from '~/util/format';
import type { StopCheck } from '../shared/useTrainingLoop';
import type { SineFitState } from './state';

export const TWO_PI = 2 * Math.PI;
/** The training data: 201 evenly spaced points of sin x on [0, 2π] (the lecture's figures use the same). */
export const DATA: Dataset = sine(201);
export const MOMENTUM = 0.9;
export const MAX_EPOCHS = 3000;
/** Animation pace: a full run takes about five seconds. */
export const EPOCHS_PER_SECOND = 600;
/** Stalled: the loss fell by less than STALL_DROP over the last STALL_WINDOW epochs. */
export const STALL_WINDOW = 300;
export const STALL_DROP = 1e-6;

/** The x ranges the chart can show: the sine's [0, 2π], or the slide's close-up around 0. */
export const VIEWS = {
  sine: [0, TWO_PI],
  slide: [-0.2, 0.35],
} as const satisfies Record<SineFitState['view'], readonly [number, number]>;
export const Y_DOMAIN = [-1.6, 1.6] as const;

/** The least-squares straight line through the data: the best any network of linear units can do. */
export const LINE = bestLine(DATA.x, DATA.y);

export function bestLine(x: Matrix, y: Matrix): { slope: number; intercept: number; mse: number } {
  const n = x.rows;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x.data[i]! / n;
    my += y.data[i]! / n;
  }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x.data[i]! - mx) * (y.data[i]! - my);
    sxx += (x.data[i]! - mx) ** 2;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const pred = Matrix.column(Array.from(x.data, (v) => slope * v + intercept));
  return { slope, intercept, mse: meanSquaredError(pred, y) };
}

/** Mean squared error of a network on the data. */
export function mseOf(network: Network): number {
  return meanSquaredError(network.forward(DATA.x), DATA.y);
}

/** The trainable network of a mode: linear units in `layers` hidden layers, or one hidden layer of ReLUs with kinks drawn inside [0, 2π]. */
export function makeNetwork(s: Pick<SineFitState, 'mode' | 'layers' | 'units' | 'seed'>): Network {
  if (s.mode === 'linear') {
    return Network.create({
      inputs: 1,
      layers: [
        ...Array.from({ length: s.layers }, () => ({
          neurons: s.units,
          activation: 'linear' as const,
        })),
        { neurons: 1, activation: 'linear' },
      ],
      seed: s.seed,
    });
  }
  return Network.create({
    inputs: 1,
    layers: [
      {
        neurons: s.units,
        activation: 'relu',
        biasInit: { kinksIn: [0, TWO_PI] },
      },
      { neurons: 1, activation: 'linear' },
    ],
    seed: s.seed,
  });
}

/** A fresh run: the network, mean squared error, full batch, SGD with momentum 0.9. */
export function makeTrainer(s: SineFitState): Trainer {
  return new Trainer({
    network: makeNetwork(s),
    optimizer: new SGD({ learningRate: s.lr, momentum: MOMENTUM }),
    loss: 'mse',
    xTrain: DATA.x,
    yTrain: DATA.y,
  });
}

/** The settings a training run depends on (hand-set hinges are not among them). */
export function runKey(s: SineFitState): string {
  const mode = s.mode === 'hand' ? 'relu' : s.mode;
  return `${mode}|${mode === 'linear' ? s.layers : 1}|${s.units}|${s.lr}|${s.seed}`;
}

/**
 * A network of linear units computes ŷ = x·W¹W²…Wᴸ + ((B¹W² + B²)W³ + …): one slope and one
 * intercept. Multiplied out with the engine's matrices.
 */
export function collapseLinear(network: Network): {
  slope: number;
  intercept: number;
} {
  if (network.activationNames.some((a) => a !== 'linear'))
    throw new Error('collapseLinear: every layer must be linear');
  let w = network.layers[0]!.weights;
  let b = network.layers[0]!.biases;
  for (const layer of network.layers.slice(1)) {
    w = matmul(w, layer.weights);
    b = add(matmul(b, layer.weights), layer.biases);
  }
  return { slope: w.get(0, 0), intercept: b.get(0, 0) };
}

/** x positions to draw a curve on: evenly spaced over the view, plus the exact kinks inside it (so corners are sharp). */
export function samplePoints(view: readonly [number, number], kinks: readonly number[] = [], n = 241): Float64Array {
  const xs = Array.from(linspace(view[0], view[1], n));
  for (const k of kinks) if (k > view[0] && k < view[1]) xs.push(k);
  return Float64Array.from(xs.sort((a, b) => a - b));
}

/** Where each unit of the (one) ReLU layer bends: x = −b/w (undefined when w = 0). */
export function kinksOf(network: Network): (number | undefined)[] {
  const layer = network.layers[0]!;
  return Array.from({ length: layer.nNeurons }, (_, j) => {
    const w = layer.weights.get(0, j);
    return w === 0 ? undefined : -layer.biases.get(0, j) / w;
  });
}

/** How many units of the last hidden layer are active (output > 0) for at least one data point. */
export function activeUnits(network: Network): number {
  if (network.layers.length < 2) return 0;
  network.forward(DATA.x);
  const h = network.activations[network.layers.length - 2]!.output;
  let active = 0;
  for (let j = 0; j < h.cols; j++) {
    for (let i = 0; i < h.rows; i++) {
      if (h.data[i * h.cols + j]! > 0) {
        active++;
        break;
      }
    }
  }
  return active;
}

/** A network's curve over `xs`, and each unit's share of it: unit k of the last hidden layer contributes v_k·h_k(x). */
export interface Curves {
  xs: Float64Array;
  yhat: Float64Array;
  /** Contributions, unit after unit: parts[k·xs.length + i] = v_k·h_k(xs[i]). */
  parts: Float64Array;
  /** Unit index of each entry of `parts`. */
  unit: Int32Array;
  units: number;
  /** The output bias (the constant part of the sum). */
  bias: number;
}

export function curves(network: Network, xs: Float64Array): Curves {
  const n = xs.length;
  const out = network.forward(new Matrix(n, 1, xs));
  const yhat = Float64Array.from(out.data);
  const last = network.layers[network.layers.length - 1]!;
  const units = network.layers.length > 1 ? last.nInputs : 0;
  const parts = new Float64Array(units * n);
  const unit = new Int32Array(units * n);
  if (units) {
    const h = network.activations[network.layers.length - 2]!.output;
    for (let k = 0; k < units; k++) {
      const v = last.weights.get(k, 0);
      for (let i = 0; i < n; i++) {
        parts[k * n + i] = v * h.data[i * units + k]!;
        unit[k * n + i] = k;
      }
    }
  }
  return { xs, yhat, parts, unit, units, bias: last.biases.get(0, 0) };
}

/** An MSE for people: three decimals when ≥ 0.01, else two significant digits (a power of ten below 0.001). */
export function fmtMse(x: number): string {
  if (x === 0) return '0';
  return num(x, 3);
}

/**
 * How the error compares with the best straight line's, in words. `epochs` is the number of epochs
 * trained in a trained mode: at 0 the network still has its random start weights, and comparing
 * them with the line would read as a verdict on training that has not happened yet.
 */
export function compareWithLine(mse: number, epochs?: number): string {
  if (!Number.isFinite(mse)) return '';
  if (epochs === 0) return `not trained yet (the best straight line reaches ${fmtMse(LINE.mse)})`;
  const ratio = LINE.mse / mse;
  if (Math.abs(mse - LINE.mse) < 1e-4) return `the same as the best straight line (${fmtMse(LINE.mse)})`;
  if (mse > LINE.mse) return `worse than the best straight line (${fmtMse(LINE.mse)})`;
  return `${ratio >= 10 ? Math.round(ratio) : fmt(ratio, 1)} times smaller than the best straight line's ${fmtMse(LINE.mse)}`;
}

/** Stop rule: the loss stopped falling. The sentence depends on the mode and on what is left of the network. */
export function stopCheck(s: Pick<SineFitState, 'mode' | 'units' | 'layers'>): StopCheck {
  return (trainer, record) => {
    const history = trainer.history.epochs;
    if (history.length <= STALL_WINDOW) return undefined;
    const earlier = history[history.length - 1 - STALL_WINDOW]!.loss;
    if (earlier - record.loss >= STALL_DROP) return undefined;
    return {
      kind: 'stalled',
      message: stallMessage(s, trainer.network, record.loss),
    };
  };
}

export function stallMessage(
  s: Pick<SineFitState, 'mode' | 'units' | 'layers'>,
  network: Network,
  loss: number,
): string {
  if (s.mode === 'linear') {
    const shape = `${s.layers} hidden layer${s.layers > 1 ? 's' : ''} of ${s.units} linear unit${s.units > 1 ? 's' : ''}`;
    return (
      `Stuck on a straight line: the error stopped falling at ${fmtMse(loss)}, ${compareWithLine(loss)}. ` +
      `With ${shape} the weights still multiply out to one slope and one intercept; more linear units or layers cannot bend it.`
    );
  }
  const active = activeUnits(network);
  if (active === 0) {
    return `Every ReLU unit is off for all x in [0, 2π], so the network outputs a constant (error ${fmtMse(loss)}) and cannot learn any more. Try another seed or more units.`;
  }
  if (loss > LINE.mse) {
    return `Stuck at an error of ${fmtMse(loss)}, ${compareWithLine(loss)}: only ${active} of ${s.units} units are active on the data. Try another seed or more units.`;
  }
  return `The error stopped falling at ${fmtMse(loss)}, ${compareWithLine(loss)}, with ${active} of ${s.units} units active.`;
}

export function maxEpochsMessage(s: Pick<SineFitState, 'mode' | 'units'>, loss: number): string {
  if (s.mode === 'linear')
    return `Stopped after ${MAX_EPOCHS} epochs at an error of ${fmtMse(loss)}, ${compareWithLine(loss)}.`;
  return `Done: ${MAX_EPOCHS} epochs. With ${s.units} ReLU unit${s.units > 1 ? 's' : ''} the error is ${fmtMse(loss)}, ${compareWithLine(loss)}.`;
}

/** Trains a fresh run to its end without animation (tests). */
export function trainToEnd(s: SineFitState): {
  trainer: Trainer;
  stopped: 'stalled' | 'max-epochs' | 'diverged';
} {
  const trainer = makeTrainer(s);
  const check = stopCheck(s);
  while (trainer.epochCount < MAX_EPOCHS) {
    const r = trainer.epoch();
    if (r.status === 'diverged') return { trainer, stopped: 'diverged' };
    if (check(trainer, r.record)) return { trainer, stopped: 'stalled' };
  }
  return { trainer, stopped: 'max-epochs' };
}

/** A term with its sign for a sum in TeX: "+ 0.50", "- 0.50". */
export function signed(x: number, digits = 2): string {
  return x < 0 ? `- ${fmtTex(-x, digits)}` : `+ ${fmtTex(x, digits)}`;
}

/** ŷ = a·x + b, the straight line a linear network collapses to. */
export function lineTex(line: { slope: number; intercept: number }): string {
  return `\\hat{y} = ${fmtTex(line.slope, 3)}\\,x ${signed(line.intercept, 3)}`;
}
