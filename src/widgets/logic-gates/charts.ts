/**
 * The Observable Plot options of the two charts: the heat map of the network's output with the four
 * points and its decision lines, and the loss curve with the ln 2 line where a stuck neuron stops.
 */
import * as Plot from '@observablehq/plot';
import { lossCurve } from '~/charts/loss-curve';
import { contourMark, heatMapMark } from '~/charts/grid-marks';
import type { ThemeColors } from '../shared/theme';
import { fmt } from '~/util/format';
import type { LogicGatesState } from './state';
import { ARCH_LABEL, EXTENT, GATE_LABEL, GRID, VIEW, type GatePoint, type HeatMap, type Segment } from './model';

const HIDDEN_DASH = ['6 4', '2 4'];

/** The heat map's largest size in CSS pixels; it is drawn smaller when the column is narrower. */
export const MAP_SIZE = 440;

/** Whether the output stays within ±0.02 of 0.5 over the whole view: then there is no boundary to draw. */
function flat(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (Math.abs(values[i]! - 0.5) > 0.02) return false;
  return true;
}

export function heatMapOptions(
  state: Pick<LogicGatesState, 'gate' | 'arch'>,
  heat: HeatMap,
  points: GatePoint[],
  lines: Segment[],
  colors: ThemeColors | undefined,
  size: number,
) {
  const blue = colors?.blue ?? '#2e63ad';
  const orange = colors?.orange ?? '#a94c0b';
  const bg = colors?.bg ?? '#fdfdfc';
  const [lo, hi] = VIEW;
  const noBoundary = flat(heat.values);
  // The network's output on the grid: row j at x₂ = AXIS[j], from the bottom of EXTENT.
  const grid = { values: heat.values, width: GRID, height: GRID, x: EXTENT, y: EXTENT };
  const wrong = points.filter((p) => p.wrong).length;
  const hidden = lines.filter((l) => l.neuron > 0);
  const lineEnds = hidden.map((l) => ({
    ...pickLabelEnd(l),
    label: `h${l.neuron === 1 ? '₁' : '₂'}`,
  }));
  return {
    alt: `Heat map of the ${ARCH_LABEL[state.arch]}'s output over the square from −0.5 to 1.5, with the four input pairs of ${GATE_LABEL[state.gate]} and their targets; ${4 - wrong} of 4 are on the right side of the ŷ = 0.5 line.`,
    width: size,
    height: size,
    style: { fontSize: size < 360 ? '12px' : '14px' },
    marginLeft: 44,
    marginBottom: 40,
    marginTop: 26,
    marginRight: 18,
    x: { domain: [lo, hi], label: 'x₁', ticks: [-0.5, 0, 0.5, 1, 1.5] },
    y: { domain: [lo, hi], label: 'x₂', ticks: [-0.5, 0, 0.5, 1, 1.5] },
    marks: [
      heatMapMark(grid, { domain: [0, 0.5, 1], colors: [orange, bg, blue], opacity: 0.4 }),
      noBoundary
        ? Plot.text(['ŷ ≈ 0.5 everywhere: no boundary'], {
            frameAnchor: 'middle',
            fill: 'var(--c-ink)',
            fontWeight: 'bold',
            stroke: 'var(--bg)',
            strokeWidth: 4,
            paintOrder: 'stroke',
          })
        : contourMark(grid, { thresholds: [0.5], stroke: 'var(--c-ink)', strokeWidth: 2.5 }),
      Plot.frame({ stroke: 'var(--c-grid)' }),
      ...hidden.map((l, k) =>
        Plot.line([l.a, l.b], {
          x: 'x1',
          y: 'x2',
          stroke: 'var(--c-purple)',
          strokeWidth: 1.75,
          strokeDasharray: HIDDEN_DASH[k % 2]!,
        }),
      ),
      Plot.text(lineEnds, {
        x: 'x1',
        y: 'x2',
        text: 'label',
        fill: 'var(--c-purple)',
        fontWeight: 'bold',
        fontSize: 14,
        dx: 0,
        dy: 0,
        stroke: 'var(--bg)',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
      Plot.dot(
        points.filter((p) => p.target === 1),
        {
          x: 'x1',
          y: 'x2',
          r: 9,
          symbol: 'circle',
          fill: 'var(--c-blue)',
          stroke: 'var(--bg)',
          strokeWidth: 1.5,
        },
      ),
      Plot.dot(
        points.filter((p) => p.target === 0),
        {
          x: 'x1',
          y: 'x2',
          r: 8,
          symbol: 'square',
          fill: 'var(--bg)',
          stroke: 'var(--c-orange)',
          strokeWidth: 3,
        },
      ),
      Plot.dot(
        points.filter((p) => p.wrong),
        {
          x: 'x1',
          y: 'x2',
          r: 15,
          stroke: 'var(--c-red)',
          strokeWidth: 2.5,
          fill: 'none',
        },
      ),
      Plot.text(points, {
        x: 'x1',
        y: 'x2',
        text: (p: GatePoint) => `y = ${p.target}, ŷ = ${p.yhat.toFixed(2)}`,
        dy: -22,
        fill: 'var(--c-ink)',
        fontSize: 13.5,
        stroke: 'var(--bg)',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  };
}

/** Where to write a hidden line's name: its end nearer the top-right corner, pulled a little inside the view. */
function pickLabelEnd(l: Segment): { x1: number; x2: number } {
  const score = (p: { x1: number; x2: number }) => p.x1 + p.x2;
  const end = score(l.a) > score(l.b) ? l.a : l.b;
  const other = end === l.a ? l.b : l.a;
  const t = 0.08;
  return {
    x1: end.x1 + (other.x1 - end.x1) * t,
    x2: end.x2 + (other.x2 - end.x2) * t,
  };
}

export function lossChartOptions(
  history: { epoch: number; loss: number }[],
  current: number,
  epochs: number,
  width: number,
) {
  return lossCurve({
    history,
    epochs,
    minEpochs: 50,
    width,
    alt: `Loss curve: binary cross-entropy against epochs; after ${epochs} epochs the loss is ${fmt(current, 3)}.`,
    label: 'loss',
    color: 'var(--c-blue)',
    minTop: 0.8,
    reference: { value: Math.LN2, label: 'ln 2 ≈ 0.693: ŷ = 0.5 everywhere', color: 'var(--c-muted)', dash: '5 4' },
  });
}
