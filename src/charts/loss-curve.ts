import * as Plot from '@observablehq/plot';
import type { ChartOptions } from './plot';
import { sig } from '~/util/format';

/**
 * The one loss-curve chart: loss against epochs, the newest point marked, an optional
 * reference line with a label (e.g. "ln 2: ŷ = 0.5 everywhere", "best straight line"), linear
 * or log scale. Every training widget draws its curve with this, through `LossChart`
 * (`~/widgets/shared/LossChart`).
 *
 * A training widget changes its curve on every frame, so the chart comes in two parts: the axes
 * (`LossChartSpec.axes`: plain data, drawn by Plot only when they change — the ends of the axes
 * are rounded up in steps so they change rarely) and the curves (`LossChartSpec.lines`, drawn in
 * the chart's overlay in place).
 */
export interface LossCurve {
  /** One row per epoch; non-finite (and, on a log scale, non-positive) losses are left out. */
  history: readonly { epoch: number; loss: number }[];
  /** Epochs run so far: the x axis grows with it (at least `minEpochs`). */
  epochs: number;
  minEpochs: number;
  width: number;
  alt: string;
  label: string;
  color: string;
  /** Smallest top of the y axis. */
  minTop: number;
  log?: { floor: number };
  reference?: { value: number; label: string; color: string; dash: string };
  style?: Record<string, string>;
  marginLeft?: number;
  /** Label of the x axis (default "epoch"). */
  xLabel?: string;
  /**
   * More curves on the same axes, drawn under the main one (e.g. the test loss, or a pinned run
   * to compare with): give each a dash or width as well as a colour, and name them in a legend.
   * They count towards the top of the y axis.
   */
  series?: readonly LossSeries[];
}

/** An extra curve of a loss chart (see `LossCurve.series`). */
export interface LossSeries {
  history: readonly { epoch: number; loss: number }[];
  color: string;
  /** SVG stroke-dasharray, e.g. "6 4". */
  dash?: string;
  /** Stroke width (default 2). */
  width?: number;
  /** Mark the newest point with a dot (default: no). */
  dot?: boolean;
  /** A name written along the curve (once it has a few points), at this fraction of its points (0 = first, 1 = newest). */
  name?: { text: string; at: number };
}

/** What sets a loss chart's axes: plain data, compared by `axesKey` to decide whether to redraw. */
export interface LossAxes {
  xMax: number;
  xLabel: string;
  top: number;
  label: string;
  width: number;
  log?: { floor: number };
  reference?: { value: number; label: string; color: string; dash: string };
  style?: Record<string, string>;
  marginLeft: number;
}

/** One curve of the overlay, in data coordinates. */
export interface LossLine {
  points: [number, number][];
  color: string;
  width: number;
  dash?: string | undefined;
  dot: boolean;
  name?: { text: string; point: [number, number] };
}

export interface LossChartSpec {
  axes: LossAxes;
  /** Changes exactly when `axes` does. */
  key: string;
  /** Drawn in order (the last on top). */
  lines: LossLine[];
  alt: string;
}

const STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ᵏ that is ≥ v (v itself if not positive). */
export function stepUp(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return v;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const s of STEPS) if (s * p >= v * (1 - 1e-12)) return Number((s * p).toPrecision(12));
  return 10 * p;
}

/**
 * The end of an axis that must show 0 … `need`, given the end shown so far (none before the first
 * drawing): kept while `need` fits under it and reaches at least 60 % of it, so a control nudged
 * back and forth does not move the axis and the Plot chart is not drawn again. Past it, the axis
 * grows to `stepUp` of a little more than `need` (20 → 25, 1.05 → 1.2, 41 → 50), leaving room for
 * the next presses, but not past `max` (the control's end). Drawn for the first time, or shrunk,
 * it ends at `need` itself. The same number comes back when it is kept.
 */
export function keepAxisEnd(shown: number | undefined, need: number, max: number): number {
  if (shown === undefined) return need;
  // A slider's rounding noise (0.1 + 0.2) is not leaving the axis.
  if (need > shown * (1 + 1e-9)) return Math.max(need, Math.min(max, stepUp(need * 1.01)));
  return need >= 0.6 * shown ? shown : need;
}

/** The end of an axis: `min` while the data fits in it, else the data's end rounded up in steps. */
const axisEnd = (min: number, v: number) => (v <= min ? min : stepUp(v));

export function lossCurve(c: LossCurve): LossChartSpec {
  const usable = (r: { loss: number }) => Number.isFinite(r.loss) && (!c.log || r.loss > 0);
  const main: LossSeries = { history: c.history, color: c.color, dot: true };
  const series = [...(c.series ?? []), main];
  let top = -Infinity;
  const lines: LossLine[] = series.map((s) => {
    const points: [number, number][] = [];
    for (const r of s.history) {
      if (!usable(r)) continue;
      points.push([r.epoch, r.loss]);
      if (r.loss > top) top = r.loss;
    }
    // A name needs a few points to stand on.
    const at = s.name && points.length >= 6 ? points[Math.round((points.length - 1) * s.name.at)] : undefined;
    return {
      points,
      color: s.color,
      width: s.width ?? 2,
      dash: s.dash,
      dot: !!s.dot,
      ...(s.name && at ? { name: { text: s.name.text, point: at } } : {}),
    };
  });
  const axes: LossAxes = {
    xMax: axisEnd(c.minEpochs, c.epochs),
    xLabel: c.xLabel ?? 'epoch',
    top: axisEnd(c.minTop, top),
    label: c.label,
    width: c.width,
    marginLeft: c.marginLeft ?? 44,
    ...(c.log ? { log: c.log } : {}),
    ...(c.reference ? { reference: c.reference } : {}),
    ...(c.style ? { style: c.style } : {}),
  };
  return { axes, key: JSON.stringify(axes), lines, alt: c.alt };
}

/** The Plot chart of a loss chart's axes: frame, ticks, grid and the reference line — no curves. */
export function lossAxesOptions(a: LossAxes, alt: string): ChartOptions {
  const y = a.log
    ? {
        type: 'log' as const,
        domain: [a.log.floor, a.top],
        label: a.label,
        ticks: 4,
        tickFormat: (v: number) => sig(v),
      }
    : { domain: [0, a.top], label: a.label, ticks: 4 };
  const ref = a.reference;
  return {
    alt,
    width: a.width,
    height: 170,
    ...(a.style ? { style: a.style } : {}),
    marginLeft: a.marginLeft,
    marginBottom: 36,
    marginTop: 24,
    marginRight: 16,
    x: { domain: [0, a.xMax], label: a.xLabel },
    y,
    marks: [
      a.log ? null : Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.7, ticks: 4 }),
      ref ? Plot.ruleY([ref.value], { stroke: ref.color, strokeDasharray: ref.dash, strokeWidth: 1.5 }) : null,
      ref
        ? Plot.text([ref.value], {
            y: (v: number) => v,
            frameAnchor: 'right',
            text: () => ref.label,
            dy: -8,
            dx: -4,
            textAnchor: 'end',
            fill: ref.color,
            fontSize: 11,
          })
        : null,
    ],
  };
}

/**
 * At most about `max` evenly spaced items of a long history (the first and the last kept), so a
 * curve of 10,000 epochs costs no more to draw than one of 500.
 */
export function thin<T>(items: readonly T[], max = 500): T[] {
  if (items.length <= max) return items.slice();
  const stride = Math.ceil(items.length / max);
  const out: T[] = [];
  for (let i = 0; i < items.length; i += stride) out.push(items[i]!);
  if (out[out.length - 1] !== items[items.length - 1]) out.push(items[items.length - 1]!);
  return out;
}
