import * as Plot from '@observablehq/plot';
import type { ChartOptions } from './plot';

/**
 * The one loss-curve chart: loss against epochs, the newest point marked, an optional
 * reference line with a label (e.g. "ln 2: ŷ = 0.5 everywhere", "best straight line"), linear
 * or log scale. Every training widget draws its curve with this.
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
}

export function lossCurveOptions(c: LossCurve): ChartOptions {
  const usable = (r: { loss: number }) => Number.isFinite(r.loss) && (!c.log || r.loss > 0);
  const rows = c.history.filter(usable);
  const extra = (c.series ?? []).map((s) => ({ ...s, rows: s.history.filter(usable) }));
  let top = c.minTop;
  for (const r of rows) if (r.loss > top) top = r.loss;
  for (const s of extra) for (const r of s.rows) if (r.loss > top) top = r.loss;
  const y = c.log
    ? {
        type: 'log' as const,
        domain: [c.log.floor, top],
        label: c.label,
        ticks: 4,
        tickFormat: (v: number) => (v >= 0.01 ? String(v) : v.toExponential(0)),
      }
    : { domain: [0, top], label: c.label, ticks: 4 };
  const ref = c.reference;
  return {
    alt: c.alt,
    width: c.width,
    height: 170,
    ...(c.style ? { style: c.style } : {}),
    marginLeft: c.marginLeft ?? 44,
    marginBottom: 36,
    marginTop: 24,
    marginRight: 16,
    x: { domain: [0, Math.max(c.minEpochs, c.epochs)], label: 'epoch' },
    y,
    marks: [
      c.log ? null : Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.7, ticks: 4 }),
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
      ...extra.map((s) =>
        Plot.line(s.rows, {
          x: 'epoch',
          y: 'loss',
          stroke: s.color,
          strokeWidth: s.width ?? 2,
          strokeDasharray: s.dash,
          clip: true,
        }),
      ),
      Plot.line(rows, { x: 'epoch', y: 'loss', stroke: c.color, strokeWidth: 2, clip: true }),
      rows.length ? Plot.dot(rows.slice(-1), { x: 'epoch', y: 'loss', r: 3.5, fill: c.color }) : null,
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
