/**
 * `cross-entropy` — the loss of one prediction against a one-hot target. Shape the predicted
 * distribution over Dog, Pear, House, Grass (the other probabilities follow so that they always
 * sum to 1), choose the true class, try the slides' blue and yellow predictions, and follow the
 * point on the −log p curve. Clipping to [1e-7, 1 − 1e-7] can be switched off to see the loss
 * become infinite at p = 0. The binary case shows both branches of binary cross-entropy.
 */
import { useMemo } from 'preact/hooks';
import { Chart, fixedHeight } from '../shared/Chart';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { useWidth } from '../shared/useWidth';
import { fmt } from '~/util/format';
import { crossEntropySchema } from './state';
import { CLASSES, PRESETS, PRESET_LOSS, compute, lossCurves, setProbability } from './model';
import { formulaTex, lossText, verdictText } from './explanation';
import { Bars, barAlt, barChart } from './ProbabilityBars';
import { Curves, Point, curveAlt, curveChart } from './LossCurve';
import './cross-entropy.css';
import meta from './widget.json';

export default function CrossEntropy({ headingLevel }: WidgetProps) {
  const { state, update, frame, Slider, Select, Toggle } = useWidget('cross-entropy', crossEntropySchema);
  const r = useMemo(() => compute(state), [state]);
  const [box, boxWidth] = useWidth(520);
  const width = Math.max(260, Math.min(640, boxWidth));
  // The axes are drawn again only when the loss leaves the short y axis (or comes back) and when the
  // width changes; the curves, the references, the bars, the class names and the point are the
  // overlays, so the case, the true class, the label y and clipping move only them.
  const tall = r.loss === Infinity || r.loss > 4.6;
  const yMax = tall ? 17.5 : 5;
  const { mode, clip, y } = state;
  const curveOptions = useMemo(() => curveChart(yMax, width), [yMax, width]);
  const curves = useMemo(() => lossCurves(mode, clip, y, yMax), [mode, clip, y, yMax]);
  const barOptions = useMemo(() => barChart(width), [width]);
  const binary = state.mode === 'binary';
  const infinite = r.loss === Infinity;

  const setP = (i: number, v: number) => update({ p: setProbability(state.p, i, v) });
  const preset = (p: readonly number[]) => update({ mode: 'categorical', cls: 1, p: [...p] });

  const tex = formulaTex(state, r);
  const verdict = verdictText(state, r);

  return (
    <WidgetFrame
      {...frame}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        binary ? (
          <p>
            One sigmoid output ŷ is the probability of label 1. Set it and the true label: the loss is −log ŷ when the
            label is 1 and −log(1 − ŷ) when it is 0, one curve for each. Push the probability of the true label to 0
            with clipping switched off to see why the code clips.
          </p>
        ) : (
          <p>
            Shape the prediction with the sliders (the other probabilities follow so that the four always sum to 1),
            pick the true class, or load the slides' blue and yellow predictions. The point on the curve is the loss:
            −log of the probability given to the true class. Push that probability to 0 with clipping switched off to
            see why the code clips.
          </p>
        )
      }
      announce={`Loss ${lossText(r.loss)} for probability ${fmt(r.pTrue, 3)} on the true ${binary ? 'label' : 'class'} ${r.trueName}.`}
      report={{
        mode: state.mode,
        trueClass: r.trueName,
        pTrue: Number(r.pTrue.toFixed(12)),
        loss: infinite ? null : Number(r.loss.toFixed(12)),
        infinite,
        clipped: state.clip,
      }}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Select
            label="Case"
            field="mode"
            options={[
              { value: 'categorical', label: 'Categorical (softmax)' },
              { value: 'binary', label: 'Binary (sigmoid)' },
            ]}
          />
          {binary ? (
            <>
              <Select
                label="True label y"
                field="y"
                options={[
                  { value: '1', label: 'y = 1' },
                  { value: '0', label: 'y = 0' },
                ]}
              />
              <Slider label="Prediction ŷ = P(y = 1)" ariaLabel="Prediction y-hat" field="yhat" />
            </>
          ) : (
            <>
              <Select
                label="True class"
                field="cls"
                options={CLASSES.map((c, i) => ({ value: String(i), label: c }))}
              />
              <fieldset class="cross-entropy__probs">
                <legend>Predicted probabilities</legend>
                {CLASSES.map((c, i) => (
                  <Slider
                    label={`P(${c})${i === state.cls ? ' — true class' : ''}`}
                    ariaLabel={`P(${c})`}
                    field="p"
                    index={i}
                    // Moving one probability rescales the others so that they still sum to 1.
                    onChange={(v) => setP(i, v)}
                  />
                ))}
                <p class="cross-entropy__sum" data-readout="sum">
                  Sum: {fmt(r.sum, 3)}
                  {Math.abs(r.sum - 1) > 1e-9 ? ' (the slide rounds each entry; moving a slider makes it 1)' : ''}
                </p>
              </fieldset>
              <div class="control control--buttons" role="group" aria-label="Example predictions, true class Pear">
                <button type="button" onClick={() => preset(PRESETS.blue)}>
                  Blue (loss {fmt(PRESET_LOSS.blue, 2)})
                </button>
                <button type="button" onClick={() => preset(PRESETS.yellow)}>
                  Yellow (loss {fmt(PRESET_LOSS.yellow, 2)})
                </button>
                <button type="button" onClick={() => preset(PRESETS.uniform)}>
                  Uniform (loss {fmt(PRESET_LOSS.uniform, 2)})
                </button>
                <button type="button" onClick={() => setP(state.cls, 0)}>
                  True class gets 0
                </button>
              </div>
            </>
          )}
          <Toggle label="Clip to [10⁻⁷, 1 − 10⁻⁷]" field="clip" />
        </div>
        <div ref={box} class="cross-entropy__charts">
          {mode === 'categorical' && (
            <Chart
              options={barOptions}
              sized={fixedHeight(barOptions)}
              alt={barAlt(state)}
              overlay={(sc) => <Bars sc={sc} state={state} />}
              table={{
                caption: `Predicted probabilities; the true class is ${r.trueName}`,
                columns: ['class', 'probability', 'one-hot target'],
                rows: CLASSES.map((c, i) => [c, fmt(state.p[i]!, 3), i === state.cls ? 1 : 0]),
              }}
            />
          )}
          <Chart
            options={curveOptions}
            sized={fixedHeight(curveOptions)}
            alt={curveAlt(state, r)}
            overlay={(sc) => (
              <>
                <Curves sc={sc} state={state} curves={curves} yMax={yMax} />
                <Point sc={sc} state={state} r={r} yMax={yMax} />
              </>
            )}
          />
          <dl class="widget__readout">
            <dt>Probability given to the true {binary ? 'label' : 'class'}</dt>
            <dd data-readout="p-true">{fmt(r.pTrue, 3)}</dd>
            <dt>Loss {state.clip ? '(clipped)' : '(not clipped)'}</dt>
            <dd data-readout="loss" class={`cross-entropy__loss ${infinite ? 'widget__status--bad' : ''}`}>
              {lossText(r.loss)}
            </dd>
          </dl>
          <Tex display tex={tex} />
          <p class="cross-entropy__verdict" data-readout="verdict">
            {infinite && <strong class="widget__status widget__status--bad">Infinite loss. </strong>}
            {verdict}
          </p>
        </div>
      </div>
    </WidgetFrame>
  );
}
