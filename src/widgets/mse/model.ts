/**
 * Everything the mse widget shows: for each example the error y_true − y_predict and its square,
 * their sum and their mean (the mean from the engine's `meanSquaredError`), the presets, and the
 * y range of the chart.
 */
import { Matrix, meanSquaredError } from '@lib';
import type { MseState } from './state';

export interface Example {
  /** 1-based number of the example (the day). */
  i: number;
  target: number;
  prediction: number;
  /** y_true − y_predict */
  error: number;
  squared: number;
}

export interface MseResult {
  examples: Example[];
  sum: number;
  /** The engine's mean squared error over the n examples. */
  mse: number;
}

export function compute(s: MseState): MseResult {
  const n = s.n;
  const t = s.t.slice(0, n);
  const p = s.p.slice(0, n);
  const examples = t.map((target, k) => {
    const error = target - p[k]!;
    return { i: k + 1, target, prediction: p[k]!, error, squared: error * error };
  });
  const sum = examples.reduce((a, e) => a + e.squared, 0);
  const mse = meanSquaredError(Matrix.from([p]), Matrix.from([t]));
  return { examples, sum, mse };
}

export interface Preset {
  id: string;
  label: string;
  state: Pick<MseState, 'n' | 't' | 'p'>;
}

/** The slides' example first; then a week with small misses, and the same week with one big miss. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'slides',
    label: "The slides' example (23.5 vs 22.9)",
    state: { n: 1, t: [23.5, 19, 21.5, 25, 17.5], p: [22.9, 20, 21, 23.5, 18.5] },
  },
  {
    id: 'small',
    label: 'Five days, small misses',
    state: { n: 5, t: [23.5, 19, 21.5, 25, 17.5], p: [22.9, 19.5, 21, 25.5, 18] },
  },
  {
    id: 'outlier',
    label: 'Five days, one big miss',
    state: { n: 5, t: [23.5, 19, 21.5, 25, 17.5], p: [22.9, 19.5, 21, 25.5, 21.5] },
  },
];

/**
 * The chart's y range: the values with some room, at least 4 degrees tall, on whole degrees, so
 * that a small error (0.6) is still a visible square and a large one fits.
 */
export function yDomain(s: MseState): [number, number] {
  const values = [...s.t.slice(0, s.n), ...s.p.slice(0, s.n)];
  let lo = Math.floor(Math.min(...values) - 1);
  let hi = Math.ceil(Math.max(...values) + 1);
  if (hi - lo < 4) {
    const mid = (lo + hi) / 2;
    lo = Math.floor(mid - 2);
    hi = lo + 4;
  }
  return [Math.max(0, lo), Math.min(40, Math.max(hi, Math.max(0, lo) + 4))];
}

/** The handle nearest to a pointer (within `reach` pixels), or undefined. */
export function nearestHandle(
  s: MseState,
  x: number,
  y: number,
  pixelX: number,
  pixelY: number,
  reach = 16,
): { kind: 't' | 'p'; index: number } | undefined {
  let best: { kind: 't' | 'p'; index: number } | undefined;
  let bestD = reach;
  for (let k = 0; k < s.n; k++) {
    for (const kind of ['t', 'p'] as const) {
      const d = Math.hypot((x - (k + 1)) / pixelX, (y - s[kind][k]!) / pixelY);
      if (d < bestD) {
        bestD = d;
        best = { kind, index: k };
      }
    }
  }
  return best;
}

/** The mean as printed: rounded to four decimals, trailing zeros dropped but at least two decimals (0.36, 0.272, 0.1367). */
export function meanText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const [whole, decimals = ''] = Math.abs(x).toFixed(4).split('.');
  const kept = decimals.replace(/0+$/, '').padEnd(2, '0');
  const text = `${whole}.${kept}`;
  return x < 0 && Number(text) !== 0 ? `\u2212${text}` : text;
}
