/**
 * Everything the logic-gates widget shows, derived with the engine (lib/): the truth table of
 * AND, OR or XOR as a data set, a sigmoid network (one neuron, or 2-2-1) trained on it with
 * binary cross-entropy by full-batch gradient descent, the network's output over the view as a
 * heat map (GridPredictor, reusing its buffers), the four points with their targets, and the
 * sentences that say when training converged or got stuck.
 */
import { GridPredictor, Network, SGD, Trainer, logicGate, type GateName, type Matrix } from '@lib';
import { fmt, fmtTex } from '~/util/format';
import type { StopCheck } from '../shared/useTrainingLoop';
import type { LogicGatesState } from './state';

/** The view shows [−0.5, 1.5]² around the unit square. */
export const VIEW = [-0.5, 1.5] as const;
/** Heat-map cells across the view (each 1/32 wide)… */
export const CELLS = 64;
/** …plus this many cells beyond each edge, so that the ŷ = 0.5 contour runs off the view instead of along its edges (they are clipped). */
export const PAD = 2;
/** Grid points per axis of the heat map. */
export const GRID = CELLS + 2 * PAD;
const CELL = (VIEW[1] - VIEW[0]) / CELLS;
/** The area the heat map covers: the view and PAD cells around it. */
export const EXTENT = [VIEW[0] - PAD * CELL, VIEW[1] + PAD * CELL] as const;
/** Momentum of the optimiser (the engine's tested XOR recipe). */
export const MOMENTUM = 0.9;
/** Initial weights ~ U(−1, 1) (the engine's tested XOR recipe); biases start at 0. */
export const INIT_RANGE = 1;
export const MAX_EPOCHS = 2000;
/** Learned: every point right and the mean binary cross-entropy below this. */
export const TARGET_LOSS = 0.05;
/** Stuck: after PLATEAU_MIN epochs, the loss fell by less than PLATEAU_DROP over the last PLATEAU_WINDOW epochs. */
export const PLATEAU_MIN = 150;
export const PLATEAU_WINDOW = 50;
export const PLATEAU_DROP = 1e-3;
/** Animation pace: slow enough to watch the boundary move. */
export const EPOCHS_PER_SECOND = 40;

export const GATE_LABEL: Record<GateName, string> = {
  and: 'AND',
  or: 'OR',
  xor: 'XOR',
};
export const ARCH_LABEL: Record<LogicGatesState['arch'], string> = {
  neuron: 'single neuron',
  '2-2-1': '2-2-1 network',
};

export function makeNetwork(arch: LogicGatesState['arch'], seed: number): Network {
  const layers =
    arch === 'neuron'
      ? [{ neurons: 1, activation: 'sigmoid' as const }]
      : [
          { neurons: 2, activation: 'sigmoid' as const },
          { neurons: 1, activation: 'sigmoid' as const },
        ];
  return Network.create({
    inputs: 2,
    layers,
    seed,
    weightInit: { uniform: INIT_RANGE },
  });
}

/** A fresh run for the state: the gate's truth table, the network, BCE, full batch, momentum 0.9. */
export function makeTrainer(s: LogicGatesState): Trainer {
  const data = logicGate(s.gate);
  return new Trainer({
    network: makeNetwork(s.arch, s.seed),
    optimizer: new SGD({ learningRate: s.lr, momentum: MOMENTUM }),
    loss: 'binary-cross-entropy',
    xTrain: data.x,
    yTrain: data.y,
  });
}

/** The settings a run depends on (a new key starts a fresh run). */
export function runKey(s: LogicGatesState): string {
  return `${s.gate}|${s.arch}|${s.lr}|${s.seed}`;
}

export interface GatePoint {
  x1: number;
  x2: number;
  target: 0 | 1;
  /** The network's output ŷ = P(y = 1). */
  yhat: number;
  predicted: 0 | 1;
  wrong: boolean;
}

