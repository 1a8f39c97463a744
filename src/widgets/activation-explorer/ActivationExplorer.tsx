/**
 * `activation-explorer` — step, linear, sigmoid, tanh, ReLU and leaky ReLU with their derivatives.
 * Switch functions on to compare them, move the probe x (slider, or drag on either chart) and
 * read f(x) and f′(x), the tangent whose slope f′(x) is, the formulas with the numbers filled in,
 * and what the slope means for learning (the step's missing gradient, saturation, dead ReLUs).
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Chart, type ChartPointer, type ChartScales, chartHeight, type ChartSizing } from '../shared/Chart';
import { symbolPath, type SymbolName } from '~/charts/plot';
import { ScrollTable } from '../shared/ScrollTable';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { clampToField } from '../shared/url-state';
import { fmt, fmtTex } from '~/util/format';
import { activationExplorerSchema } from './state';
import {
  FUNCTIONS,
  NAMES,
  X_MAX,
  X_MIN,
  breakpoints,
  curve,
  lessons,
  probe,
  shownFunctions,
  yDomain,
  type FunctionName,
  type Probe,
} from './model';
import './activation-explorer.css';
import { useWidth } from '../shared/useWidth';
import meta from './widget.json';

/** Colour, dash and probe symbol of each function (never colour alone). */
const STYLE: Record<FunctionName, { color: string; dash?: string; symbol: SymbolName }> = {
  step: { color: 'var(--c-purple)', dash: '12 3 3 3', symbol: 'diamond' },
  linear: { color: 'var(--c-ink)', dash: '16 5', symbol: 'triangle' },
  sigmoid: { color: 'var(--c-blue)', symbol: 'circle' },
  tanh: { color: 'var(--c-orange)', dash: '7 4', symbol: 'square' },
  relu: { color: 'var(--c-green)', dash: '2 4', symbol: 'star' },
  leaky: { color: 'var(--c-red)', dash: '12 3 2 3 2 3', symbol: 'cross' },
};

function Swatch({ fn }: { fn: FunctionName }) {
  const s = STYLE[fn];
  return (
    <svg class="activation-explorer__swatch" width="30" height="12" viewBox="0 0 30 12" aria-hidden="true">
      <line
        x1="1"
        y1="6"
        x2="29"
        y2="6"
        stroke={s.color}
        stroke-width="2.5"
        stroke-dasharray={s.dash}
        stroke-linecap={fn === 'relu' ? 'round' : 'butt'}
      />
    </svg>
  );
}

/**
 * The value one frame late: Preact runs effects after the browser has painted, so whatever is
 * drawn from this follows in the next frame. The formulas (up to six KaTeX blocks) use it, so an
 * input repaints the charts and the table within its own frame and the typeset numbers right after.
 */
function useNextFrame<T>(value: T): T {
  const [late, setLate] = useState(value);
  useEffect(() => setLate(value), [value]);
  return late;
}

const num = (x: number | undefined, digits = 3) => (x === undefined ? 'none' : fmt(x, digits));

