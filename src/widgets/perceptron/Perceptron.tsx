/**
 * `perceptron` — the blue/orange classifier. Set w₁, w₂ and b (sliders or by dragging the
 * decision line), switch the step activation to the sigmoid (logistic regression) and see the
 * probability shading, count what is misclassified, and let the perceptron rule learn.
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sigmoid } from '@lib';
import { Chart, type ChartPointer, type ChartScales, type ChartSizing, chartHeight } from '../shared/Chart';
import { PlayControls } from '../shared/controls';
import { Tex } from '../shared/Tex';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { prefersReducedMotion } from '../shared/theme';
import { useWidget } from '../shared/useWidget';
import { useWidth } from '../shared/useWidth';
import { clampToField } from '../shared/url-state';
import { fmt, fmtTex } from '~/util/format';
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
import meta from './widget.json';

const MAX_EPOCHS = 200;

export default function Perceptron({ headingLevel }: WidgetProps) {
  const { state, update, reset, frame, Slider, Select } = useWidget('perceptron', perceptronSchema);
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
        setPlaying(false);
        setEpochs(0);
        setStatus('');
        reset();
      }}
      announce={`${points.length - wrong} of ${points.length} points classified correctly.`}
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

/** The shade of a class probability: orange at 0, the page's background at ½, blue at 1. */
const shadeOf = (p: number) =>
  p >= 0.5
    ? `color-mix(in srgb, var(--c-blue) ${((2 * p - 1) * 100).toFixed(1)}%, var(--bg))`
    : `color-mix(in srgb, var(--c-orange) ${((1 - 2 * p) * 100).toFixed(1)}%, var(--bg))`;

/**
 * The neuron's shading, decision line, handles and the points. The shading depends only on
 * z = w₁x₁ + w₂x₂ + b, which changes along one direction: a linear gradient across the frame
 * draws it exactly (a hard edge at z = 0 for the step, the sigmoid's ramp otherwise).
 */
function Marks({
  sc,
  state,
  points,
}: {
  sc: ChartScales;
  state: PerceptronState;
  points: ReturnType<typeof classify>;
}) {
  const n = neuronOf(state);
  const segment = decisionSegment(n);
  const hs = handles(n);
  // z in pixel coordinates: z = gx·px + gy·py + z0 (the scales are linear).
  const ax = sc.x(1) - sc.x(0);
  const ay = sc.y(1) - sc.y(0);
  const gx = n.w1 / ax;
  const gy = n.w2 / ay;
  const z0 = n.b - (n.w1 * sc.x(0)) / ax - (n.w2 * sc.y(0)) / ay;
  const g2 = gx * gx + gy * gy;
  const cx = (sc.left + sc.right) / 2;
  const cy = (sc.top + sc.bottom) / 2;
  const step = state.act === 'step';
  const Z = 8;
  let stops: [number, number][]; // offset, probability
  let ends = { x1: cx, y1: cy, x2: cx + 1, y2: cy };
  if (g2 > 1e-12) {
    const zc = gx * cx + gy * cy + z0;
    const at = (z: number) => [cx + ((z - zc) * gx) / g2, cy + ((z - zc) * gy) / g2] as const;
    const [x1, y1] = at(-Z);
    const [x2, y2] = at(Z);
    ends = { x1, y1, x2, y2 };
    stops = step
      ? [
          [0.5, 0],
          [0.5, 1],
        ]
      : Array.from({ length: 33 }, (_, i) => [i / 32, sigmoid(-Z + (2 * Z * i) / 32)] as [number, number]);
  } else {
    const p = step ? (n.b > 0 ? 1 : 0) : sigmoid(n.b);
    stops = [
      [0, p],
      [1, p],
    ];
  }
  const id = `${sc.clip.slice(5, -1)}-shade`;
  return (
    <>
      <linearGradient id={id} gradientUnits="userSpaceOnUse" {...ends}>
        {stops.map(([o, p]) => (
          <stop offset={o} style={{ stopColor: shadeOf(p) }} />
        ))}
      </linearGradient>
      <rect
        x={sc.left}
        y={sc.top}
        width={sc.right - sc.left}
        height={sc.bottom - sc.top}
        fill={`url(#${id})`}
        fill-opacity={0.28}
      />
      {segment && (
        <line
          x1={sc.x(segment[0]!.x1)}
          y1={sc.y(segment[0]!.x2)}
          x2={sc.x(segment[1]!.x1)}
          y2={sc.y(segment[1]!.x2)}
          stroke="var(--c-ink)"
          stroke-width={2.5}
        />
      )}
      <g stroke="var(--bg)" stroke-width={1}>
        {points.map((p) => {
          const x = sc.x(p.x1);
          const y = sc.y(p.x2);
          // Plot's symbols of radius 5.5: a circle, and a square of the same area.
          return p.label ? (
            <circle cx={x} cy={y} r={5.5} fill="var(--c-blue)" />
          ) : (
            <rect x={x - 4.87} y={y - 4.87} width={9.75} height={9.75} fill="var(--c-orange)" />
          );
        })}
      </g>
      <g stroke="var(--c-red)" stroke-width={2.5} fill="none">
        {points.map((p) => (p.wrong ? <circle cx={sc.x(p.x1)} cy={sc.y(p.x2)} r={10} /> : null))}
      </g>
      {hs && segment && (
        <g fill="var(--bg)" stroke="var(--c-ink)" stroke-width={2}>
          {hs.map((h) => (
            <circle cx={sc.x(h.x1)} cy={sc.y(h.x2)} r={7} />
          ))}
        </g>
      )}
    </>
  );
}
