/**
 * `perceptron` — the blue/orange classifier. Set w₁, w₂ and b (sliders or by dragging the
 * decision line), switch the step activation to the sigmoid (logistic regression) and see the
 * probability shading, count what is misclassified, and let the perceptron rule learn.
 */
import * as Plot from '@observablehq/plot';
import { useMemo, useRef } from 'preact/hooks';
import type { Neuron2 } from '@lib';
import { Chart, type ChartPointer, type ChartSizing, chartHeight } from '../shared/Chart';
import { PlayControls } from '../shared/controls';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { useTrainingLoop } from '../shared/useTrainingLoop';
import { statusText } from '../shared/TrainingStatus';
import { useWidth } from '../shared/useWidth';
import { fmt, fmtTex } from '~/util/format';
import { perceptronSchema } from './state';
import {
  VIEW,
  clampNeuron,
  classify,
  handles,
  logisticLoss,
  makePoints,
  neuronOf,
  neuronThrough,
  shiftThrough,
} from './model';
import { EPOCHS_PER_SECOND, MAX_EPOCHS, PerceptronRun, converged, runStatus } from './run';
import { Marks } from './Marks';
import meta from './widget.json';

export default function Perceptron({ headingLevel }: WidgetProps) {
  const { state, update, reset, frame, Slider, Select } = useWidget('perceptron', perceptronSchema);
  const data = useMemo(() => makePoints(state.seed), [state.seed]);
  const points = useMemo(() => classify(state, data), [state, data]);
  const wrong = points.filter((p) => p.wrong).length;
  const accuracy = (points.length - wrong) / points.length;
  const drag = useRef<{ kind: 'handle'; fixed: { x1: number; x2: number } } | { kind: 'shift' } | undefined>(undefined);

  // The neuron lives in the state. Every change of it (drag, training step) goes through here;
  // `live` keeps the newest one for a training step that comes before the view renders again.
  const live = useRef(state);
  live.current = state;
  const setNeuron = (n: Neuron2): Neuron2 => {
    const stored = clampNeuron(n);
    live.current = { ...live.current, ...stored };
    update(stored);
    return stored;
  };

  // The shared training loop drives the perceptron's rule (see run.ts): one step is one epoch.
  const loop = useTrainingLoop({
    key: `${state.seed}|${state.act}`, // new points or another activation: a fresh run
    create: () => new PerceptronRun(data, () => live.current, setNeuron),
    maxEpochs: MAX_EPOCHS,
    check: converged,
    epochsPerSecond: EPOCHS_PER_SECOND,
    describeMaxEpochs: () => `Stopped after ${MAX_EPOCHS} epochs.`,
  });
  const status = loop.background ? statusText(loop) : runStatus(loop.trainer, loop.stop, loop.playing);

  const onPointer = (p: ChartPointer) => {
    const n = neuronOf(state);
    const hit = 12; // px
    if (p.phase === 'down') {
      const hs = handles(n);
      const near =
        hs?.findIndex((h) => Math.abs(h.x1 - p.x) / p.pixelX < hit && Math.abs(h.x2 - p.y) / p.pixelY < hit) ?? -1;
      drag.current = near >= 0 && hs ? { kind: 'handle', fixed: hs[1 - near]! } : { kind: 'shift' };
    }
    if (!drag.current) return;
    const d = drag.current;
    const next = d.kind === 'handle' ? neuronThrough(d.fixed, { x1: p.x, x2: p.y }, n) : shiftThrough(n, p.x, p.y);
    if (next) setNeuron(next);
    if (p.phase === 'up') drag.current = undefined;
  };

  // The axes never move: the shading, the line and the points are the overlay.
  // Drawn at the width it is shown (a scaled-down drawing had 7.6 px text on a phone).
  const [box, width] = useWidth(MAX_WIDTH);
  const options = useMemo(() => chartOptions(Math.min(width, MAX_WIDTH)), [width]);

  const z = `z = x_1 \\cdot (${fmtTex(state.w1)}) + x_2 \\cdot (${fmtTex(state.w2)}) + (${fmtTex(state.b)})`;
  const rule =
    state.act === 'step'
      ? `\\hat{y} = \\begin{cases} 1\\ (\\text{blue}) & \\text{if } z > 0 \\\\ 0\\ (\\text{orange}) & \\text{otherwise} \\end{cases}`
      : `\\hat{y} = \\sigma(z) = \\frac{1}{1 + e^{-z}} = P(\\text{blue})`;

  return (
    <WidgetFrame
      {...frame}
      report={{ correct: points.length - wrong, total: points.length, act: state.act }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Move the weights and the bias, or drag the line (its round handles turn it; anywhere else shifts it). Can you
          classify every point correctly? Then let the neuron learn it by itself.
        </p>
      }
      onReset={() => {
        reset();
        loop.reset();
      }}
      // While the line moves, one short announcement; the count is read when it stops. (Not the
      // loop's health warnings: their advice is for gradient descent, the perceptron counts mistakes.)
      announce={
        loop.playing ? 'Training.' : `${points.length - wrong} of ${points.length} points classified correctly.`
      }
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Slider field="w1" label="Weight w₁" />
          <Slider field="w2" label="Weight w₂" />
          <Slider field="b" label="Bias b" />
          <Select
            field="act"
            label="Activation"
            options={[
              { value: 'step', label: 'Step (perceptron)' },
              { value: 'sigmoid', label: 'Sigmoid (logistic regression)' },
            ]}
          />
          <Slider field="lr" label="Learning rate η" />
          <PlayControls
            playing={loop.playing}
            onPlay={loop.play}
            onPause={loop.pause}
            onStep={loop.step}
            stepLabel="Learn one epoch"
          />
          <button type="button" onClick={() => update({ seed: (state.seed % 9999) + 1 })}>
            New points
          </button>
        </div>
        <div ref={box}>
          <Chart
            options={options}
            sized={HEIGHT_RULE}
            onPointer={onPointer}
            alt={`Scatter plot of ${points.length} points, blue and orange, with the decision line of the neuron; ${wrong} points are misclassified.`}
            overlay={(sc) => <Marks sc={sc} state={state} points={points} />}
            table={{
              caption: 'The points, their weighted sum z and the predicted class',
              columns: ['x₁', 'x₂', 'true class', 'z', 'predicted', 'correct?'],
              rows: points.map((p) => [
                fmt(p.x1, 2),
                fmt(p.x2, 2),
                p.label ? 'blue' : 'orange',
                fmt(p.z, 2),
                p.predicted ? 'blue' : 'orange',
                p.wrong ? 'no' : 'yes',
              ]),
            }}
          />
          <dl class="widget__readout">
            <dt>Correctly classified</dt>
            <dd data-readout="accuracy">
              {points.length - wrong} of {points.length} ({Math.round(accuracy * 100)}%)
              {wrong > 0 ? `, ${wrong} misclassified (ringed)` : ' — every point is right'}
            </dd>
            {state.act === 'sigmoid' && (
              <>
                <dt>Binary cross-entropy (mean)</dt>
                <dd data-readout="loss">{fmt(logisticLoss(state, data), 3)}</dd>
              </>
            )}
            <dt>Epochs learned</dt>
            <dd data-readout="epochs">
              {loop.trainer.epochCount}
              {status && ` — ${status}`}
            </dd>
          </dl>
          <Tex display tex={z} />
          <Tex display tex={rule} />
        </div>
      </div>
    </WidgetFrame>
  );
}

/** The chart is square, as wide as its column up to this. */
const MAX_WIDTH = 520;
/** Its height for its width (the server reserves it before the chart is drawn). */
const HEIGHT_RULE: ChartSizing = { min: 240, max: MAX_WIDTH, perWidth: 1 };

/** Axes and grid; everything that moves with the neuron is drawn by `Marks`. */
function chartOptions(width: number) {
  return {
    alt: '',
    width: Math.max(HEIGHT_RULE.min, width),
    height: chartHeight(width, HEIGHT_RULE),
    marginLeft: 44,
    marginBottom: 40,
    x: { domain: [-VIEW, VIEW], label: 'x₁' },
    y: { domain: [-VIEW, VIEW], label: 'x₂' },
    marks: [
      Plot.gridX({ stroke: 'var(--c-grid)', strokeOpacity: 0.6 }),
      Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.6 }),
      Plot.text([`blue: z > 0`], { frameAnchor: 'top-right', dx: -6, dy: 6, fill: 'var(--c-muted)' }),
    ],
  };
}
