/**
 * The Observable Plot options of the two charts: the functions f(x) and their slopes f′(x).
 * They depend on the shown functions, α and the width only; the probe is drawn over them (ProbeMarks).
 */
import * as Plot from '@observablehq/plot';
import { chartHeight, type ChartSizing } from '../shared/Chart';
import { X_MAX, X_MIN, breakpoints, type curve, type FunctionName } from './model';
import { STYLE } from './FunctionStyle';

type Curve = ReturnType<typeof curve>;

function lines(data: Curve, shown: FunctionName[]) {
  return shown.map((fn) =>
    Plot.line(
      data.filter((p) => p.fn === fn),
      {
        x: 'x',
        y: 'y',
        z: 'piece',
        stroke: STYLE[fn].color,
        strokeWidth: 2.5,
        ...(STYLE[fn].dash ? { strokeDasharray: STYLE[fn].dash } : {}),
        strokeLinecap: fn === 'relu' ? 'round' : 'butt',
      },
    ),
  );
}

/** The chart's height for its width (the server reserves it before the chart is drawn). */
export const HEIGHT_RULE: ChartSizing = { min: 200, max: 260, perWidth: 0.45 };

function baseOptions(width: number, domain: [number, number], label: string) {
  return {
    width,
    height: chartHeight(width, HEIGHT_RULE),
    marginLeft: 44,
    marginRight: 12,
    marginTop: 18,
    marginBottom: 34,
    x: { domain: [X_MIN, X_MAX], label: 'x', labelAnchor: 'right' as const },
    y: { domain, label, labelAnchor: 'top' as const, nice: false },
  };
}

export function functionChart(
  step: boolean,
  shown: FunctionName[],
  data: Curve,
  domain: [number, number],
  width: number,
) {
  return {
    alt: '',
    ...baseOptions(width, domain, 'f(x)'),
    marks: [
      Plot.ruleY([0], { stroke: 'var(--c-grid)' }),
      Plot.ruleX([0], { stroke: 'var(--c-grid)' }),
      ...lines(data, shown),
      // The step's jump: filled where the value is (step(0) = 0), hollow where it is not.
      step ? Plot.dot([{ x: 0, y: 0 }], { x: 'x', y: 'y', r: 4, fill: STYLE.step.color }) : null,
      step
        ? Plot.dot([{ x: 0, y: 1 }], {
            x: 'x',
            y: 'y',
            r: 4,
            fill: 'var(--bg)',
            stroke: STYLE.step.color,
            strokeWidth: 2,
          })
        : null,
    ],
  };
}

export function derivativeChart(
  step: boolean,
  alpha: number,
  shown: FunctionName[],
  data: Curve,
  domain: [number, number],
  width: number,
) {
  // At a corner the derivative jumps: filled at the value the engine uses, hollow at the other side's limit.
  const corners = shown
    .filter((fn) => breakpoints(fn).length && fn !== 'step')
    .flatMap((fn) => {
      const left = fn === 'leaky' ? alpha : 0;
      return [
        { fn, x: 0, y: left, filled: true },
        { fn, x: 0, y: 1, filled: false },
      ];
    });
  return {
    alt: '',
    ...baseOptions(width, domain, 'slope f′(x)'),
    marks: [
      Plot.ruleY([0], { stroke: 'var(--c-grid)' }),
      Plot.ruleX([0], { stroke: 'var(--c-grid)' }),
      ...lines(data, shown),
      ...corners.map((c) =>
        Plot.dot([c], {
          x: 'x',
          y: 'y',
          r: 4,
          fill: c.filled ? STYLE[c.fn].color : 'var(--bg)',
          stroke: STYLE[c.fn].color,
          strokeWidth: 2,
        }),
      ),
      step
        ? Plot.dot([{ x: 0, y: 0 }], {
            x: 'x',
            y: 'y',
            r: 4.5,
            fill: 'var(--bg)',
            stroke: STYLE.step.color,
            strokeWidth: 2,
          })
        : null,
      step
        ? Plot.text(['step′: 0, none at the jump (○)'], {
            x: () => X_MIN + 0.1,
            y: () => domain[0] + 0.68 * (domain[1] - domain[0]),
            textAnchor: 'start',
            fill: 'var(--c-ink)',
            fontSize: 12,
          })
        : null,
    ],
  };
}
