/**
 * `mse` — mean squared error, touchable. Targets (true temperatures) and predictions for one to
 * five days: drag either point on the chart, or set it with its slider or number field. Each error
 * is drawn with its square (side = the error, area = the squared error), and the mean of the
 * squares, the loss, is shown as a square of the same area and in the formula with the numbers
 * filled in. The first preset is the slides' 23.5 vs 22.9.
 */
import * as Plot from '@observablehq/plot';
import { useMemo, useRef, useState } from 'preact/hooks';
import { symbolPath } from '~/charts/plot';
import { Chart, type ChartPointer, type ChartScales, fixedHeight } from '../shared/Chart';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { useWidth } from '../shared/useWidth';
import { clampToField } from '../shared/url-state';
import { fmt, fmtTex } from '~/util/format';
import { mseSchema, type MseState } from './state';
import { PRESETS, compute, meanText, nearestHandle, yDomain, type MseResult } from './model';
import './mse.css';
import meta from './widget.json';

const HEIGHT = 300;
const MARGIN = { top: 20, right: 12, bottom: 38, left: 44 };

export default function Mse({ headingLevel }: WidgetProps) {
  const { state, update, reset, frame, Slider } = useWidget('mse', mseSchema);
  const r = useMemo(() => compute(state), [state]);
  const [box, boxWidth] = useWidth(560);
  const width = Math.max(280, Math.min(680, boxWidth));
  // While a point is dragged the y range stays put (otherwise the axis would move under the pointer).
  const [frozen, setFrozen] = useState<[number, number] | null>(null);
  const [lo, hi] = frozen ?? yDomain(state);
  const drag = useRef<{ kind: 't' | 'p'; index: number } | undefined>(undefined);
  // The axes are drawn again only when the days, the ranges or the width change; the squares, the
  // errors and the points move in the chart's overlay on every input.
  const n = state.n;
  const xMax = xRangeEnd(r, [lo, hi], width);
  const options = useMemo(() => chartOptions(n, [lo, hi], xMax, width), [n, lo, hi, xMax, width]);

  const setValue = (kind: 't' | 'p', index: number, v: number) => {
    const list = [...state[kind]];
    list[index] = clampToField(mseSchema[kind], v);
    update({ [kind]: list } as Partial<MseState>);
  };

  const onPointer = (e: ChartPointer) => {
    if (e.phase === 'down') {
      drag.current = nearestHandle(state, e.x, e.y, e.pixelX, e.pixelY);
      if (drag.current) setFrozen([lo, hi]);
    }
    const d = drag.current;
    if (d) setValue(d.kind, d.index, Math.min(hi, Math.max(lo, e.y)));
    if (e.phase === 'up') {
      drag.current = undefined;
      setFrozen(null);
    }
  };

  const mseText = meanText(r.mse);
  const lines =
    n === 1
      ? [
          `L &= \\bigl(y_{\\text{true}} - y_{\\text{predict}}\\bigr)^2`,
          `&= (${fmtTex(state.t[0]!, 1)} - ${fmtTex(state.p[0]!, 1)})^2 = (${fmtTex(r.examples[0]!.error, 1)})^2 = ${fmtTex(r.mse, 2)}`,
        ]
      : [
          `L &= \\frac{1}{${n}} \\sum_{i=1}^{${n}} \\bigl(y_{\\text{true}}^{i} - y_{\\text{predict}}^{i}\\bigr)^2`,
          `&= \\tfrac{1}{${n}} \\bigl(${r.examples.map((e) => fmtTex(e.squared, 2)).join(' + ')}\\bigr)`,
          `&= \\frac{${fmtTex(r.sum, 2)}}{${n}} ${Math.abs(Number(mseText) - r.mse) < 1e-9 ? '=' : '\\approx'} ${mseText.replace('−', '-')}`,
        ];
  const tex = `\\begin{aligned} ${lines.join(' \\\\[3pt] ')} \\end{aligned}`;

  return (
    <WidgetFrame
      {...frame}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Drag a true temperature (filled circle) or a prediction (hollow diamond) up or down, or set them with the
          sliders below. Each error comes with its square: the loss is the mean of the squares' areas. Add days and see
          how one big miss outweighs several small ones.
        </p>
      }
      onReset={() => {
        setFrozen(null);
        reset();
      }}
      announce={`Mean squared error ${mseText} over ${n} ${n === 1 ? 'day' : 'days'}.`}
      report={{ mse: Number(r.mse.toFixed(12)), n, sum: Number(r.sum.toFixed(12)) }}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Slider label="Number of days" field="n" />
          <div class="control control--buttons" role="group" aria-label="Examples">
            {PRESETS.map((p) => (
              <button type="button" onClick={() => update({ n: p.state.n, t: [...p.state.t], p: [...p.state.p] })}>
                {p.label}
              </button>
            ))}
          </div>
          <dl class="widget__readout">
            <dt>Sum of squared errors</dt>
            <dd data-readout="sum">{fmt(r.sum, 2)}</dd>
            <dt>Mean squared error L</dt>
            <dd data-readout="mse" class="mse__mean">
              {mseText}
            </dd>
          </dl>
        </div>
        <div ref={box} class="mse__chart">
          <Chart
            options={options}
            alt={chartAlt(r)}
            overlay={(sc) => <Squares sc={sc} r={r} />}
            sized={fixedHeight(options)}
            onPointer={onPointer}
            table={{
              caption: 'Targets, predictions, errors and squared errors',
              columns: ['day', 'true y', 'predicted ŷ', 'error y − ŷ', 'squared error'],
              rows: r.examples.map((e) => [
                e.i,
                fmt(e.target, 1),
                fmt(e.prediction, 1),
                fmt(e.error, 1),
                fmt(e.squared, 2),
              ]),
            }}
          />
          <p class="mse__legend">
            <span class="mse__key mse__key--target" aria-hidden="true" /> true y{' · '}
            <span class="mse__key mse__key--prediction" aria-hidden="true" /> prediction ŷ{' · '}
            <span class="mse__key mse__key--square" aria-hidden="true" /> squared error (side = error, area = its
            square)
          </p>
          <MeanSquare side={Math.min(240, Math.sqrt(r.mse) * pixelsPerDegree([lo, hi]))} text={mseText} />
          <Tex display tex={tex} />
        </div>
      </div>
      <div class="mse__days">
        {r.examples.map((e, k) => (
          <fieldset class="mse__day">
            <legend>
              Day {e.i}: error {fmt(e.error, 1)}, squared <span data-readout={`sq-${k}`}>{fmt(e.squared, 2)}</span>
            </legend>
            <Slider label={`True temperature y${sub(e.i)}`} field="t" index={k} unit="°C" />
            <Slider label={`Prediction ŷ${sub(e.i)}`} field="p" index={k} unit="°C" />
          </fieldset>
        ))}
      </div>
    </WidgetFrame>
  );
}