export default function ActivationExplorer({ headingLevel }: WidgetProps) {
  const { state, update, frame, Slider, Toggle } = useWidget('activation-explorer', activationExplorerSchema);
  // Keyed on which functions are on, not on the whole state: moving the probe keeps the same list,
  // so the curves and both charts are not drawn again (only the overlay moves).
  const shownKey = shownFunctions(state).join(' ');
  const shown = useMemo(() => (shownKey ? (shownKey.split(' ') as FunctionName[]) : []), [shownKey]);
  const probes = useMemo(() => shown.map((fn) => probe(fn, state.x, state.alpha)), [shown, state.x, state.alpha]);
  const [box, boxWidth] = useWidth(520);
  const width = Math.max(260, Math.min(640, boxWidth));
  // Curves depend on the functions and α only, not on the probe: drawing them again is cheap, computing them is cached.
  const curves = useMemo(
    () => ({
      f: shown.flatMap((fn) => curve(fn, 'f', state.alpha)),
      df: shown.flatMap((fn) => curve(fn, 'df', state.alpha)),
      fDomain: yDomain(shown, 'f', state.alpha),
      dfDomain: yDomain(shown, 'df', state.alpha),
    }),
    [shown, state.alpha],
  );
  // The charts are drawn again only when the functions, α or the width change; the probe (its
  // rule, dots, tangents and label) moves in the overlay.
  const { step, alpha } = state;
  const fOptions = useMemo(
    () => functionChart(step, shown, curves.f, curves.fDomain, width),
    [step, shown, curves, width],
  );
  const dfOptions = useMemo(
    () => derivativeChart(step, alpha, shown, curves.df, curves.dfDomain, width),
    [step, alpha, shown, curves, width],
  );
  const notes = useMemo(() => lessons(state), [state]);
  const late = useNextFrame(state);
  const lateProbes = useMemo(() => shownFunctions(late).map((fn) => probe(fn, late.x, late.alpha)), [late]);

  const onPointer = (p: ChartPointer) => update({ x: clampToField(activationExplorerSchema.x, p.x) });
  const x = state.x;
  const announce = probes.length
    ? `At x = ${fmt(x)}: ` + probes.map((p) => `${NAMES[p.fn]} ${num(p.f)}, slope ${num(p.df)}`).join('; ') + '.'
    : 'No function is switched on.';

  return (
    <WidgetFrame
      {...frame}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Switch functions on to compare them. Move the probe x with the slider, or drag across either chart: the table
          gives f(x) and its slope f′(x), which the short straight line (the tangent) shows on the curve.
        </p>
      }
      announce={announce}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <fieldset class="activation-explorer__toggles">
            <legend>Functions shown</legend>
            {FUNCTIONS.map((fn) => (
              <Toggle
                field={fn}
                label={
                  <>
                    <Swatch fn={fn} /> {NAMES[fn]}
                  </>
                }
              />
            ))}
          </fieldset>
        </div>
        <div ref={box} class="activation-explorer__charts">
          <Chart
            options={fOptions}
            sized={HEIGHT_RULE}
            onPointer={onPointer}
            alt={
              shown.length
                ? `Line chart of ${shown.map((fn) => NAMES[fn]).join(', ')} for x from ${X_MIN} to ${X_MAX}, with the probe at x = ${fmt(x)} and short tangent lines there.`
                : 'Empty chart: no function is switched on.'
            }
            overlay={(sc) => <ProbeMarks sc={sc} x={x} probes={probes} pick={(p) => p.f} tangents />}
          />
          <Chart
            options={dfOptions}
            sized={HEIGHT_RULE}
            onPointer={onPointer}
            alt={
              shown.length
                ? `Line chart of the derivatives f′(x) of ${shown.map((fn) => NAMES[fn]).join(', ')}, with the probe at x = ${fmt(x)}.`
                : 'Empty chart: no function is switched on.'
            }
            overlay={(sc) => <ProbeMarks sc={sc} x={x} probes={probes} pick={(p) => p.df} />}
            table={{
              caption: `f(x) and f′(x) of the shown functions at x = ${fmt(x)}`,
              columns: ['function', 'f(x)', 'f′(x)'],
              rows: probes.map((p) => [NAMES[p.fn], num(p.f), num(p.df)]),
            }}
          />
          <div class="activation-explorer__sliders">
            <Slider field="x" label="Probe x" />
            {state.leaky && <Slider field="alpha" label="Leaky ReLU slope α (for x < 0)" />}
          </div>
        </div>
      </div>
      {probes.length === 0 ? (
        <p class="widget__status" data-readout="empty">
          No function is switched on: choose one or more above.
        </p>
      ) : (
        <>
          <ScrollTable label="Values at the probe">
            <table class="activation-explorer__values">
              <caption>At the probe x = {fmt(x)}</caption>
              <thead>
                <tr>
                  <th scope="col">function</th>
                  <th scope="col">f(x)</th>
                  <th scope="col">slope f′(x)</th>
                </tr>
              </thead>
              <tbody>
                {probes.map((p) => (
                  <tr>
                    <th scope="row">
                      <Swatch fn={p.fn} /> {NAMES[p.fn]}
                    </th>
                    <td data-readout={`f-${p.fn}`}>{num(p.f)}</td>
                    <td data-readout={`df-${p.fn}`}>
                      {p.df === undefined ? 'none (jump)' : num(p.df)}
                      {p.convention ? ' (corner: by convention)' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          {notes.length > 0 && (
            <ul class="activation-explorer__notes" data-readout="notes">
              {notes.map((n) => (
                <li>{n}</li>
              ))}
            </ul>
          )}
          {state.step && (
            <div class="activation-explorer__nogradient" data-readout="step-gradient">
              <p>
                <strong>Why the step cannot be trained by backpropagation.</strong> Learning changes each weight in
                proportion to how the loss changes with it, and the chain rule multiplies that by the slope of every
                activation on the way. The step is flat on both sides of its jump, so its slope is 0 everywhere (and
                does not exist at 0): every gradient through it becomes 0, and gradient descent never moves the weights.
                The sigmoid is a smooth step with a slope everywhere, which is why logistic regression can learn.
              </p>
            </div>
          )}
          <div class="activation-explorer__formulas">
            {lateProbes.map((p) => (
              <div class="activation-explorer__formula">
                <p class="activation-explorer__formula-name">
                  <Swatch fn={p.fn} /> {NAMES[p.fn]}
                </p>
                <Formulas {...formulas(p, late.x, late.alpha)} />
              </div>
            ))}
          </div>
        </>
      )}
    </WidgetFrame>
  );
}

function Formulas({ general, live }: { general: string; live: string }) {
  return (
    <>
      <Tex display tex={general} />
      <Tex display tex={live} />
    </>
  );
}

/**
 * The formulas of f and f′ (`general`, the same for every x, so KaTeX typesets them once) and the
 * same with the probe's numbers (`live`), each as a short aligned block, narrow enough for a phone.
 */
function formulas(p: Probe, x: number, alpha: number): { general: string; live: string } {
  const X = fmtTex(x);
  const a = fmtTex(alpha);
  const v = (y: number | undefined) => (y === undefined ? '\\text{none}' : fmtTex(y, 3));
  const corner = x === 0 ? '\\ \\text{(corner: by convention)}' : '';
  let rows: [string, string][];
  switch (p.fn) {
    case 'step':
      rows = [
        ['\\text{step}(x)', '\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}'],
        ["\\text{step}'(x)", '0 \\ (x \\ne 0), \\ \\text{none at } x = 0'],
        [`\\text{step}(${X})`, v(p.f)],
        [`\\text{step}'(${X})`, p.df === undefined ? '\\text{none (the jump)}' : '0'],
      ];
      break;
    case 'linear':
      rows = [
        ['f(x)', 'x'],
        ["f'(x)", '1'],
        [`f(${X})`, X],
        [`f'(${X})`, '1'],
      ];
      break;
    case 'sigmoid':
      rows = [
        ['\\sigma(x)', '\\frac{1}{1 + e^{-x}}'],
        ["\\sigma'(x)", '\\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)'],
        [`\\sigma(${X})`, `\\frac{1}{1 + e^{${fmtTex(-x)}}} = ${v(p.f)}`],
        [`\\sigma'(${X})`, `${v(p.f)}\\,(1 - ${v(p.f)}) = ${v(p.df)}`],
      ];
      break;
    case 'tanh':
      rows = [
        ['\\tanh(x)', '\\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}'],
        ["\\tanh'(x)", '1 - \\tanh^2(x)'],
        [`\\tanh(${X})`, v(p.f)],
        [`\\tanh'(${X})`, `1 - (${v(p.f)})^2 = ${v(p.df)}`],
      ];
      break;
    case 'relu':
      rows = [
        ['\\text{ReLU}(x)', '\\max(0, x)'],
        ["\\text{ReLU}'(x)", '\\begin{cases} 1 & x > 0 \\\\ 0 & x < 0 \\end{cases}'],
        [`\\text{ReLU}(${X})`, `\\max(0, ${X}) = ${v(p.f)}`],
        [`\\text{ReLU}'(${X})`, `${v(p.df)}${corner}`],
      ];
      break;
    case 'leaky':
      rows = [
        ['\\text{LReLU}(x)', `\\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases} \\quad (\\alpha = ${a})`],
        ["\\text{LReLU}'(x)", '\\begin{cases} 1 & x > 0 \\\\ \\alpha & x < 0 \\end{cases}'],
        [`\\text{LReLU}(${X})`, `${x > 0 ? X : `${a} \\times ${x < 0 ? `(${X})` : X}`} = ${v(p.f)}`],
        [`\\text{LReLU}'(${X})`, `${v(p.df)}${corner}`],
      ];
      break;
  }
  const block = (r: [string, string][]) =>
    `\\begin{aligned} ${r.map(([l, rhs]) => `${l} &= ${rhs}`).join(' \\\\[2pt] ')} \\end{aligned}`;
  return { general: block(rows.slice(0, 2)), live: block(rows.slice(2)) };
}

type Curve = ReturnType<typeof curve>;

/** The probe: a dashed rule at x, each function's dot there, the short tangents (f chart) and the label. */
function ProbeMarks(props: {
  sc: ChartScales;
  x: number;
  probes: Probe[];
  pick: (p: Probe) => number | undefined;
  tangents?: boolean;
}) {
  const { sc, x, probes, pick } = props;
  const px = sc.x(x);
  return (
    <>
      <line
        x1={px}
        x2={px}
        y1={sc.top}
        y2={sc.bottom}
        stroke="var(--c-ink)"
        stroke-dasharray="2 3"
        stroke-opacity={0.8}
      />
      {props.tangents &&
        probes
          .filter((p) => p.df !== undefined && !(p.convention && x === 0))
          .map((p) => (
            <line
              x1={sc.x(x - 0.8)}
              y1={sc.y(p.f - p.df! * 0.8)}
              x2={sc.x(x + 0.8)}
              y2={sc.y(p.f + p.df! * 0.8)}
              clip-path={sc.clip}
              stroke={STYLE[p.fn].color}
              stroke-width={1.5}
              stroke-opacity={0.9}
            />
          ))}
      {FUNCTIONS.flatMap((fn) =>
        probes
          .filter((p) => p.fn === fn && pick(p) !== undefined)
          .map((p) => (
            <path
              d={symbolPath(STYLE[fn].symbol, px, sc.y(pick(p)!), 5.5)}
              fill={STYLE[fn].color}
              stroke="var(--bg)"
              stroke-width={1.5}
            />
          )),
      )}
      <text x={sc.right} y={sc.top - 16} dy="0.32em" text-anchor="end" fill="var(--c-ink)" font-size="13">
        probe x = {fmt(x)}
      </text>
    </>
  );
}

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
        strokeDasharray: STYLE[fn].dash,
        strokeLinecap: fn === 'relu' ? 'round' : 'butt',
      },
    ),
  );
}

/** The chart's height for its width (the server reserves it before the chart is drawn). */
const HEIGHT_RULE: ChartSizing = { min: 200, max: 260, perWidth: 0.45 };

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

function functionChart(step: boolean, shown: FunctionName[], data: Curve, domain: [number, number], width: number) {
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

function derivativeChart(
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
