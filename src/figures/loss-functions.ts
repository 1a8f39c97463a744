/**
 * Figures for "Loss functions": −log p with and without clipping, and the slide's two softmax
 * predictions ("blue" and "yellow") as bar charts.
 */
import * as Plot from '@observablehq/plot';
import { bothLayouts, facet, type FigurePlot } from './layout';
import { CLIP_EPSILON, clip } from '@lib';
import { powerOfTen } from '~/util/format';

/** The slide's example predictions over Dog, Pear, House, Grass: as given, and rounded to two decimals. */
export const PREDICTIONS = {
  blue: [0.232, 0.301, 0.233, 0.233],
  yellow: [0.059, 0.789, 0.065, 0.087],
  blueRounded: [0.23, 0.3, 0.23, 0.23],
  yellowRounded: [0.06, 0.79, 0.07, 0.09],
} as const satisfies Record<string, readonly number[]>;

const CLASSES = ['Dog', 'Pear', 'House', 'Grass'];

/** Tick labels for a log axis: 1, 10⁻¹, 10⁻², … (no SI prefixes such as "100n", which read oddly for probabilities). */
const powerOfTenTick = (v: number) => powerOfTen(Math.round(Math.log10(v)));

/** −log p against p (log axis), unclipped and clipped to [1e-7, 1 − 1e-7]. */
export function negLogClipped(): Plot.PlotOptions {
  const exps = Array.from({ length: 181 }, (_, i) => -9 + (9 * i) / 180);
  const rows = exps.map((e) => {
    const p = 10 ** e;
    return { p, raw: -Math.log(p), clipped: -Math.log(clip(p, CLIP_EPSILON, 1 - CLIP_EPSILON)) };
  });
  const cap = -Math.log(CLIP_EPSILON);
  return {
    width: 640,
    height: 300,
    x: { type: 'log', label: 'p, probability given to the true class', domain: [1e-9, 1], tickFormat: powerOfTenTick },
    y: { label: 'loss −log p', domain: [0, 21] },
    grid: true,
    marks: [
      Plot.ruleX([CLIP_EPSILON], { stroke: 'var(--c-muted)', strokeDasharray: '2 3' }),
      Plot.line(rows, { x: 'p', y: 'raw', stroke: 'var(--c-blue)', strokeWidth: 2.5 }),
      Plot.line(rows, { x: 'p', y: 'clipped', stroke: 'var(--c-orange)', strokeWidth: 2.5, strokeDasharray: '8 5' }),
      Plot.text([{ p: 2e-9, y: -Math.log(2e-9), label: 'no clipping: grows without bound' }], {
        x: 'p',
        y: 'y',
        text: 'label',
        textAnchor: 'start',
        dx: 6,
        dy: -4,
        fill: 'var(--c-blue)',
        fontWeight: 'bold',
      }),
      Plot.text([{ p: 2e-9, y: cap, label: `clipped: at most ${cap.toFixed(1)}` }], {
        x: 'p',
        y: 'y',
        text: 'label',
        textAnchor: 'start',
        dx: 6,
        dy: 14,
        fill: 'var(--c-orange)',
        fontWeight: 'bold',
      }),
      Plot.text([{ p: CLIP_EPSILON, y: 3, label: 'p = 10⁻⁷' }], {
        x: 'p',
        y: 'y',
        text: 'label',
        textAnchor: 'start',
        dx: 5,
        fill: 'var(--c-muted)',
      }),
    ],
  };
}

/** The blue and yellow predictions as bars per class, with the uniform probability 0.25 marked. */
export function predictionBars(): FigurePlot {
  return bothLayouts(drawPredictionBars);
}

/** Wide: the two predictions side by side; narrow: one above the other, each titled in its corner. */
function drawPredictionBars(narrow: boolean): Plot.PlotOptions {
  const f = (v: string) => facet(narrow, v);
  const rows = (['blue', 'yellow'] as const).flatMap((pred) =>
    PREDICTIONS[pred].map((p, i) => ({ pred, cls: CLASSES[i], p })),
  );
  return {
    width: narrow ? 340 : 640,
    height: narrow ? 420 : 280,
    marginTop: 28,
    ...(narrow
      ? { fy: { axis: null, domain: ['blue', 'yellow'], padding: 0.2 } }
      : { fx: { label: null, domain: ['blue', 'yellow'], tickFormat: (d: string) => `${d} prediction` } }),
    x: { label: null, domain: CLASSES, padding: 0.25 },
    y: { label: 'probability', domain: [0, 1] },
    grid: true,
    marks: [
      Plot.barY(
        rows.filter((r) => r.pred === 'blue'),
        { ...f('pred'), x: 'cls', y: 'p', fill: 'var(--c-blue)', fillOpacity: 0.85 },
      ),
      Plot.barY(
        rows.filter((r) => r.pred === 'yellow'),
        {
          ...f('pred'),
          x: 'cls',
          y: 'p',
          fill: 'var(--c-orange)',
          fillOpacity: 0.85,
          stroke: 'var(--c-ink)',
          strokeWidth: 1,
        },
      ),
      Plot.ruleY([0.25], { stroke: 'var(--c-ink)', strokeDasharray: '5 4' }),
      Plot.text(rows, { ...f('pred'), x: 'cls', y: 'p', text: (r) => r.p.toFixed(3), dy: -8, fill: 'var(--c-ink)' }),
      Plot.ruleY([0]),
      ...(narrow
        ? [
            Plot.text(['blue', 'yellow'], {
              fy: (d: string) => d,
              text: (d: string) => `${d} prediction`,
              frameAnchor: 'top-right',
              dy: 2,
              fill: 'var(--c-ink)',
              fontWeight: 'bold',
            }),
          ]
        : []),
    ],
  };
}