/** The loss as a square of area L, on the chart's scale: the average of the orange squares' areas. */
function MeanSquare({ side, text }: { side: number; text: string }) {
  const s = Math.max(1, side);
  return (
    <div class="mse__mean-square">
      <svg width={s + 4} height={s + 4} viewBox={`0 0 ${s + 4} ${s + 4}`} aria-hidden="true">
        <rect
          x="2"
          y="2"
          width={s}
          height={s}
          fill="var(--c-purple)"
          fill-opacity="0.18"
          stroke="var(--c-purple)"
          stroke-width="2"
          stroke-dasharray="5 3"
        />
      </svg>
      <p>
        The mean, L = {text}, as one square on the same scale: its area is the average of the orange squares' areas.
      </p>
    </div>
  );
}

const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
const sub = (i: number) => String(i).replace(/\d/g, (d) => SUB[Number(d)]!);

/** Screen pixels per degree on the y axis (the squares, and the mean's square below the chart, use it). */
const pixelsPerDegree = (domain: [number, number]) => (HEIGHT - MARGIN.top - MARGIN.bottom) / (domain[1] - domain[0]);

/**
 * Where the x axis ends: room on the right for the last day's square, whose width in days grows
 * with the x range itself — solve n + 0.06 + s·(xMax − 0.4) ≤ xMax for xMax, where s is its side
 * in pixels over the plot's width. Rounded up to a quarter day, so the axes stay put while the
 * last error changes a little.
 */
