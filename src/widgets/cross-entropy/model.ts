/**
 * Everything the cross-entropy widget shows: the loss of the current prediction from the engine
 * (`categoricalCrossEntropy`, `binaryCrossEntropy`, both clipping to [1e-7, 1 − 1e-7]) and the
 * same without clipping (−log p, which is Infinity at p = 0), the −log p curves, the slides'
 * blue and yellow predictions, and the renormalisation that keeps a reader's distribution summing to 1.
 */
import { CLIP_EPSILON, Matrix, binaryCrossEntropy, categoricalCrossEntropy, clip, oneHot } from '@lib';
import type { CrossEntropyState } from './state';

export const CLASSES = ['Dog', 'Pear', 'House', 'Grass'] as const;

/** The slides' example predictions (true class Pear), as given there to three decimals. */
export const PRESETS = {
  blue: [0.232, 0.301, 0.233, 0.233],
  yellow: [0.059, 0.789, 0.065, 0.087],
  uniform: [0.25, 0.25, 0.25, 0.25],
} as const satisfies Record<string, readonly number[]>;

/** The largest loss clipping allows: −log(1e-7) ≈ 16.118. */
export const LOSS_CAP = -Math.log(CLIP_EPSILON);

/** The engine's categorical cross-entropy of one prediction (clipped). */
export function categoricalLoss(probs: readonly number[], trueClass: number): number {
  return categoricalCrossEntropy(Matrix.from([[...probs]]), oneHot([trueClass], probs.length));
}

/** The engine's binary cross-entropy of one sigmoid output (clipped). */
/** The loss of each example prediction when the true class is Pear (the slides' blue and yellow). */
export const PRESET_LOSS = {
  blue: categoricalLoss(PRESETS.blue, 1),
  yellow: categoricalLoss(PRESETS.yellow, 1),
  uniform: categoricalLoss(PRESETS.uniform, 1),
};

export function binaryLoss(yhat: number, y: 0 | 1): number {
  return binaryCrossEntropy(Matrix.from([[yhat]]), Matrix.from([[y]]));
}

/** −log p without clipping: Infinity at p = 0. */
export function rawLoss(p: number): number {
  return -Math.log(p);
}

export interface Result {
  mode: 'categorical' | 'binary';
  /** Name of the true class (categorical) or "y = 1" / "y = 0". */
  trueName: string;
  /** The probability the prediction gives to the true class. */
  pTrue: number;
  /** That probability after clipping to [1e-7, 1 − 1e-7]. */
  pClipped: number;
  /** The loss as the widget currently computes it (clipped or not). */
  loss: number;
  clippedLoss: number;
  rawLoss: number;
  /** Whether clipping changed anything here. */
  clipMatters: boolean;
  /** Sum of the predicted distribution (categorical); 1 for binary. */
  sum: number;
}

export function compute(s: CrossEntropyState): Result {
  if (s.mode === 'binary') {
    const y = s.y === '1' ? 1 : 0;
    const pTrue = y === 1 ? s.yhat : 1 - s.yhat;
    const clippedLoss = binaryLoss(s.yhat, y);
    const raw = rawLoss(pTrue);
    return result('binary', `y = ${y}`, pTrue, clippedLoss, raw, s.clip, 1);
  }
  const pTrue = s.p[s.cls]!;
  const clippedLoss = categoricalLoss(s.p, s.cls);
  const raw = rawLoss(pTrue);
  return result(
    'categorical',
    CLASSES[s.cls]!,
    pTrue,
    clippedLoss,
    raw,
    s.clip,
    s.p.reduce((a, b) => a + b, 0),
  );
}

function result(
  mode: Result['mode'],
  trueName: string,
  pTrue: number,
  clippedLoss: number,
  raw: number,
  clipped: boolean,
  sum: number,
): Result {
  const pClipped = clip(pTrue, CLIP_EPSILON, 1 - CLIP_EPSILON);
  return {
    mode,
    trueName,
    pTrue,
    pClipped,
    loss: clipped ? clippedLoss : raw,
    clippedLoss,
    rawLoss: raw,
    clipMatters: pClipped !== pTrue,
    sum,
  };
}

/**
 * Set class i's probability to v and rescale the others so that everything sums to 1: their
 * proportions are kept (or, if they are all 0, they share the rest equally), and after rounding
 * to the step (0.001) the rounding remainder goes to the largest of them, so the sum is exactly 1.
 */
export function setProbability(probs: readonly number[], i: number, v: number, step = 0.001): number[] {
  const units = Math.round(1 / step);
  const target = Math.round(Math.min(1, Math.max(0, v)) * units);
  const others = probs.map((p, j) => (j === i ? 0 : Math.max(0, p)));
  const rest = others.reduce((a, b) => a + b, 0);
  const share = others.map((p, j) => (j === i ? 0 : rest > 0 ? p / rest : 1 / (probs.length - 1)));
  const left = units - target;
  const ints = share.map((w, j) => (j === i ? target : Math.round(w * left)));
  const diff = units - ints.reduce((a, b) => a + b, 0);
  if (diff !== 0) {
    let largest = -1;
    ints.forEach((x, j) => {
      if (j !== i && (largest < 0 || x > ints[largest]!)) largest = j;
    });
    ints[largest] = ints[largest]! + diff;
  }
  return ints.map((x) => Number((x / units).toFixed(3)));
}

/** Points of −log p (and, for the binary case, −log(1 − p)) for p in [0, 1], dense near the ends. */
export function curve(clipped: boolean, branch: 'p' | 'one-minus-p' = 'p'): { p: number; loss: number }[] {
  const ps = new Set<number>();
  for (let e = -9; e < -2; e += 0.05) ps.add(10 ** e);
  for (let k = 1; k <= 200; k++) ps.add(k / 200);
  const sorted = [...ps].flatMap((p) => [p, 1 - p]).filter((p) => p > 0 && p < 1);
  sorted.push(0, 1);
  sorted.sort((a, b) => a - b);
  return sorted
    .map((p) => {
      const q = branch === 'p' ? p : 1 - p;
      const loss = clipped ? -Math.log(clip(q, CLIP_EPSILON, 1 - CLIP_EPSILON)) : -Math.log(q);
      return { p, loss };
    })
    .filter((d) => Number.isFinite(d.loss));
}

/**
 * The loss curves the chart draws as [p, loss] points: the true label's branch (`main`: −log p
 * for the categorical case and y = 1, −log(1 − p) for y = 0) and, in the binary case, the other
 * branch (`other`, empty otherwise). Losses above `yMax + 2` are cut there: the chart's frame
 * clips them, and the line still leaves the top of the chart instead of ending below it.
 */
export function lossCurves(
  mode: CrossEntropyState['mode'],
  clipped: boolean,
  y: CrossEntropyState['y'],
  yMax: number,
): { main: [number, number][]; other: [number, number][] } {
  const binary = mode === 'binary';
  const active = binary && y === '0' ? 'one-minus-p' : 'p';
  const points = (branch: 'p' | 'one-minus-p') =>
    curve(clipped, branch).map((d): [number, number] => [d.p, Math.min(d.loss, yMax + 2)]);
  return { main: points(active), other: binary ? points(active === 'p' ? 'one-minus-p' : 'p') : [] };
}
