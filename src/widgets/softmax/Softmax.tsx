/**
 * `softmax` — logits for apple, orange, banana (up to six classes) turned into probabilities: the
 * exponentials, their sum and the division, each with the current numbers, a bar chart of the
 * probabilities, and the naive formula next to the max-subtracted one. A shift of up to ±1000
 * makes the naive one overflow to Infinity and NaN, computed honestly in float64.
 */
import { useMemo } from 'preact/hooks';
import { Chart, fixedHeight } from '../shared/Chart';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { softmaxSchema } from './state';
import { CLASSES, compute, numberTex, numberText } from './model';
import { denominator, logitTex, logitText, sub, sum } from './numbers';
import { naiveLead, naiveVerdict } from './naive-verdict';
import { Method } from './MethodPanel';
import { Bars, chartAlt, chartOptions, rowsOf } from './ProbabilityChart';
import './softmax.css';
import { useWidth } from '../shared/useWidth';
import meta from './widget.json';

export default function Softmax({ headingLevel }: WidgetProps) {
  const { state, update, frame, Slider } = useWidget('softmax', softmaxSchema);
  const r = useMemo(() => compute(state), [state]);
  const [box, boxWidth] = useWidth(440);
  const width = Math.max(260, Math.min(560, boxWidth));
  // Axes change with the number of classes, the width and whether the naive formula broke; bars,
  // marks and labels are the overlay.
  const broken = r.naive.probs.slice(0, state.k).some((p) => !Number.isFinite(p));
  const options = useMemo(() => chartOptions(state.k, broken, width), [state.k, broken, width]);
  const classes = CLASSES.slice(0, state.k);
  const naiveOk = r.verdict.kind === 'ok';
  const subLevel = Math.min(6, (headingLevel ?? 3) + 1) as 3 | 4 | 5;

  const announce =
    classes.map((c, i) => `${c} ${numberText(r.stable.probs[i]!).text}`).join(', ') +
    `. Naive formula: ${naiveOk ? 'the same' : r.naive.probs.some(Number.isNaN) ? 'NaN' : 'wrong'}.`;

  return (
    <WidgetFrame
      {...frame}
      report={{ k: state.k, maxProb: Math.max(...r.stable.probs) }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Set the logits of an apple, orange and banana classifier (or up to six classes) and follow the softmax:
          exponentiate, add up, divide. Then shift every logit by hundreds, as in the lecture's (1000, 999, 998.1), and
          compare the textbook formula with the stable one.
        </p>
      }
      announce={announce}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Slider field="k" label="Number of classes" />
          <fieldset class="softmax__logits">
            <legend>Logits z (before the shift)</legend>
            {classes.map((c, i) => (
              <Slider field="z" label={`z${sub(i + 1)} (${c})`} index={i} />
            ))}
          </fieldset>
          <Slider field="shift" label="Add to every logit" />
          <div class="control control--buttons" role="group" aria-label="Shift presets">
            <button type="button" onClick={() => update({ k: 3, z: [2, 1, 0.1, ...state.z.slice(3)], shift: 998 })}>
              The lecture's (1000, 999, 998.1)
            </button>
            <button type="button" onClick={() => update({ shift: -1000 })}>
              Shift by −1000
            </button>
            <button type="button" onClick={() => update({ shift: 0 })}>
              No shift
            </button>
          </div>
        </div>
        <div ref={box} class="softmax__chart">
          <p class="softmax__logit-line" data-readout="logits">
            Logits fed to the softmax: ({r.logits.map(logitText).join(', ')})
          </p>
          <Chart
            options={options}
            sized={fixedHeight(options)}
            alt={chartAlt(state, r)}
            overlay={(sc) => <Bars sc={sc} rows={rowsOf(state, r)} />}
            table={{
              caption: 'Logits and probabilities, naive and stable',
              columns: ['class', 'logit z', 'naive probability', 'stable probability'],
              rows: classes.map((c, i) => [
                c,
                logitText(r.logits[i]!),
                numberText(r.naive.probs[i]!).text,
                numberText(r.stable.probs[i]!).text,
              ]),
            }}
          />
          <p class="softmax__legend">
            <span class="softmax__key softmax__key--bar" aria-hidden="true" /> bars: the stable softmax{' · '}
            {r.naive.probs.every(Number.isFinite) ? (
              <>
                <span class="softmax__key softmax__key--tick" aria-hidden="true" /> dashed marks: the naive formula
              </>
            ) : (
              <>
                <span class="softmax__bad">NaN</span> in the top row: the naive formula has no value
              </>
            )}
          </p>
        </div>
      </div>
      <div class="softmax__compare">
        <Method
          level={subLevel}
          kind="naive"
          title="Naive: the textbook formula"
          classes={classes}
          steps={r.naive}
          texLines={[
            `\\hat{y}_1 &= \\frac{e^{z_1}}{\\sum_j e^{z_j}}`,
            `&= \\frac{e^{${logitTex(r.logits[0]!)}}}{${denominator(r.logits)}}`,
            `&= \\frac{${numberTex(r.naive.exps[0]!)}}{${numberTex(r.naive.sum)}} = ${numberTex(r.naive.probs[0]!)}`,
          ]}
          lead={naiveLead(r)}
          verdict={naiveVerdict(r)}
          good={naiveOk}
        />
        <Method
          level={subLevel}
          kind="stable"
          title="Stable: subtract the largest logit first"
          classes={classes}
          steps={r.stable}
          max={r.stable.max}
          texLines={[
            `\\hat{y}_1 &= \\frac{e^{z_1 - m}}{\\sum_j e^{z_j - m}}, \\quad m = ${logitTex(r.stable.max)}`,
            `&= \\frac{e^{${logitTex(r.stable.exponents[0]!)}}}{${denominator(r.stable.exponents)}}`,
            `&= \\frac{${numberTex(r.stable.exps[0]!)}}{${numberTex(r.stable.sum)}} = ${numberTex(r.stable.probs[0]!)}`,
          ]}
          lead="Always works."
          verdict={
            <>
              Every exponent z − m is at most 0, so each e<sup>z − m</sup> lies between 0 and 1 and the sum between 1
              and {state.k}: nothing can overflow. The probabilities (from the engine's softmax) add up to{' '}
              {numberText(sum(r.stable.probs)).text}.
            </>
          }
          good
        />
      </div>
    </WidgetFrame>
  );
}