function xRangeEnd(r: MseResult, domain: [number, number], width: number): number {
  const n = r.examples.length;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const last = (pixelsPerDegree(domain) * Math.abs(r.examples[n - 1]!.error)) / plotWidth;
  const end = last < 0.7 ? Math.max(n + 0.6, (n + 0.1 - 0.4 * last) / (1 - last)) : n + 0.6;
  return Math.ceil(end * 4) / 4;
}

/** What the chart shows, for screen readers (written onto the drawn chart on every input). */
function chartAlt(r: MseResult): string {
  const n = r.examples.length;
  return `Chart of ${n} ${n === 1 ? 'day' : 'days'}: ${r.examples
    .map(
      (e) =>
        `day ${e.i}, true ${fmt(e.target, 1)}, predicted ${fmt(e.prediction, 1)}, squared error ${fmt(e.squared, 2)}`,
    )
    .join('; ')}. The mean squared error is ${meanText(r.mse)}.`;
}

/** The axes and grid: what sets the scales. */
function chartOptions(n: number, domain: [number, number], xMax: number, width: number) {
  const days = Array.from({ length: n }, (_, k) => k + 1);
  const xDomain: [number, number] = [0.4, xMax];
  return {
    // Replaced by `chartAlt` (the Chart's `alt`) whenever the chart is drawn.
    alt: `Chart of ${n} ${n === 1 ? 'day' : 'days'}: true temperatures, predictions and their squared errors.`,
    width,
    height: HEIGHT,
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    // On a phone the days are only numbered (the labels would collide), with "day" as the axis label.
    x:
      width < 480
        ? {
            domain: xDomain,
            ticks: days,
            tickFormat: (d: number) => String(d),
            label: 'day',
            labelAnchor: 'right' as const,
          }
        : { domain: xDomain, ticks: days, tickFormat: (d: number) => `day ${d}`, label: null },
    y: { domain, label: 'temperature (°C)', grid: true, nice: false },
    marks: [Plot.frame({ stroke: 'none' })],
  };
}

/**
 * Each day's error as a vertical line from the true value to the prediction, its square beside it
 * (side = the error on the y scale, so area = the squared error) labelled with the squared error,
 * and the two points: a filled circle for the true value, a hollow diamond for the prediction.
 */
function Squares({ sc, r }: { sc: ChartScales; r: MseResult }) {
  return (
    <>
      {r.examples.map((e) => {
        const top = sc.y(Math.max(e.target, e.prediction));
        const side = sc.y(Math.min(e.target, e.prediction)) - top;
        const x = sc.x(e.i);
        const left = sc.x(e.i + 0.04);
        return (
          <g key={e.i}>
            <rect
              x={left}
              y={top}
              width={side}
              height={side}
              clip-path={sc.clip}
              style={{ fill: 'var(--c-orange)', fillOpacity: 0.22, stroke: 'var(--c-orange)', strokeWidth: 1.5 }}
            />
            <line x1={x} x2={x} y1={top} y2={top + side} style={{ stroke: 'var(--c-ink)', strokeWidth: 2 }} />
            <text x={left + side / 2} y={top - 11} text-anchor="middle" font-size="12" style={{ fill: 'var(--c-ink)' }}>
              {fmt(e.squared, 2)}
            </text>
            <path
              data-mark="target"
              d={symbolPath('circle', x, sc.y(e.target), 7)}
              style={{ fill: 'var(--c-blue)', stroke: 'var(--bg)', strokeWidth: 1.5 }}
            />
            <path
              data-mark="prediction"
              d={symbolPath('diamond', x, sc.y(e.prediction), 7)}
              style={{ fill: 'var(--bg)', stroke: 'var(--c-ink)', strokeWidth: 2.5 }}
            />
          </g>
        );
      })}
    </>
  );
}
