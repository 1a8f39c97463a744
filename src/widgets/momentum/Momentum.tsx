/**
 * `momentum` — plain SGD and SGD with momentum on a ravine-shaped loss, from the same start with
 * the same learning rate: the contour map, both paths, the velocity (arrow and numbers), and the
 * slide's two cases as presets.
 */
import { useMemo, useState } from 'preact/hooks';
import { Chart } from '../shared/Chart';
import { LossChart } from '../shared/LossChart';
import { TrainingControls, overlayLossCurves, trainingText, useFrameLoops } from '../shared/TrainingControls';
import { runsAnnouncement, runsHealthText } from '../shared/TrainingStatus';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { divergenceCause, useTrainingLoop, type TrainingLoopControls } from '../shared/useTrainingLoop';
import { useWidth } from '../shared/useWidth';
import { fmt } from '~/util/format';
import { momentumSchema, type MomentumState } from './state';
import {
  EPOCHS_PER_SECOND,
  PRESETS,
  lossText,
  makeTrainer,
  plainVerdict,
  ravine,
  type PathTrainer,
  type RunKind,
} from './model';
import { keepAxisEnd } from '~/charts/loss-curve';
import { HEIGHT_RULE, Paths, STYLE, ravineAlt, ravineChart } from './RavineChart';
import './momentum.css';
import meta from './widget.json';

const CHART_WIDTH = 720;
function useRun(kind: RunKind, state: MomentumState): TrainingLoopControls {
  return useTrainingLoop({
    key: `${kind}|${state.lr}|${kind === 'momentum' ? state.momentum : 0}|${state.steps}`,
    create: () => makeTrainer(kind, state),
    maxEpochs: state.steps,
    epochsPerSecond: EPOCHS_PER_SECOND,
    budgetMs: 4,
    describeDivergence: (d) =>
      `${kind === 'sgd' ? 'Plain SGD' : 'SGD with momentum'} diverged ${d.epoch === 0 ? 'at its first step' : `after step ${d.epoch}`}: ${divergenceCause(d)}. The path stops at its last finite point.`,
    describeMaxEpochs: () => `Done: ${state.steps} steps.`,
  });
}