/** The four corners with their targets and the network's current answers. */
export function gatePoints(network: Network, x: Matrix, y: Matrix): GatePoint[] {
  const out = network.forward(x);
  const points: GatePoint[] = [];
  for (let i = 0; i < x.rows; i++) {
    const yhat = out.get(i, 0);
    const target = y.get(i, 0) === 1 ? 1 : 0;
    const predicted = yhat > 0.5 ? 1 : 0;
    points.push({
      x1: x.get(i, 0),
      x2: x.get(i, 1),
      target,
      yhat,
      predicted,
      wrong: predicted !== target,
    });
  }
  return points;
}

/** Grid coordinates along each axis: the centres of GRID equal cells across EXTENT (the raster's pixel centres). */
export const AXIS: Float64Array = (() => {
  const a = new Float64Array(GRID);
  for (let i = 0; i < GRID; i++) a[i] = EXTENT[0] + (i + 0.5) * CELL;
  return a;
})();

function cell(v: number): number {
  const i = Math.floor((v - EXTENT[0]) / CELL);
  return i < 0 ? 0 : i >= GRID ? GRID - 1 : i;
}

/**
 * The network's output over EXTENT, GRID × GRID values in one reused array (row j = AXIS[j]
 * for x₂, column i = AXIS[i] for x₁), which the heat map and its contour draw
 * (src/charts/grid-marks.ts). `at(x₁, x₂)` reads the cell under a point.
 */
export class HeatMap {
  readonly values = new Float64Array(GRID * GRID);
  private readonly predictor: GridPredictor;

  constructor(network: Network) {
    this.predictor = new GridPredictor(network);
  }

  update(): Float64Array {
    return this.predictor.predict(AXIS, AXIS, this.values);
  }

  readonly at = (x1: number, x2: number): number => this.values[cell(x2) * GRID + cell(x1)]!;
}

export interface Segment {
  /** Which neuron: 0 for the single neuron, 1, 2 for the hidden neurons. */
  neuron: number;
  a: { x1: number; x2: number };
  b: { x1: number; x2: number };
}

/** The line w₁x₁ + w₂x₂ + b = 0 clipped to the view, or undefined when it misses it (or w = 0). */
export function clipLine(
  w1: number,
  w2: number,
  b: number,
  lo: number = VIEW[0],
  hi: number = VIEW[1],
): [{ x1: number; x2: number }, { x1: number; x2: number }] | undefined {
  const eps = 1e-12;
  const found: { x1: number; x2: number }[] = [];
  if (Math.abs(w2) > eps) {
    for (const x1 of [lo, hi]) {
      const x2 = -(w1 * x1 + b) / w2;
      if (x2 >= lo - eps && x2 <= hi + eps) found.push({ x1, x2 });
    }
  }
  if (Math.abs(w1) > eps) {
    for (const x2 of [lo, hi]) {
      const x1 = -(w2 * x2 + b) / w1;
      if (x1 >= lo - eps && x1 <= hi + eps) found.push({ x1, x2 });
    }
  }
  let best: [{ x1: number; x2: number }, { x1: number; x2: number }] | undefined;
  let longest = 1e-9;
  for (let i = 0; i < found.length; i++) {
    for (let j = i + 1; j < found.length; j++) {
      const d = Math.hypot(found[i]!.x1 - found[j]!.x1, found[i]!.x2 - found[j]!.x2);
      if (d > longest) {
        longest = d;
        best = [found[i]!, found[j]!];
      }
    }
  }
  return best;
}

/**
 * The line where each first-layer neuron's weighted sum is 0 (its output is 0.5). For the single
 * neuron that is the decision boundary itself; for 2-2-1 they are the two hidden neurons' lines.
 */
