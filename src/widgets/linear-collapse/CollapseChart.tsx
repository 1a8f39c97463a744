/**
 * The linear-collapse chart: the network's output against the single layer's on the random
 * inputs (on the diagonal they agree), its grid, description and points.
 */
import * as Plot from '@observablehq/plot';
import { type ChartScales, chartHeight, type ChartSizing } from '../shared/Chart';
import { SAMPLES, short, type Comparison } from './model';
import type { LinearCollapseState } from './state';

export const chartAlt = (result: Comparison) => {
  const off = result.samples.filter((p) => !p.agree).length;
  return (
    `Scatter plot of the ${SAMPLES} random inputs: the single layer's output across, the network's output up. ` +
    (off === 0
      ? 'Every point lies on the diagonal: the two always agree.'
      : `${off} points (crosses) lie off the diagonal: there the two disagree.`)
  );
};

/** The chart's height for its width (the server reserves it before the chart is drawn). */
export const HEIGHT_RULE: ChartSizing = { min: 208, max: 360, perWidth: 0.8 };

/** Grid and axes; the diagonal, the points and the labels are drawn by `Points`. */
export function chartOptions(lo: number, hi: number, width: number) {
  return {
    alt: '',
    width,
    height: chartHeight(width, HEIGHT_RULE),
    marginLeft: 48,
    marginBottom: 40,
    x: { domain: [lo, hi], label: null },
    y: { domain: [lo, hi], label: 'network ŷ' },
    marks: [
      Plot.gridX({ stroke: 'var(--c-grid)', strokeOpacity: 0.7 }),
      Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.7 }),
    ],
  };
}

export function Points({ sc, state, result }: { sc: ChartScales; state: LinearCollapseState; result: Comparison }) {
  const off = result.samples.filter((p) => !p.agree);
  return (
    <>
      <line
        x1={sc.left}
        y1={sc.bottom}
        x2={sc.right}
        y2={sc.top}
        stroke="var(--c-ink)"
        stroke-dasharray="6 4"
        stroke-width={1.5}
      />
      <g fill="var(--c-blue)" fill-opacity={0.75}>
        {result.samples.map((p) => (p.agree ? <circle cx={sc.x(p.single)} cy={sc.y(p.network)} r={3.5} /> : null))}
      </g>
      <g stroke="var(--c-red)" stroke-width={2} fill="none">
        {off.map((p) => {
          const x = sc.x(p.single);
          const y = sc.y(p.network);
          const r = 4.5 * 0.75;
          return <path d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`} />;
        })}
      </g>
      <text x={sc.left + 6} text-anchor="start" y={sc.top + 6} dy="0.71em" fill="var(--c-muted)" font-size="13">
        {state.act === 'relu' && off.length ? 'crosses: the two disagree' : 'on the dashed line: the two agree'}
      </text>
      <text x={(sc.left + sc.right) / 2} y={sc.bottom + 34} text-anchor="middle" fill="currentColor" font-size="13">
        single layer ŷ = {short(result.product.get(0, 0))}x₁ + {short(result.product.get(1, 0))}x₂
      </text>
    </>
  );
}