export default function Momentum({ headingLevel }: WidgetProps) {
  const { state, update, reset, frame, Slider } = useWidget('momentum', momentumSchema);
  const sgd = useRun('sgd', state);
  const mom = useRun('momentum', state);
  const [outputRef, outputWidth] = useWidth<HTMLDivElement>(CHART_WIDTH);
  const width = Math.min(CHART_WIDTH, outputWidth);

  const shown = useFrameLoops([sgd, mom]);
  const runs = useMemo(
    () =>
      (['sgd', 'momentum'] as const).map((kind, i) => {
        const loop = shown[i]!;
        const t = loop.trainer as PathTrainer;
        const path = t.path.slice();
        const [w1, w2] = path[path.length - 1]!;
        return {
          kind,
          path,
          w1,
          w2,
          loss: ravine(w1, w2),
          steps: path.length - 1,
          velocity: t.velocity(),
          stop: loop.stop,
        };
      }),
    [shown],
  );
  const [plain, heavy] = runs as [(typeof runs)[number], (typeof runs)[number]];
  const steps = Math.max(plain.steps, heavy.steps);
  const plainLoss = plain.loss;
  const heavyLoss = heavy.loss;
  // The ravine's contours are computed and drawn once per width; the paths and the velocity arrow
  // are the overlay, redrawn in place on every step and input.
  const mapOptions = useMemo(() => ravineChart(width), [width]);
  // The loss chart's step axis is kept while the Steps slider moves within it and the run fills 60 %
  // of it, grown to a rounded number of steps when it must (`keepAxisEnd`): its axes are drawn
  // again only when that end moves; the curves are its overlay. The end shown is state kept from
  // the renders before.
  const [shownEnd, setEnd] = useState(() => keepAxisEnd(undefined, state.steps, momentumSchema.steps.max));
  const axisEnd = keepAxisEnd(shownEnd, state.steps, momentumSchema.steps.max);
  if (axisEnd !== shownEnd) setEnd(axisEnd);
  const lossOptions = useMemo(
    () =>
      overlayLossCurves(
        runs.map((r) => ({
          history: r.path.map(([a, b], t) => ({ epoch: t, loss: ravine(a, b) })),
          label: STYLE[r.kind].label,
          color: STYLE[r.kind].color,
          dash: STYLE[r.kind].dash,
        })),
        {
          epochs: steps,
          minEpochs: axisEnd,
          width,
          alt: `Loss against steps: plain SGD ${lossText(plainLoss)}, with momentum ${lossText(heavyLoss)} after ${steps} steps.`,
          label: 'loss E (log scale)',
          xLabel: 'step',
          minTop: 10,
          log: { floor: 1e-6 },
        },
      ),
    [runs, steps, width, axisEnd, plainLoss, heavyLoss],
  );

  const speed = Math.hypot(...heavy.velocity);
  const active = PRESETS.find(
    (p) => Math.abs(p.lr - state.lr) < 1e-9 && Math.abs(p.momentum - state.momentum) < 1e-9,
  )?.name;
  const diverged = runs.filter((r) => r.stop?.kind === 'diverged');
  const playing = sgd.playing || mom.playing;
  const named = [
    { name: 'Plain SGD', loop: sgd },
    { name: 'SGD with momentum', loop: mom },
  ];
  const warnings = runsHealthText(named);
  const status = playing
    ? warnings || trainingText([sgd, mom])
    : diverged.length
      ? diverged.map((r) => r.stop!.message).join(' ')
      : runs.every((r) => r.stop)
        ? `${warnings ? `${warnings} ` : ''}Done: ${state.steps} steps. Plain SGD ends at loss ${lossText(plain.loss)}, with momentum at ${lossText(heavy.loss)}.`
        : steps
          ? `${warnings ? `${warnings} ` : ''}Paused.`
          : 'Press Play to let both walk the ravine, or take one step at a time.';
  const announce = playing
    ? runsAnnouncement(named)
    : `α = ${fmt(state.lr, 3)}, β = ${fmt(state.momentum, 2)}. ${status}`;

  return (
    <WidgetFrame
      {...frame}
      report={{
        lr: state.lr,
        momentum: state.momentum,
        steps,
        sgdLoss: Number(plain.loss.toPrecision(6)),
        momentumLoss: Number(heavy.loss.toPrecision(6)),
        velocity: Number(speed.toPrecision(6)),
        sgdDiverged: plain.stop?.kind === 'diverged',
        momentumDiverged: heavy.stop?.kind === 'diverged',
        sgdHealth: sgd.health.verdict,
        momentumHealth: mom.health.verdict,
      }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          The ravine E(w₁, w₂) = ½(0.2·w₁² + 10·w₂²): nearly flat along w₁, steep across w₂, the minimum at (0, 0).
          Plain SGD and SGD with momentum start from the same point with the same learning rate. Try the slide's two
          cases, then find a pair of α and β that reaches the minimum fastest.
        </p>
      }
      onReset={() => {
        reset();
        sgd.reset();
        mom.reset();
      }}
      announce={announce}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <div class="control control--buttons" role="group" aria-label="Presets">
            {PRESETS.map((p) => (
              <button
                type="button"
                aria-pressed={active === p.name}
                onClick={() => update({ lr: p.lr, momentum: p.momentum })}
              >
                {p.name} (α = {p.lr}, β = {p.momentum})
              </button>
            ))}
          </div>
          <TrainingControls loops={[sgd, mom]} stepLabel="One step" resetLabel="Back to the start">
            <Slider field="lr" label="Learning rate α" />
            <Slider field="momentum" label="Momentum β" />
            <Slider field="steps" label="Steps" />
          </TrainingControls>
          <p class="training__note">
            Each step is one update of the engine's SGD on the whole (two-example) data set: v ← β·v − α·∂E/∂w, then w ←
            w + v. With β = 0 it is plain SGD.
          </p>
        </div>
        <div class="training__output momentum__output" ref={outputRef}>
          <Chart
            options={mapOptions}
            sized={HEIGHT_RULE}
            alt={ravineAlt(runs)}
            overlay={(sc) => <Paths sc={sc} runs={runs} />}
            table={{
              caption: 'Both paths, step by step',
              columns: ['step', 'plain SGD w₁', 'plain SGD w₂', 'momentum w₁', 'momentum w₂'],
              rows: Array.from({ length: steps + 1 }, (_, t) => [
                t,
                plain.path[t] ? fmt(plain.path[t]![0], 3) : '',
                plain.path[t] ? fmt(plain.path[t]![1], 3) : '',
                heavy.path[t] ? fmt(heavy.path[t]![0], 3) : '',
                heavy.path[t] ? fmt(heavy.path[t]![1], 3) : '',
              ]),
            }}
          />
          <p class="training__note">
            Grey ovals: contour lines of the loss; ×: the minimum. Dotted red with squares: plain SGD. Solid green with
            circles: SGD with momentum; its arrow is the velocity v, the last update, which the next step keeps β ={' '}
            {fmt(state.momentum, 2)} of.
          </p>
          <dl class="widget__readout training__readout">
            <div>
              <dt>Steps</dt>
              <dd data-readout="steps">{steps}</dd>
            </div>
            <div>
              <dt>Plain SGD: loss</dt>
              <dd data-readout="sgd-loss">{lossText(plain.loss)}</dd>
            </div>
            <div>
              <dt>Momentum: loss</dt>
              <dd data-readout="momentum-loss">{lossText(heavy.loss)}</dd>
            </div>
            <div>
              <dt>Velocity v = (v₁, v₂), length</dt>
              <dd data-readout="velocity">
                ({fmt(heavy.velocity[0], 3)}, {fmt(heavy.velocity[1], 3)}), {fmt(speed, 3)}
              </dd>
            </div>
          </dl>
          <p data-readout="verdict">{plainVerdict(state.lr)}</p>
          <p class={`widget__status ${diverged.length || warnings ? 'widget__status--bad' : ''}`} data-readout="status">
            {status}
          </p>
          <LossChart chart={lossOptions} />
        </div>
      </div>
    </WidgetFrame>
  );
}
