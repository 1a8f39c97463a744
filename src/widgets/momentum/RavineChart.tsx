/**
 * The momentum widget's ravine: its contour map (drawn once), both runs' paths and the momentum
 * run's velocity arrow (drawn over it as they move), and its description.
 */
import * as Plot from '@observablehq/plot';
import { linePath, type ChartScales, chartHeight, type ChartSizing } from '../shared/Chart';
import { symbolPath, type ChartOptions, type SymbolName } from '~/charts/plot';
import { fmt } from '~/util/format';
import { LEVELS, START, contourLine, type RunKind } from './model';

export const VIEW = { x: [-5, 5], y: [-1.6, 1.6] } as const;
export const STYLE: Record<RunKind, { color: string; dash: string; label: string; symbol: SymbolName }> = {
  sgd: { color: 'var(--c-red)', dash: '2 3', label: 'plain SGD', symbol: 'square' },
  momentum: { color: 'var(--c-green)', dash: 'none', label: 'momentum', symbol: 'circle' },
};

export type Run = { kind: RunKind; path: [number, number][]; w1: number; w2: number; velocity: [number, number] };

export const ravineAlt = (runs: readonly Run[]) =>
  `Contour map of the ravine with both paths from (${START[0]}, ${START[1]}): ${runs
    .map((r) => `${STYLE[r.kind].label} now at (${fmt(r.w1, 2)}, ${fmt(r.w2, 2)}) after ${r.path.length - 1} steps`)
    .join('; ')}.`;

/** The chart's height for its width (the server reserves it before the chart is drawn). */
export const HEIGHT_RULE: ChartSizing = { min: 200, max: 300, perWidth: 0.5 };

/** The ravine's contours, its minimum and the start: what does not move (the paths are `Paths`). */
export function ravineChart(width: number): ChartOptions {
  const [x1, x2] = VIEW.x;
  const [y2, y1] = VIEW.y;
  return {
    alt: '',
    width,
    height: chartHeight(width, HEIGHT_RULE),
    marginLeft: 40,
    marginTop: 12,
    marginBottom: 36,
    x: { domain: [x1, x2], label: 'w₁' },
    y: { domain: [y2, y1], label: 'w₂' },
    marks: [
      Plot.frame({ stroke: 'var(--c-grid)' }),
      // The ravine is a quadratic bowl, so its contour lines are ellipses, drawn exactly.
      Plot.line(
        LEVELS.flatMap((level) => contourLine(level)),
        { x: 'w1', y: 'w2', z: 'level', stroke: 'var(--c-muted)', strokeOpacity: 0.6, clip: true },
      ),
      Plot.dot([{ w1: 0, w2: 0 }], { x: 'w1', y: 'w2', symbol: 'times', r: 6, stroke: 'var(--c-ink)', strokeWidth: 2 }),
      Plot.text([{ w1: START[0], w2: START[1] }], {
        x: 'w1',
        y: 'w2',
        text: () => 'start',
        dy: -10,
        fill: 'var(--c-ink)',
      }),
    ],
  };
}

/** Both paths (line and a dot per step) and the momentum run's velocity arrow, clipped to the map. */
export function Paths({ sc, runs }: { sc: ChartScales; runs: readonly Run[] }) {
  const mom = runs.find((r) => r.kind === 'momentum')!;
  let arrow = '';
  if (Math.hypot(...mom.velocity) > 1e-9) {
    const ax = sc.x(mom.w1);
    const ay = sc.y(mom.w2);
    const bx = sc.x(mom.w1 + mom.velocity[0]);
    const by = sc.y(mom.w2 + mom.velocity[1]);
    const angle = Math.atan2(by - ay, bx - ax);
    // Plot's arrow head: two strokes of 8 px at ±30° from the shaft.
    const wing = (a: number) => `M${bx - 8 * Math.cos(angle + a)},${by - 8 * Math.sin(angle + a)}L${bx},${by}`;
    arrow = `M${ax},${ay}L${bx},${by}${wing(Math.PI / 6)}${wing(-Math.PI / 6)}`;
  }
  return (
    <g clip-path={sc.clip}>
      {runs.map((r) => {
        const s = STYLE[r.kind];
        return (
          <>
            <path d={linePath(r.path, sc)} fill="none" stroke={s.color} stroke-width={1.8} stroke-dasharray={s.dash} />
            <path d={r.path.map(([a, b]) => symbolPath(s.symbol, sc.x(a), sc.y(b), 2.4)).join('')} fill={s.color} />
          </>
        );
      })}
      {arrow && <path d={arrow} fill="none" stroke="var(--c-ink)" stroke-width={2} stroke-linecap="round" />}
    </g>
  );
}
