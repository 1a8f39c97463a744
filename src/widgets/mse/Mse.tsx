/**
 * `mse` — mean squared error, touchable. Targets (true temperatures) and predictions for one to
 * five days: drag either point on the chart, or set it with its slider or number field. Each error
 * is drawn with its square (side = the error, area = the squared error), and the mean of the
 * squares, the loss, is shown as a square of the same area and in the formula with the numbers
 * filled in. The first preset is the slides' 23.5 vs 22.9.
 */
import * as Plot from '@observablehq/plot';
import { useMemo, useRef, useState } from 'preact/hooks';
import { Chart, type ChartPointer } from '../shared/Chart';
import { Slider } from '../shared/controls';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidgetState } from '../shared/useWidgetState';
import { useWidth } from '../shared/useWidth';
import { clampToField } from '../shared/url-state';
import { fmt, fmtTex } from '~/util/format';
import { mseSchema, type MseState } from './state';
import { PRESETS, compute, meanText, nearestHandle, yDomain, type MseResult } from './model';
import './mse.css';

const HEIGHT = 300;
const MARGIN = { top: 20, right: 12, bottom: 38, left: 44 };

export default function Mse({ headingLevel }: WidgetProps) {
  const { state, update, reset, notice, dismissNotice } = useWidgetState('mse', mseSchema);
  const r = useMemo(() => compute(state), [state]);
  const [box, boxWidth] = useWidth(560);
  const width = Math.max(280, Math.min(680, boxWidth));
  // While a point is dragged the y range stays put (otherwise the axis would move under the pointer).
  const [frozen, setFrozen] = useState<[number, number] | null>(null);
  const domain = frozen ?? yDomain(state);
  const drag = useRef<{ kind: 't' | 'p'; index: number } | undefined>(undefined);
  const options = useMemo(() => chartOptions(state, r, domain, width), [state, r, domain[0], domain[1], width]);

  const setValue = (kind: 't' | 'p', index: number, v: number) => {
    const list = [...state[kind]];
    list[index] = clampToField(mseSchema[kind], v);
    update({ [kind]: list } as Partial<MseState>);
  };

  const onPointer = (e: ChartPointer) => {
    if (e.phase === 'down') {
      drag.current = nearestHandle(state, e.x, e.y, e.pixelX, e.pixelY);
      if (drag.current) setFrozen(domain);
    }
    const d = drag.current;
    if (d) setValue(d.kind, d.index, Math.min(domain[1], Math.max(domain[0], e.y)));
    if (e.phase === 'up') {
      drag.current = undefined;
      setFrozen(null);
    }
  };

  const n = state.n;
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
      name="mse"
      schema={mseSchema}
      state={state}
      headingLevel={headingLevel}
      title="Mean squared error, square by square"
      intro={
        <p>
          Drag a true temperature (filled circle) or a prediction (hollow diamond) up or down, or set them with the sliders below. Each error comes
          with its square: the loss is the mean of the squares' areas. Add days and see how one big miss outweighs several small ones.
        </p>
      }
      notice={notice}
      onDismissNotice={dismissNotice}
      onReset={() => {
        setFrozen(null);
        reset();
      }}
      announce={`Mean squared error ${mseText} over ${n} ${n === 1 ? 'day' : 'days'}.`}
      report={{ mse: Number(r.mse.toFixed(12)), n, sum: Number(r.sum.toFixed(12)) }}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Slider label="Number of days" field="n" value={n} min={1} max={5} step={1} onChange={(v) => update({ n: v })} />
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
            onPointer={onPointer}
            table={{
              caption: 'Targets, predictions, errors and squared errors',
              columns: ['day', 'true y', 'predicted ŷ', 'error y − ŷ', 'squared error'],
              rows: r.examples.map((e) => [e.i, fmt(e.target, 1), fmt(e.prediction, 1), fmt(e.error, 1), fmt(e.squared, 2)]),
            }}
          />
          <p class="mse__legend">
            <span class="mse__key mse__key--target" aria-hidden="true" /> true y{' · '}
            <span class="mse__key mse__key--prediction" aria-hidden="true" /> prediction ŷ{' · '}
            <span class="mse__key mse__key--square" aria-hidden="true" /> squared error{' · '}
            <span class="mse__key mse__key--mean" aria-hidden="true" /> the mean: a square of area L
          </p>
          <Tex display tex={tex} />
        </div>
      </div>
      <div class="mse__days">
        {r.examples.map((e, k) => (
          <fieldset class="mse__day">
            <legend>
              Day {e.i}: error {fmt(e.error, 1)}, squared <span data-readout={`sq-${k}`}>{fmt(e.squared, 2)}</span>
            </legend>
            <Slider
              label={`True temperature y${sub(e.i)}`}
              field="t"
              value={state.t[k]!}
              min={0}
              max={40}
              step={0.1}
              unit="°C"
              onChange={(v) => setValue('t', k, v)}
            />
            <Slider
              label={`Prediction ŷ${sub(e.i)}`}
              field="p"
              value={state.p[k]!}
              min={0}
              max={40}
              step={0.1}
              unit="°C"
              onChange={(v) => setValue('p', k, v)}
            />
          </fieldset>
        ))}
      </div>
    </WidgetFrame>
  );
}

