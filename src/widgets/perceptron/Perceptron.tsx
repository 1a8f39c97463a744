/**
 * `perceptron` — the blue/orange classifier. Set w₁, w₂ and b (sliders or by dragging the
 * decision line), switch the step activation to the sigmoid (logistic regression) and see the
 * probability shading, count what is misclassified, and let the perceptron rule learn.
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sigmoid } from '@lib';
import { Chart, type ChartPointer } from '../shared/Chart';
import { PlayControls, Select, Slider } from '../shared/controls';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { prefersReducedMotion, useThemeColors } from '../shared/theme';
import { useWidgetState } from '../shared/useWidgetState';
import { clampToField } from '../shared/url-state';
import { fmtTex } from '~/util/format';
import { perceptronSchema, type PerceptronState } from './state';
import {
  VIEW,
  classify,
  decisionSegment,
  handles,
  learn,
  logisticLoss,
  makePoints,
  neuronOf,
  neuronThrough,
  shiftThrough,
} from './model';
import type { Neuron2 } from '@lib';

const MAX_EPOCHS = 200;

export default function Perceptron({ headingLevel }: WidgetProps) {
  const { state, update, reset, notice, dismissNotice } = useWidgetState('perceptron', perceptronSchema);
  const colors = useThemeColors();
  const data = useMemo(() => makePoints(state.seed), [state.seed]);
  const points = useMemo(() => classify(state, data), [state, data]);
  const wrong = points.filter((p) => p.wrong).length;
  const accuracy = (points.length - wrong) / points.length;
  const [epochs, setEpochs] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [status, setStatus] = useState('');
  const drag = useRef<{ kind: 'handle'; fixed: { x1: number; x2: number } } | { kind: 'shift' } | undefined>(undefined);

  const setNeuron = useCallback(
    (n: Neuron2) =>
      update({
        w1: clampToField(perceptronSchema.w1, n.w1),
        w2: clampToField(perceptronSchema.w2, n.w2),
        b: clampToField(perceptronSchema.b, n.b),
      }),
    [update],
  );

  const learnOnce = useCallback(
    (s: PerceptronState): number => {
      const { neuron, mistakes } = learn(s, data);
      setNeuron(neuron);
      setEpochs((e) => e + 1);
      return mistakes;
    },
    [data, setNeuron],
  );

  // Play: one epoch per animation frame batch (about 8 per second so the line's motion can be followed).
  const live = useRef(state);
  live.current = state;
  useEffect(() => {
    if (!playing) return;
    if (prefersReducedMotion()) {
      // No animation: run to the end at once and show the result.
      let s = live.current;
      let n = 0;
      let mistakes = Infinity;
      while (n < MAX_EPOCHS && mistakes > 0) {
        const r = learn(s, data);
        s = {
          ...s,
          w1: clampToField(perceptronSchema.w1, r.neuron.w1),
          w2: clampToField(perceptronSchema.w2, r.neuron.w2),
          b: clampToField(perceptronSchema.b, r.neuron.b),
        };
        mistakes = r.mistakes;
        n++;
      }
      update({ w1: s.w1, w2: s.w2, b: s.b });
      setEpochs((e) => e + n);
      setPlaying(false);
      setStatus(mistakes === 0 ? `Converged after ${n} epochs.` : `Stopped after ${n} epochs.`);
      return;
    }
    let count = 0;
    const timer = window.setInterval(() => {
      count++;
      const mistakes = learnOnce(live.current);
      if (mistakes === 0 || count >= MAX_EPOCHS) {
        setPlaying(false);
        setStatus(mistakes === 0 ? `No mistakes in the last epoch: converged.` : `Stopped after ${MAX_EPOCHS} epochs.`);
      }
    }, 120);
    return () => window.clearInterval(timer);
  }, [playing, data, learnOnce, update]);

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

  const options = useMemo(() => chartOptions(state, points, colors), [state, points, colors]);

  const z = `z = x_1 \\cdot (${fmtTex(state.w1)}) + x_2 \\cdot (${fmtTex(state.w2)}) + (${fmtTex(state.b)})`;
  const rule =
    state.act === 'step'
      ? `\\hat{y} = \\begin{cases} 1\\ (\\text{blue}) & \\text{if } z > 0 \\\\ 0\\ (\\text{orange}) & \\text{otherwise} \\end{cases}`
      : `\\hat{y} = \\sigma(z) = \\frac{1}{1 + e^{-z}} = P(\\text{blue})`;

  return (
    <WidgetFrame
      name="perceptron"
      schema={perceptronSchema}
      state={state}
      report={{ correct: points.length - wrong, total: points.length, act: state.act }}
      headingLevel={headingLevel}
      title="The blue-orange classifier"
      intro={
        <p>
          Move the weights and the bias, or drag the line (its round handles turn it; anywhere else shifts it). Can you
          classify every point correctly? Then let the neuron learn it by itself.
        </p>
      }
      notice={notice}
      onDismissNotice={dismissNotice}
      onReset={() => {
        setPlaying(false);
        setEpochs(0);
        setStatus('');
        reset();
      }}
      announce={`${points.length - wrong} of ${points.length} points classified correctly.`}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Slider
            field="w1"
            label="Weight w₁"
            value={state.w1}
            min={-4}
            max={4}
            step={0.05}
            onChange={(w1) => update({ w1 })}
          />
          <Slider
            field="w2"
            label="Weight w₂"
            value={state.w2}
            min={-4}
            max={4}
            step={0.05}
            onChange={(w2) => update({ w2 })}
          />
          <Slider
            field="b"
            label="Bias b"
            value={state.b}
            min={-3}
            max={3}
            step={0.05}
            onChange={(b) => update({ b })}
          />
          <Select
            field="act"
            label="Activation"
            value={state.act}
            options={[
              { value: 'step', label: 'Step (perceptron)' },
              { value: 'sigmoid', label: 'Sigmoid (logistic regression)' },
            ]}
            onChange={(act) => update({ act })}
          />
          <Slider
            field="lr"
            label="Learning rate η"
            value={state.lr}
            min={0.01}
            max={2}
            step={0.01}
            onChange={(lr) => update({ lr })}
          />
          <PlayControls
            playing={playing}
            onPlay={() => {
              setStatus('');
              setPlaying(true);
            }}
            onPause={() => setPlaying(false)}
            onStep={() => {
              const m = learnOnce(state);
              setStatus(m === 0 ? 'No mistakes in this epoch: converged.' : `${m} mistakes during this epoch.`);
            }}
            stepLabel="Learn one epoch"
          />
          <button type="button" onClick={() => update({ seed: (state.seed % 9999) + 1 })}>
            New points
          </button>
        </div>
        <div>
          <Chart
            options={options}
            onPointer={onPointer}
            table={{
              caption: 'The points, their weighted sum z and the predicted class',
              columns: ['x₁', 'x₂', 'true class', 'z', 'predicted', 'correct?'],
              rows: points.map((p) => [
                p.x1.toFixed(2),
                p.x2.toFixed(2),
                p.label ? 'blue' : 'orange',
                p.z.toFixed(2),
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
                <dd data-readout="loss">{logisticLoss(state, data).toFixed(3)}</dd>
              </>
            )}
            <dt>Epochs learned</dt>
            <dd data-readout="epochs">
              {epochs}
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

function chartOptions(
  state: PerceptronState,
  points: ReturnType<typeof classify>,
  colors: ReturnType<typeof useThemeColors>,
) {
  const n = neuronOf(state);
  const segment = decisionSegment(n);
  const hs = handles(n);
  const blue = colors?.blue ?? '#2e63ad';
  const orange = colors?.orange ?? '#c0580f';
  const bg = colors?.bg ?? '#ffffff';
  const shade =
    state.act === 'step'
      ? (x: number, y: number) => (n.w1 * x + n.w2 * y + n.b > 0 ? 1 : 0)
      : (x: number, y: number) => sigmoid(n.w1 * x + n.w2 * y + n.b);
  return {
    alt: `Scatter plot of ${points.length} points, blue and orange, with the decision line of the neuron; ${points.filter((p) => p.wrong).length} points are misclassified.`,
    width: 520,
    height: 520,
    marginLeft: 44,
    marginBottom: 40,
    x: { domain: [-VIEW, VIEW], label: 'x₁' },
    y: { domain: [-VIEW, VIEW], label: 'x₂' },
    color: { type: 'linear' as const, domain: [0, 0.5, 1], range: [orange, bg, blue] },
    marks: [
      Plot.raster({
        fill: shade,
        x1: -VIEW,
        x2: VIEW,
        y1: -VIEW,
        y2: VIEW,
        pixelSize: 4,
        fillOpacity: 0.28,
        interpolate: undefined,
      }),
      Plot.gridX({ stroke: 'var(--c-grid)', strokeOpacity: 0.6 }),
      Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.6 }),
      segment ? Plot.line(segment, { x: 'x1', y: 'x2', stroke: 'var(--c-ink)', strokeWidth: 2.5 }) : null,
      Plot.dot(points, {
        x: 'x1',
        y: 'x2',
        r: 5.5,
        fill: (p: { label: number }) => (p.label ? 'var(--c-blue)' : 'var(--c-orange)'),
        symbol: (p: { label: number }) => (p.label ? 'circle' : 'square'),
        stroke: 'var(--bg)',
        strokeWidth: 1,
      }),
      Plot.dot(
        points.filter((p) => p.wrong),
        { x: 'x1', y: 'x2', r: 10, stroke: 'var(--c-red)', strokeWidth: 2.5, fill: 'none' },
      ),
      hs && segment
        ? Plot.dot(hs, { x: 'x1', y: 'x2', r: 7, fill: 'var(--bg)', stroke: 'var(--c-ink)', strokeWidth: 2 })
        : null,
      Plot.text([`blue: z > 0`], { frameAnchor: 'top-right', dx: -6, dy: 6, fill: 'var(--c-muted)' }),
    ],
  };
}
