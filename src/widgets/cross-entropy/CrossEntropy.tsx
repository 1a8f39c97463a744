/**
 * `cross-entropy` — the loss of one prediction against a one-hot target. Shape the predicted
 * distribution over Dog, Pear, House, Grass (the other probabilities follow so that they always
 * sum to 1), choose the true class, try the slides' blue and yellow predictions, and follow the
 * point on the −log p curve. Clipping to [1e-7, 1 − 1e-7] can be switched off to see the loss
 * become infinite at p = 0. The binary case shows both branches of binary cross-entropy.
 */
import * as Plot from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import { Chart, type ChartScales, fixedHeight, linePath } from '../shared/Chart';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { useWidth } from '../shared/useWidth';
import { fmt, fmtTex } from '~/util/format';
import { crossEntropySchema, type CrossEntropyState } from './state';
import { CLASSES, LOSS_CAP, PRESETS, categoricalLoss, compute, lossCurves, setProbability, type Result } from './model';
import './cross-entropy.css';
import meta from './widget.json';

/** A loss as text: four decimals, or "infinite" in words. */
const lossText = (x: number) => (x === Infinity ? 'infinite (∞)' : fmt(x, 4));
const lossTex = (x: number) => (x === Infinity ? '\\infty' : fmtTex(x, 4));

const PRESET_LOSS = {
  blue: categoricalLoss(PRESETS.blue, 1),
  yellow: categoricalLoss(PRESETS.yellow, 1),
  uniform: categoricalLoss(PRESETS.uniform, 1),
};

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

  const lines = binary
    ? [
        `L &= -\\bigl[\\,y \\log(\\hat{y}) + (1 - y) \\log(1 - \\hat{y})\\,\\bigr]`,
        `&= -\\bigl[\\,${state.y} \\cdot \\log(${fmtTex(state.yhat, 3)}) + ${1 - Number(state.y)} \\cdot \\log(${fmtTex(1 - state.yhat, 3)})\\,\\bigr]`,
      ]
    : [
        `L &= -\\sum_{k=1}^{4} y_{\\text{true}}^{k} \\log(y_{\\text{predict}}^{k})`,
        `&= -\\log(y_{\\text{predict}}^{\\text{${r.trueName}}})`,
      ];
  const tex = `\\begin{aligned} ${[...lines, ...clipLines(r, state.clip)].join(' \\\\[3pt] ')} \\end{aligned}`;

  const verdict = infinite
    ? `Without clipping the loss is infinite: the prediction gives the true ${binary ? 'label' : 'class'} a probability of exactly 0, and log 0 is minus infinity. Its gradient would divide by zero, and the infinities would turn into NaN ("not a number") in every weight. Switch clipping back on: the loss becomes ${fmt(LOSS_CAP, 2)}.`
    : r.clipMatters
      ? state.clip
        ? `Clipping is at work: the probability ${fmt(r.pTrue, 3)} is replaced by ${r.pTrue < 0.5 ? '10⁻⁷' : '1 − 10⁻⁷'} before the logarithm, so the loss is ${lossText(r.loss)} instead of ${lossText(r.rawLoss)}.`
        : `Clipping is off: −log ${fmt(r.pTrue, 3)} = ${lossText(r.rawLoss)}; with clipping it would be ${lossText(r.clippedLoss)}.`
      : `Clipping changes nothing here: ${fmt(r.pTrue, 3)} lies inside [10⁻⁷, 1 − 10⁻⁷]. It only acts at the very ends, where the probability is 0 or 1 to within 10⁻⁷.`;

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

/** The last lines of the formula: −log(p) = L, or −log(clip(p, …)) = −log(p′) = L when clipping acts. */
function clipLines(r: Result, clipped: boolean): string[] {
  const p = fmtTex(r.pTrue, 3);
  if (clipped && r.clipMatters) {
    const bound = r.pTrue < 0.5 ? '10^{-7}' : '1 - 10^{-7}';
    return [
      `&= -\\log\\bigl(\\operatorname{clip}(${p}, 10^{-7}, 1 - 10^{-7})\\bigr)`,
      `&= -\\log(${bound}) = ${lossTex(r.loss)}`,
    ];
  }
  return [`&= -\\log(${p}) = ${lossTex(r.loss)}`];
}

const barAlt = (state: CrossEntropyState) =>
  `Bar chart of the predicted probabilities: ${CLASSES.map((c, i) => `${c} ${fmt(state.p[i]!, 3)}`).join(', ')}. The true class is ${CLASSES[state.cls]}.`;

/**
 * Axes of the bar chart; the bars and the class names under them (the true one marked) are drawn
 * by `Bars`, so choosing another true class does not draw the axes again.
 */
function barChart(width: number) {
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

function Bars({ sc, state }: { sc: ChartScales; state: CrossEntropyState }) {
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

const curveAlt = (state: CrossEntropyState, r: Result) =>
  state.mode === 'binary'
    ? `The two branches of binary cross-entropy against ŷ: −log ŷ for y = 1 and −log(1 − ŷ) for y = 0. The current point is on the y = ${state.y} branch at ŷ = ${fmt(state.yhat, 3)}, loss ${lossText(r.loss)}.`
    : `The curve −log p for p from 0 to 1${state.clip ? ', clipped' : ''}. The current point is at p = ${fmt(r.pTrue, 3)}, loss ${lossText(r.loss)}.`;

/** The current point on the curve, or, where the loss is infinite, a sentence saying so. */
function Point({ sc, state, r, yMax }: { sc: ChartScales; state: CrossEntropyState; r: Result; yMax: number }) {
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
function curveChart(yMax: number, width: number) {
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
function Curves({
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
