/** The bar chart of the probabilities: stable softmax as bars, the naive formula as dashed marks (or NaN). */
import * as Plot from '@observablehq/plot';
import type { ChartScales } from '../shared/Chart';
import { CLASSES, numberText, type Softmaxes } from './model';
import type { SoftmaxState } from './state';

interface Row {
  c: string;
  p: number;
  naive: number;
}
export const rowsOf = (state: SoftmaxState, r: Softmaxes): Row[] =>
  CLASSES.slice(0, state.k).map((c, i) => ({ c, p: r.stable.probs[i]!, naive: r.naive.probs[i]! }));

export function chartAlt(state: SoftmaxState, r: Softmaxes): string {
  const rows = rowsOf(state, r);
  const broken = rows.filter((d) => !Number.isFinite(d.naive));
  return (
    `Bar chart of the probabilities: ${rows.map((d) => `${d.c} ${numberText(d.p).text}`).join(', ')}. ` +
    (broken.length
      ? `The naive formula gives NaN for ${broken.map((d) => d.c).join(', ')}.`
      : 'The naive formula gives the values marked by dashed lines.')
  );
}

/** Axes and the zero line; the bars, the naive marks and the labels are drawn by `Bars`. */
export function chartOptions(k: number, broken: boolean, width: number) {
  const classes = CLASSES.slice(0, k);
  // Class names need room: tilt them when the bands get narrow.
  const tilt = width / k < 64;
  return {
    alt: '',
    width,
    height: tilt ? 270 : 250,
    marginLeft: 44,
    marginRight: 8,
    marginTop: 22,
    marginBottom: tilt ? 54 : 34,
    x: { type: 'band' as const, domain: classes, label: null, padding: 0.25, tickRotate: tilt ? -35 : 0 },
    // Room above 1 for the row that reports a naive NaN, clear of the bars and their labels.
    y: {
      domain: [0, broken ? 1.25 : 1.08],
      ticks: [0, 0.2, 0.4, 0.6, 0.8, 1],
      label: 'probability',
      grid: true,
    },
    marks: [Plot.ruleY([0], { stroke: 'var(--c-ink)' })],
  };
}

export function Bars({ sc, rows }: { sc: ChartScales; rows: Row[] }) {
  const bw = sc.bandwidth;
  const y0 = sc.y(0);
  return (
    <>
      <g fill="var(--c-blue)" fill-opacity={0.85}>
        {rows.map((d) => (
          <rect x={sc.x(d.c)} width={bw} y={Math.min(y0, sc.y(d.p))} height={Math.abs(y0 - sc.y(d.p))} />
        ))}
      </g>
      <line x1={sc.left} x2={sc.right} y1={y0} y2={y0} stroke="var(--c-ink)" />
      <g stroke="var(--c-ink)" stroke-width={3} stroke-dasharray="5 3">
        {rows.map((d) =>
          Number.isFinite(d.naive) ? (
            <line x1={sc.x(d.c)} x2={sc.x(d.c) + bw} y1={sc.y(d.naive)} y2={sc.y(d.naive)} />
          ) : null,
        )}
      </g>
      <g fill="var(--c-ink)" font-weight={600} text-anchor="middle" font-size="13">
        {rows.map((d) => (
          <text x={sc.x(d.c) + bw / 2} y={sc.y(d.p) - 7}>
            {numberText(d.p).text}
          </text>
        ))}
      </g>
      <g fill="var(--c-red)" font-weight={700} text-anchor="middle" font-size="13">
        {rows.map((d) =>
          Number.isFinite(d.naive) ? null : (
            <text x={sc.x(d.c) + bw / 2} y={sc.y(1.2)} dy="0.32em">
              {numberText(d.naive).text}
            </text>
          ),
        )}
      </g>
    </>
  );
}