const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
const sub = (i: number) => String(i).replace(/\d/g, (d) => SUB[Number(d)]!);

function chartOptions(state: MseState, r: MseResult, domain: [number, number], width: number) {
  const n = state.n;
  // Room on the right for the square of the mean.
  const xMax = n + 1.6;
  const xDomain: [number, number] = [0.4, xMax];
  const pxPerX = (width - MARGIN.left - MARGIN.right) / (xDomain[1] - xDomain[0]);
  const pxPerY = (HEIGHT - MARGIN.top - MARGIN.bottom) / (domain[1] - domain[0]);
  // A square drawn in data units: its width in x units is its height in y units times this.
  const k = pxPerY / pxPerX;
  const squares = r.examples.map((e) => {
    const side = Math.abs(e.error);
    return { x1: e.i + 0.04, x2: e.i + 0.04 + side * k, y1: Math.min(e.target, e.prediction), y2: Math.max(e.target, e.prediction), ...e };
  });
  const meanSide = Math.sqrt(r.mse);
  const meanX = n + 0.75;
  const mid = (domain[0] + domain[1]) / 2;
  const mean = { x1: meanX, x2: meanX + meanSide * k, y1: mid - meanSide / 2, y2: mid + meanSide / 2 };
  const days = r.examples.map((e) => e.i);
  return {
    alt: `Chart of ${n} ${n === 1 ? 'day' : 'days'}: ${r.examples
      .map((e) => `day ${e.i}, true ${fmt(e.target, 1)}, predicted ${fmt(e.prediction, 1)}, squared error ${fmt(e.squared, 2)}`)
      .join('; ')}. The mean squared error is ${meanText(r.mse)}.`,
    width,
    height: HEIGHT,
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    x: { domain: xDomain, ticks: days, tickFormat: (d: number) => `day ${d}`, label: null },
    y: { domain, label: 'temperature (°C)', grid: true, nice: false },
    marks: [
      Plot.rect(squares, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'var(--c-orange)', fillOpacity: 0.22, stroke: 'var(--c-orange)', strokeWidth: 1.5, clip: true }),
      Plot.ruleX(squares, { x: 'i', y1: 'y1', y2: 'y2', stroke: 'var(--c-ink)', strokeWidth: 2 }),
      Plot.text(squares, {
        x: (d: (typeof squares)[number]) => (d.x1 + d.x2) / 2,
        y: 'y2',
        text: (d: (typeof squares)[number]) => fmt(d.squared, 2),
        dy: -7,
        lineAnchor: 'bottom',
        textAnchor: 'middle',
        fill: 'var(--c-ink)',
        fontSize: 12,
      }),
      Plot.dot(r.examples, { x: 'i', y: 'target', r: 7, symbol: 'circle', fill: 'var(--c-blue)', stroke: 'var(--bg)', strokeWidth: 1.5 }),
      Plot.dot(r.examples, { x: 'i', y: 'prediction', r: 7, symbol: 'diamond', fill: 'var(--bg)', stroke: 'var(--c-ink)', strokeWidth: 2.5 }),
      Plot.rect([mean], { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'var(--c-purple)', fillOpacity: 0.18, stroke: 'var(--c-purple)', strokeWidth: 2, strokeDasharray: '5 3', clip: true }),
      Plot.text([`mean L = ${meanText(r.mse)}`], { x: () => meanX, y: () => mean.y2, dy: -7, lineAnchor: 'bottom', textAnchor: 'start', fill: 'var(--c-ink)', fontWeight: 600, fontSize: 12 }),
    ],
  };
}
