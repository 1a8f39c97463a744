/** The categorical case's bar chart: the predicted probability of each class, the true one in blue. */
import * as Plot from '@observablehq/plot';
import type { ChartScales } from '../shared/Chart';
import { fmt } from '~/util/format';
import { CLASSES } from './model';
import type { CrossEntropyState } from './state';

export const barAlt = (state: CrossEntropyState) =>
  `Bar chart of the predicted probabilities: ${CLASSES.map((c, i) => `${c} ${fmt(state.p[i]!, 3)}`).join(', ')}. The true class is ${CLASSES[state.cls]}.`;

/**
 * Axes of the bar chart; the bars and the class names under them (the true one marked) are drawn
 * by `Bars`, so choosing another true class does not draw the axes again.
 */
export function barChart(width: number) {
  return {
    alt: '',
    width,
    height: 200,
    marginTop: 22,
    marginBottom: 30,
    marginLeft: 44,
    marginRight: 8,
    // Plot draws the ticks only (a `fill` of none leaves out the axis's text).
    x: { type: 'band' as const, domain: [...CLASSES], label: null, padding: 0.3, axis: null },
    y: {
      domain: [0, 1.12],
      ticks: [0, 0.25, 0.5, 0.75, 1],
      tickFormat: (v: number) => v.toFixed(2),
      label: 'probability',
      grid: true,
    },
    marks: [Plot.axisX({ fill: 'none' }), Plot.ruleY([0], { stroke: 'var(--c-ink)' })],
  };
}

export function Bars({ sc, state }: { sc: ChartScales; state: CrossEntropyState }) {
  const y0 = sc.y(0);
  return (
    <>
      {CLASSES.map((c, i) => {
        const truth = i === state.cls;
        const y = sc.y(state.p[i]!);
        return (
          <rect
            x={sc.x(c)}
            width={sc.bandwidth}
            y={Math.min(y, y0)}
            height={Math.abs(y0 - y)}
            fill={truth ? 'var(--c-blue)' : 'var(--c-muted)'}
            fill-opacity={truth ? 0.9 : 0.35}
          />
        );
      })}
      <line x1={sc.left} x2={sc.right} y1={y0} y2={y0} stroke="var(--c-ink)" />
      <g fill="var(--c-ink)" font-weight={600} text-anchor="middle" font-size="13">
        {CLASSES.map((c, i) => (
          <text x={sc.x(c) + sc.bandwidth / 2} y={sc.y(state.p[i]!) - 7}>
            {fmt(state.p[i]!, 3)}
          </text>
        ))}
      </g>
      {/* The x axis's labels where Plot puts them: 9 px under the frame, centred on each band. */}
      <g text-anchor="middle" transform={`translate(${sc.bandwidth / 2 + 0.5},9.5)`}>
        {CLASSES.map((c, i) => (
          <text x={sc.x(c)} y={sc.bottom} dy="0.71em">
            {i === state.cls ? `${c} (true)` : c}
          </text>
        ))}
      </g>
    </>
  );
}