export function firstLayerLines(network: Network): Segment[] {
  const layer = network.layers[0]!;
  const out: Segment[] = [];
  for (let j = 0; j < layer.nNeurons; j++) {
    const seg = clipLine(layer.weights.get(0, j), layer.weights.get(1, j), layer.biases.get(0, j));
    if (seg)
      out.push({
        neuron: network.layers.length === 1 ? 0 : j + 1,
        a: seg[0],
        b: seg[1],
      });
  }
  return out;
}

/** After a stall: what it means, for the reader. */
export function stallMessage(s: Pick<LogicGatesState, 'gate' | 'arch'>, loss: number, correct: number): string {
  if (correct === 4) return `All four points are right; the loss (${fmt(loss, 3)}) now falls only slowly.`;
  if (s.arch === 'neuron' && s.gate === 'xor') {
    return (
      `Stuck: the loss has stopped falling at ${fmt(loss, 3)}, about ln 2 ≈ 0.693 — the loss of answering 0.5 for every point. ` +
      `No straight line puts XOR's two 1s on one side and its two 0s on the other, so a single neuron cannot do better. Try the 2-2-1 network.`
    );
  }
  return `Stuck: the loss has stopped falling at ${fmt(loss, 3)} with ${correct} of 4 points right. Gradient descent has settled in a local minimum; try another seed.`;
}

/** Converged (all right and loss below TARGET_LOSS) or stalled (the loss stopped falling). */
export function stopCheck(s: Pick<LogicGatesState, 'gate' | 'arch'>): StopCheck {
  return (trainer, record) => {
    const correct = Math.round((record.accuracy ?? 0) * trainer.xTrain.rows);
    if (correct === trainer.xTrain.rows && record.loss < TARGET_LOSS) {
      return {
        kind: 'converged',
        message: `Learned: all four points right and the loss is below ${TARGET_LOSS} after ${record.epoch} epochs.`,
      };
    }
    const history = trainer.history.epochs;
    if (history.length >= PLATEAU_MIN) {
      const earlier = history[history.length - 1 - PLATEAU_WINDOW]!.loss;
      if (earlier - record.loss < PLATEAU_DROP) {
        return {
          kind: correct === 4 ? 'converged' : 'stalled',
          message: stallMessage(s, record.loss, correct),
        };
      }
    }
    return undefined;
  };
}

/** Trains a fresh run to its end without animation (tests, and the reference for the widget). */
export function trainToEnd(s: LogicGatesState): {
  trainer: Trainer;
  stop: ReturnType<StopCheck> | 'max-epochs';
} {
  const trainer = makeTrainer(s);
  const check = stopCheck(s);
  while (trainer.epochCount < MAX_EPOCHS) {
    const outcome = trainer.epoch();
    if (outcome.status === 'diverged') throw new Error(`unexpected divergence: ${outcome.reason}`);
    const verdict = check(trainer, outcome.record);
    if (verdict) return { trainer, stop: verdict };
  }
  return { trainer, stop: 'max-epochs' };
}

/** "+ 0.25" / "- 0.25" for KaTeX. */
function signed(x: number): string {
  return x < 0 ? `- ${fmtTex(-x)}` : `+ ${fmtTex(x)}`;
}

/** The network as equations with its current numbers. */
export function equationTex(network: Network): string {
  const [first, second] = network.layers;
  const w = (j: number) =>
    `${fmtTex(first!.weights.get(0, j))}\\,x_1 ${signed(first!.weights.get(1, j))}\\,x_2 ${signed(first!.biases.get(0, j))}`;
  if (!second) return `\\hat{y} = \\sigma(${w(0)})`;
  const v1 = second.weights.get(0, 0);
  const v2 = second.weights.get(1, 0);
  return (
    `\\begin{aligned} h_1 &= \\sigma(${w(0)}) \\\\ h_2 &= \\sigma(${w(1)}) \\\\ ` +
    `\\hat{y} &= \\sigma(${fmtTex(v1)}\\,h_1 ${signed(v2)}\\,h_2 ${signed(second.biases.get(0, 0))}) \\end{aligned}`
  );
}
