/**
 * The sine-fit widget's fit chart, shared by its three modes: the axes and sin x (drawn by Plot
 * once per range and width), the network's curves on top (the overlay), its text alternative and
 * table, and the training curve of the trained modes.
 */
import * as Plot from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import type { Network } from '@lib';
import { Chart, linePath, type ChartScales, chartHeight, type ChartSizing } from '../shared/Chart';
import { lossCurve } from '~/charts/loss-curve';
import { symbolPath, type ChartOptions } from '~/charts/plot';
import { fmt } from '~/util/format';
import type { SineFitState } from './state';
import { LINE, VIEWS, Y_DOMAIN, curves, fmtMse, type Curves } from './model';
import { hingesOf } from './hinges';

export const MODE_LABEL: Record<SineFitState['mode'], string> = {
  linear: 'linear units, trained',
  hand: 'ReLU hinges set by hand',
  relu: 'ReLU units, trained',
};

/** What the chart shows of a network: its curves over the range, and dots at its corners. */
export interface FitView {
  curves: Curves;
  kinkPoints: { x: number; y: number }[];
}

/** sin x and the network's output ŷ, with the legend below it. */
export function FitChart({
  state,
  view,
  range,
  edit,
  width,
}: {
  state: SineFitState;
  view: FitView;
  range: readonly [number, number];
  /** The hinge being edited (0-based), drawn thicker in the hand mode. */
  edit: number;
  width: number;
}) {
  // Plot draws the axes and sin x once per range and width; the network's curves are the overlay.
  const options = useMemo(() => fitAxesOptions(range, width), [range, width]);
  return (
    <>
      <Chart
        options={options}
        sized={HEIGHT_RULE}
        alt={fitAlt(state, view.curves, view.kinkPoints, range)}
        overlay={(sc) => (
          <FitMarks sc={sc} state={state} c={view.curves} kinks={view.kinkPoints} range={range} edit={edit} />
        )}
        table={{
          caption: `sin x and the network's output ŷ at ${Math.min(13, view.curves.xs.length)} points of the range shown`,
          columns: ['x', 'sin x', 'ŷ'],
          rows: tableRows(view.curves),
        }}
      />
      <p class="training__note">
        Solid blue: sin x. Dashed orange: the network's output ŷ
        {state.mode !== 'linear' && ', with dots at its corners (kinks)'}.
        {state.mode === 'linear' && ' Dotted green: the best straight line.'}
        {state.parts &&
          ` Thin purple: each unit's contribution${state.mode === 'hand' ? ' (the hinge being edited is thicker)' : ''}; they add up, with the output bias, to ŷ.`}
      </p>
    </>
  );
}

function tableRows(c: Curves): string[][] {
  const n = c.xs.length;
  const rows: string[][] = [];
  for (let j = 0; j <= 12; j++) {
    const i = Math.round((j * (n - 1)) / 12);
    rows.push([fmt(c.xs[i]!, 3), fmt(Math.sin(c.xs[i]!), 3), fmt(c.yhat[i]!, 3)]);
  }
  return rows;
}

/** Dots at the kinks inside the view, on the network's curve. */
export function kinkMarks(
  network: Network,
  kinks: number[],
  range: readonly [number, number],
): { x: number; y: number }[] {
  const inside = kinks.filter((k) => k >= range[0] && k <= range[1]);
  if (!inside.length) return [];
  const c = curves(network, Float64Array.from(inside));
  return inside.map((x, i) => ({ x, y: c.yhat[i]! })).filter((p) => p.y >= Y_DOMAIN[0] && p.y <= Y_DOMAIN[1]);
}

/** Curves are drawn up to this |y| (the view shows |y| ≤ 1.6). */
const PLOT_LIMIT = 4;

const PI_TICKS = {
  ticks: [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2, 2 * Math.PI],
  tickFormat: (v: number) => ['0', 'π/2', 'π', '3π/2', '2π'][Math.round(v / (Math.PI / 2))] ?? '',
};

/** The charts' largest width in CSS pixels; they are drawn narrower when the column is. */
export const CHART_WIDTH = 520;
const fontSize = (width: number) => (width < 360 ? '12px' : '14px');

/** The chart's height for its width (the server reserves it before the chart is drawn). */
const HEIGHT_RULE: ChartSizing = { min: 220, max: 300, perWidth: 0.58 };

