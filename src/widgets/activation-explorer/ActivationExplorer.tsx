/**
 * `activation-explorer` — step, linear, sigmoid, tanh, ReLU and leaky ReLU with their derivatives.
 * Switch functions on to compare them, move the probe x (slider, or drag on either chart) and
 * read f(x) and f′(x), the tangent whose slope f′(x) is, the formulas with the numbers filled in,
 * and what the slope means for learning (the step's missing gradient, saturation, dead ReLUs).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Chart, type ChartPointer } from '../shared/Chart';
import { ScrollTable } from '../shared/ScrollTable';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { clampToField } from '../shared/url-state';
import { fmt } from '~/util/format';
import { activationExplorerSchema } from './state';
import {
  FUNCTIONS,
  NAMES,
  X_MAX,
  X_MIN,
  curve,
  lessons,
  probe,
  shownFunctions,
  yDomain,
  type FunctionName,
} from './model';
import { Swatch } from './FunctionStyle';
import { HEIGHT_RULE, derivativeChart, functionChart } from './charts';
import { ProbeMarks } from './ProbeMarks';
import { Formulas, formulas } from './Formulas';
import './activation-explorer.css';
import { useWidth } from '../shared/useWidth';
import meta from './widget.json';

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
