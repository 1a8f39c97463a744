/** The loss chart: the −log p curve (both branches in the binary case) and the current point on it. */
import * as Plot from '@observablehq/plot';
import { linePath, type ChartScales } from '../shared/Chart';
import { fmt } from '~/util/format';
import { LOSS_CAP, PRESETS, PRESET_LOSS, type Result, type lossCurves } from './model';
import type { CrossEntropyState } from './state';
import { lossText } from './explanation';

export const curveAlt = (state: CrossEntropyState, r: Result) =>
  state.mode === 'binary'
    ? `The two branches of binary cross-entropy against ŷ: −log ŷ for y = 1 and −log(1 − ŷ) for y = 0. The current point is on the y = ${state.y} branch at ŷ = ${fmt(state.yhat, 3)}, loss ${lossText(r.loss)}.`
    : `The curve −log p for p from 0 to 1${state.clip ? ', clipped' : ''}. The current point is at p = ${fmt(r.pTrue, 3)}, loss ${lossText(r.loss)}.`;

/** The current point on the curve, or, where the loss is infinite, a sentence saying so. */
export function Point({ sc, state, r, yMax }: { sc: ChartScales; state: CrossEntropyState; r: Result; yMax: number }) {
  const binary = state.mode === 'binary';
  const x = binary ? state.yhat : r.pTrue;
  if (r.loss === Infinity)
    return (
      <text
        x={sc.x(x < 0.5 ? 0.04 : 0.96)}
        y={sc.y(yMax * 0.55)}
        dy="0.32em"
        text-anchor={x < 0.5 ? 'start' : 'end'}
        fill="var(--c-red)"
        font-weight={700}
        font-size="13"
      >
        loss at {binary ? 'ŷ' : 'p'} = {fmt(x, 0)}: infinite — no point to draw
      </text>
    );
  return <circle cx={sc.x(x)} cy={sc.y(r.loss)} r={7} fill="var(--c-blue)" stroke="var(--bg)" stroke-width={2} />;
}

/** The axes of the loss chart (x from 0 to 1, y from 0 to `yMax`); `Curves` and `Point` draw the rest. */
export function curveChart(yMax: number, width: number) {
  return {
    alt: '',
    width,
    height: 250,
    marginTop: 22,
    marginBottom: 38,
    marginLeft: 44,
    marginRight: 12,
    // The x axis's label names the case, so `Curves` writes it.
    x: { domain: [0, 1], label: null },
    y: { domain: [0, yMax], label: 'loss', grid: true, nice: false },
    marks: [Plot.ruleY([0], { stroke: 'var(--c-ink)' })],
  };
}

/**
 * The loss curve of the true label (blue), in the binary case the other branch (orange, dashed)
 * and the branches' names, the slides' blue and yellow predictions on the categorical curve, the
 * clipping cap once the loss axis is tall, and the x axis's label. Drawn as Plot drew them (the
 * half-pixel shifts are Plot's), over the axes.
 */
export function Curves({
  sc,
  state,
  curves,
  yMax,
}: {
  sc: ChartScales;
  state: CrossEntropyState;
  curves: ReturnType<typeof lossCurves>;
  yMax: number;
}) {
  const binary = state.mode === 'binary';
  const xLabel = binary ? 'ŷ, the predicted probability of y = 1' : 'p, the probability given to the true class';
  const references = binary
    ? []
    : [
        { p: PRESETS.blue[1], loss: PRESET_LOSS.blue, label: 'blue' },
        { p: PRESETS.yellow[1], loss: PRESET_LOSS.yellow, label: 'yellow' },
      ];
  const cap = sc.y(LOSS_CAP);
  const line = { fill: 'none', 'stroke-linejoin': 'round', 'stroke-linecap': 'round' } as const;
  return (
    <>
      {yMax > 5 && state.clip && (
        <>
          <line
            x1={sc.left}
            x2={sc.right}
            y1={cap + 0.5}
            y2={cap + 0.5}
            stroke="var(--c-muted)"
            stroke-dasharray="2 3"
          />
          <text x={sc.x(0.03) + 0.5} y={cap + 10.5} dy="0.71em" text-anchor="start" fill="var(--c-muted)">
            clipping cap −log(10⁻⁷) ≈ {fmt(LOSS_CAP, 2)}
          </text>
        </>
      )}
      <g clip-path={sc.clip}>
        <g transform="translate(0.5,0.5)">
          {binary && (
            <path
              {...line}
              d={linePath(curves.other, sc)}
              stroke="var(--c-orange)"
              stroke-width={2}
              stroke-dasharray="7 4"
            />
          )}
          <path {...line} d={linePath(curves.main, sc)} stroke="var(--c-blue)" stroke-width={2.5} />
        </g>
      </g>
      <g transform="translate(0.5,0.5)">
        {binary &&
          (
            [
              ['y = 1: −log ŷ', 0.1, 0.85, 'start', state.y === '1'],
              ['y = 0: −log(1 − ŷ)', 0.9, 0.62, 'end', state.y === '0'],
            ] as const
          ).map(([label, x, height, anchor, active]) => (
            // Clear of both curves: at these heights the curves are still near the edges.
            <text
              x={sc.x(x)}
              y={sc.y(yMax * height)}
              dy="0.32em"
              text-anchor={anchor}
              fill={active ? 'var(--c-blue)' : 'var(--c-orange)'}
              font-weight={600}
            >
              {label}
            </text>
          ))}
        {references.map((d) => (
          <circle cx={sc.x(d.p)} cy={sc.y(d.loss)} r={4} fill="var(--bg)" stroke="var(--c-muted)" stroke-width={1.5} />
        ))}
      </g>
      <g transform="translate(0.5,-9.5)" fill="var(--c-muted)" text-anchor="middle">
        {references.map((d) => (
          <text x={sc.x(d.p)} y={sc.y(d.loss)} dy="0.32em">
            {d.label}
          </text>
        ))}
      </g>
      <line x1={sc.left} x2={sc.right} y1={sc.y(0) + 0.5} y2={sc.y(0) + 0.5} stroke="var(--c-ink)" />
      <text x={sc.right + 9.5} y={sc.bottom + 35.5} text-anchor="end">
        {xLabel} →
      </text>
    </>
  );
}