/** The axes, grid and sin x of the fit chart: drawn again only when the range or width changes. */
function fitAxesOptions(range: readonly [number, number], width: number): ChartOptions {
  const sineView = range === VIEWS.sine;
  const n = 241;
  const xs = Array.from({ length: n }, (_, i) => range[0] + ((range[1] - range[0]) * i) / (n - 1));
  const iSin = Math.round((sineView ? 0.22 : 0.85) * (n - 1));
  return {
    alt: '',
    width,
    height: chartHeight(width, HEIGHT_RULE),
    style: { fontSize: fontSize(width) },
    marginLeft: 44,
    marginBottom: 36,
    marginTop: 14,
    marginRight: 14,
    x: {
      domain: [range[0], range[1]],
      label: 'x',
      ...(sineView ? PI_TICKS : {}),
    },
    y: { domain: [Y_DOMAIN[0], Y_DOMAIN[1]], label: 'y' },
    marks: [
      Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.6 }),
      Plot.ruleY([0], { stroke: 'var(--c-grid)' }),
      Plot.line(xs, { x: (x: number) => x, y: Math.sin, stroke: 'var(--c-blue)', strokeWidth: 2.5 }),
      Plot.text([xs[iSin]!], {
        x: (x: number) => x,
        y: Math.sin,
        text: () => 'sin x',
        dy: -14,
        fill: 'var(--c-blue)',
        fontWeight: 'bold',
        stroke: 'var(--bg)',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  };
}

const fitAlt = (state: SineFitState, c: Curves, kinks: readonly unknown[], range: readonly [number, number]) =>
  `sin x over x from ${fmt(range[0], 2)} to ${fmt(range[1], 2)} with the output of a network of ${MODE_LABEL[state.mode]}` +
  (state.mode === 'linear' ? ', a straight line' : `, made of straight pieces joined at ${kinks.length} corners`) +
  (state.parts && c.units > 0 ? `, and the contributions of its ${c.units} units.` : '.');

/** The network's side of the fit chart (the overlay): its contributions, ŷ, the corners and labels. */
function FitMarks({
  sc,
  state,
  c,
  kinks,
  range,
  edit,
}: {
  sc: ChartScales;
  state: SineFitState;
  c: Curves;
  kinks: { x: number; y: number }[];
  range: readonly [number, number];
  edit: number;
}) {
  const n = c.xs.length;
  // Values far outside the view are pulled in (still outside it): a dashed path thousands of pixels long costs a lot to paint.
  const far = (v: number) => (v > PLOT_LIMIT ? PLOT_LIMIT : v < -PLOT_LIMIT ? -PLOT_LIMIT : v);
  const curve = (ys: ArrayLike<number>, offset = 0) => {
    const pts: [number, number][] = [];
    for (let i = 0; i < n; i++) pts.push([c.xs[i]!, far(ys[offset + i]!)]);
    return linePath(pts, sc);
  };
  const showParts = state.parts && c.units > 0;
  const sineView = range === VIEWS.sine;
  const iFit = Math.min(n - 1, Math.max(0, Math.round((sineView ? 0.62 : 0.5) * (n - 1))));
  const halo = { stroke: 'var(--bg)', 'stroke-width': 3, 'paint-order': 'stroke', 'font-weight': 'bold' };
  const yFit = c.yhat[iFit];
  return (
    <>
      {showParts && (
        <g
          clip-path={sc.clip}
          fill="none"
          stroke="var(--c-purple)"
          stroke-opacity={c.units > 8 ? 0.45 : 0.7}
          stroke-width={1.25}
          stroke-linejoin="round"
          stroke-linecap="round"
        >
          {Array.from({ length: c.units }, (_, k) => (
            <path d={curve(c.parts, k * n)} />
          ))}
        </g>
      )}
      {state.mode === 'hand' && showParts && (
        <path
          d={curve(c.parts, edit * n)}
          clip-path={sc.clip}
          fill="none"
          stroke="var(--c-purple)"
          stroke-width={3}
          stroke-linejoin="round"
          stroke-linecap="round"
        />
      )}
      {state.mode === 'linear' && (
        <path
          d={linePath(
            [
              [range[0], LINE.slope * range[0] + LINE.intercept],
              [range[1], LINE.slope * range[1] + LINE.intercept],
            ],
            sc,
          )}
          fill="none"
          stroke="var(--c-green)"
          stroke-width={2}
          stroke-dasharray="2 4"
          stroke-linecap="round"
        />
      )}
      <path
        d={curve(c.yhat)}
        clip-path={sc.clip}
        fill="none"
        stroke="var(--c-orange)"
        stroke-width={3}
        stroke-dasharray="8 5"
        stroke-linejoin="round"
        stroke-linecap="round"
      />
      <g fill="var(--c-orange)" stroke="var(--c-ink)" stroke-width={1}>
        {kinks.map((k) => (
          <path d={symbolPath('circle', sc.x(k.x), sc.y(k.y), 3.5)} />
        ))}
      </g>
      {yFit !== undefined && Number.isFinite(yFit) && yFit > Y_DOMAIN[0] && yFit < Y_DOMAIN[1] && (
        <text
          x={sc.x(c.xs[iFit]!) + 8}
          y={sc.y(yFit) + 16}
          dy="0.32em"
          text-anchor="middle"
          fill="var(--c-orange)"
          font-size="15"
          {...halo}
        >
          ŷ
        </text>
      )}
      {state.mode === 'hand' && showParts && (
        <g fill="var(--c-purple)" text-anchor="middle" {...halo}>
          {hingesOf(state)
            .map((h, k) => ({ k, x: h.w === 0 ? NaN : -h.b / h.w }))
            .filter((p) => p.x >= range[0] && p.x <= range[1])
            .map((p) => (
              <text x={sc.x(p.x)} y={sc.y(0) + 14} dy="0.32em">
                {String(p.k + 1)}
              </text>
            ))}
        </g>
      )}
    </>
  );
}

export function lossChartOptions(
  history: { epoch: number; loss: number }[],
  epochs: number,
  mode: SineFitState['mode'],
  width: number,
) {
  return lossCurve({
    history,
    epochs,
    minEpochs: 100,
    width,
    alt: `Training curve: the error (MSE, log scale) against epochs for ${MODE_LABEL[mode]}; after ${epochs} epochs it is ${fmtMse(history.filter((r) => r.loss > 0).at(-1)?.loss ?? NaN)}.`,
    label: 'error (MSE)',
    color: 'var(--c-orange)',
    minTop: 1,
    log: { floor: 1e-5 },
    reference: {
      value: LINE.mse,
      label: `best straight line: ${fmtMse(LINE.mse)}`,
      color: 'var(--c-green)',
      dash: '2 4',
    },
    style: { fontSize: fontSize(width) },
    marginLeft: 52,
  });
}
