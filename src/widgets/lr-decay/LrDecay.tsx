/**
 * `lr-decay` — the schedule α_t = α₀ / (1 + d·t), drawn and tabulated with the slide's defaults,
 * and what it does to training: the same neuron from the same seed, once with the decayed rate
 * and once with α₀ kept constant, two loss curves in one chart.
 */
import * as Plot from '@observablehq/plot';
import { useMemo, useState } from 'preact/hooks';
import { learningRateAt } from '@lib';
import { Chart, fixedHeight, linePath, type ChartScales } from '../shared/Chart';
import { LossChart } from '../shared/LossChart';
import { Tex } from '../shared/Tex';
import { TrainingControls, overlayLossCurves, trainingText, useFrameLoops } from '../shared/TrainingControls';
import { runsAnnouncement, runsHealthText } from '../shared/TrainingStatus';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { useTrainingLoop, type TrainingLoopControls } from '../shared/useTrainingLoop';
import { useWidth } from '../shared/useWidth';
import { symbolPath, type ChartOptions } from '~/charts/plot';
import { fmt, fmtTex } from '~/util/format';
import { lrDecaySchema, type LrDecayState } from './state';
import {
  BATCH,
  BEST,
  EPOCHS_PER_SECOND,
  MAX_EPOCHS,
  N,
  halfLifeStep,
  lossText,
  makeTrainer,
  schedule,
  type RunKind,
} from './model';
import { keepAxisEnd } from '~/charts/loss-curve';
import './lr-decay.css';
import meta from './widget.json';

const CHART_WIDTH = 720;

function useRun(kind: RunKind, state: LrDecayState): TrainingLoopControls {
  return useTrainingLoop({
    key: `${kind}|${state.lr0}|${kind === 'decayed' ? state.decay : 0}|${state.seed}`,
    create: () => makeTrainer(kind, state),
    maxEpochs: MAX_EPOCHS,
    epochsPerSecond: EPOCHS_PER_SECOND,
    budgetMs: 4,
    describeMaxEpochs: () => `Done: ${MAX_EPOCHS} epochs.`,
  });
}

export default function LrDecay({ headingLevel }: WidgetProps) {
  const { state, reset, frame, Slider } = useWidget('lr-decay', lrDecaySchema);
  const decayed = useRun('decayed', state);
  const constant = useRun('constant', state);
  const [outputRef, outputWidth] = useWidth<HTMLDivElement>(CHART_WIDTH);
  const width = Math.min(CHART_WIDTH, outputWidth);

  const rows = useMemo(() => schedule(state.lr0, state.decay, state.steps), [state.lr0, state.decay, state.steps]);
  const last = rows[rows.length - 1]!;
  const half = halfLifeStep(state.decay);
  const { lr0, decay, seed } = state;
  const start = useMemo(() => makeTrainer('constant', { lr0, decay, seed }).evaluateTrain().loss, [lr0, decay, seed]);

  const shown = useFrameLoops([decayed, constant]);
  const runs = useMemo(
    () =>
      (['decayed', 'constant'] as const).map((kind, i) => {
        const loop = shown[i]!;
        const t = loop.trainer;
        const lastEpoch = t.history.epochs.at(-1);
        return {
          kind,
          epochs: t.epochCount,
          iterations: t.iteration,
          lr: t.iteration ? t.optimizer.currentLearningRate : learningRateAt(0, lr0, kind === 'decayed' ? decay : 0),
          loss: lastEpoch ? lastEpoch.loss : start,
          history: [{ epoch: 0, loss: start }, ...t.history.epochs.map((r) => ({ epoch: r.epoch, loss: r.loss }))],
          stop: loop.stop,
        };
      }),
    [shown, start, lr0, decay],
  );
  const epochs = Math.max(...runs.map((r) => r.epochs));
  // The schedule's axes are drawn again only when their ends move (`keepAxisEnd`: kept while the last
  // step and α₀ fit under them and fill 60 %, grown to a rounded end) or the width changes; the
  // curve, its dots and the α₀/2 line are the overlay, redrawn in place on every input. The ends
  // shown are state kept from the renders before.
  const [shownEnds, setEnds] = useState<Ends>(() => ({
    step: keepAxisEnd(undefined, Math.max(1, last.step), LAST_STEP_MAX),
    lr: keepAxisEnd(undefined, state.lr0, lrDecaySchema.lr0.max),
  }));
  const ends = keptEnds(shownEnds, last.step, state.lr0);
  if (ends !== shownEnds) setEnds(ends);
  const scheduleOptions = useMemo(() => scheduleChart(ends.step, ends.lr, width), [ends.step, ends.lr, width]);
  const lossOptions = useMemo(
    () =>
      overlayLossCurves(
        [
          { history: runs[0]!.history, label: 'decayed', color: 'var(--c-green)', dash: 'none' },
          { history: runs[1]!.history, label: 'constant', color: 'var(--c-red)', dash: '6 4' },
        ],
        {
          epochs,
          minEpochs: MAX_EPOCHS,
          width,
          alt: `Training loss against epochs: decayed rate ${lossText(runs[0]!.loss)}, constant rate ${lossText(runs[1]!.loss)} after ${epochs} epochs; the best possible loss is ${lossText(BEST.loss)}.`,
          label: 'loss (MSE, log scale)',
          minTop: 1,
          log: { floor: 0.02 },
          reference: { value: BEST.loss, label: 'best possible', color: 'var(--c-muted)', dash: '2 3' },
        },
      ),
    [runs, epochs, width],
  );

  const diverged = runs.filter((r) => r.stop?.kind === 'diverged');
  const playing = decayed.playing || constant.playing;
  const named = [
    { name: 'Decayed rate', loop: decayed },
    { name: 'Constant rate', loop: constant },
  ];
  const warnings = runsHealthText(named);
  const status = playing
    ? warnings || trainingText([decayed, constant])
    : diverged.length
      ? diverged.map((r) => `${r.kind === 'decayed' ? 'Decayed rate' : 'Constant rate'}: ${r.stop!.message}`).join(' ')
      : runs.every((r) => r.stop)
        ? `${warnings ? `${warnings} ` : ''}Done: ${MAX_EPOCHS} epochs (${MAX_EPOCHS * (N / BATCH)} updates) each. Decayed: loss ${lossText(runs[0]!.loss)}; constant: ${lossText(runs[1]!.loss)}; the best line: ${lossText(BEST.loss)}.`
        : epochs
          ? `${warnings ? `${warnings} ` : ''}Paused.`
          : 'Press Play to train both runs, or one epoch at a time.';
  const announce = playing
    ? runsAnnouncement(named)
    : `α₀ = ${fmt(state.lr0, 2)}, decay ${fmt(state.decay, 2)}: at step ${last.step} the rate is ${fmt(last.lr, 4)}. ${epochs ? status : ''}`;

  return (
    <WidgetFrame
      {...frame}
      report={{
        lr0: state.lr0,
        decay: state.decay,
        steps: state.steps,
        lrAtLastStep: Number(last.lr.toPrecision(6)),
        decayedLoss: Number(runs[0]!.loss.toPrecision(6)),
        constantLoss: Number(runs[1]!.loss.toPrecision(6)),
        epochs,
        diverged: diverged.length > 0,
        decayedHealth: decayed.health.verdict,
        constantHealth: constant.health.verdict,
      }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          The slide's schedule, α₀ = 1.0 and decay 0.1 over 20 steps, and what it does to training: a single neuron ŷ =
          w·x + b fits {N} noisy points of a straight line, once with the decayed rate and once with α₀ kept constant,
          from the same initial weights and in the same mini-batch order.
        </p>
      }
      onReset={() => {
        reset();
        decayed.reset();
        constant.reset();
      }}
      announce={announce}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Slider field="lr0" label="Initial learning rate α₀" />
          <Slider field="decay" label="Decay rate d" />
          <Slider field="steps" label="Steps drawn" />
          <TrainingControls loops={[decayed, constant]}>
            <Slider field="seed" label="Seed (initial weight, batch order)" />
          </TrainingControls>
          <p class="training__note">
            Training: mini-batches of {BATCH}, so {N / BATCH} updates per epoch; the decayed rate falls once per update
            (t counts updates), over {MAX_EPOCHS} epochs = {MAX_EPOCHS * (N / BATCH)} updates. The same seed gives the
            same runs.
          </p>
        </div>
        <div class="training__output lr-decay__output" ref={outputRef}>
          <p data-readout="formula">
            <Tex
              display
              tex={`\\alpha_{${last.step}} = ${fmtTex(state.lr0, 2)} \\cdot \\frac{1}{1 + ${fmtTex(state.decay, 2)} \\cdot ${last.step}} = ${fmtTex(last.lr, 4)}`}
            />
          </p>
          <Chart
            options={scheduleOptions}
            sized={fixedHeight(scheduleOptions)}
            alt={scheduleAlt(rows)}
            overlay={(sc) => <Schedule sc={sc} rows={rows} lr0={state.lr0} />}
            table={{
              caption: `The learning rate αₜ = ${fmt(state.lr0, 2)} / (1 + ${fmt(state.decay, 2)}·t) for steps 0 to ${last.step}`,
              columns: ['step t', 'learning rate αₜ'],
              rows: rows.map((r) => [r.step, fmt(r.lr, 4)]),
            }}
          />
          <p class="training__note" data-readout="schedule">
            {half === undefined
              ? 'With decay 0 the rate stays at α₀: no decay.'
              : `The rate is halved at step ${fmt(half, half % 1 ? 1 : 0)} (where d·t = 1), a third of α₀ at step ${fmt(2 / state.decay, (2 / state.decay) % 1 ? 1 : 0)}; at the last step drawn, ${last.step}, it is ${fmt(last.lr, 4)}.`}
          </p>
          <LossChart chart={lossOptions} />
          <p class="training__note">
            Solid green: decayed rate. Dashed red: constant rate α₀. Dotted grey: the lowest loss the neuron can reach
            (the least-squares line).
          </p>
          <dl class="widget__readout training__readout">
            {runs.map((r) => (
              <div data-run={r.kind}>
                <dt>{r.kind === 'decayed' ? 'Decayed' : 'Constant'}: loss, rate of the last update</dt>
                <dd data-readout={`${r.kind}-loss`}>
                  {lossText(r.loss)}, α = {fmt(r.lr, 4)}
                </dd>
              </div>
            ))}
            <div>
              <dt>Epochs (updates)</dt>
              <dd data-readout="epochs">
                {epochs} ({runs[0]!.iterations})
              </dd>
            </div>
          </dl>
          <p class={`widget__status ${diverged.length || warnings ? 'widget__status--bad' : ''}`} data-readout="status">
            {status}
          </p>
        </div>
      </div>
    </WidgetFrame>
  );
}

/** The last step the chart can draw (steps 0 … steps − 1). */
const LAST_STEP_MAX = lrDecaySchema.steps.max - 1;

/** The ends of the schedule chart's axes: the last step on x, the top rate on y. */
type Ends = { step: number; lr: number };

/** The ends to show next: the same object while both are kept (see `keepAxisEnd`). */
function keptEnds(shown: Ends, lastStep: number, lr0: number): Ends {
  const step = keepAxisEnd(shown.step, Math.max(1, lastStep), LAST_STEP_MAX);
  const lr = keepAxisEnd(shown.lr, lr0, lrDecaySchema.lr0.max);
  return step === shown.step && lr === shown.lr ? shown : { step, lr };
}

/** What the schedule chart shows, for screen readers (written onto the drawn chart on every input). */
function scheduleAlt(rows: readonly { step: number; lr: number }[]): string {
  const last = rows[rows.length - 1]!;
  return `The learning rate against the step, from ${fmt(rows[0]!.lr, 2)} at step 0 to ${fmt(last.lr, 4)} at step ${last.step}.`;
}

/** The schedule chart's axes and grid: what sets the scales (the curve is `Schedule`). */
function scheduleChart(stepEnd: number, lrEnd: number, width: number): ChartOptions {
  return {
    // Replaced by `scheduleAlt` (the Chart's `alt`) whenever the chart is drawn.
    alt: 'The learning rate against the step.',
    width,
    height: 200,
    marginLeft: 44,
    marginTop: 28,
    marginBottom: 36,
    x: { domain: [0, stepEnd], label: 'step t' },
    y: { domain: [0, lrEnd], label: 'learning rate αₜ' },
    marks: [Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.7, ticks: 4 })],
  };
}

/**
 * The schedule over the axes: the dotted line at α₀/2 with its label, the rate αₜ as a green line,
 * and a dot per step while there are at most 40 (offset by half a pixel, as Plot draws them).
 */
function Schedule({ sc, rows, lr0 }: { sc: ChartScales; rows: readonly { step: number; lr: number }[]; lr0: number }) {
  const half = sc.y(lr0 / 2);
  return (
    <>
      <line
        x1={sc.left}
        x2={sc.right}
        y1={half + 0.5}
        y2={half + 0.5}
        style={{ stroke: 'var(--c-muted)', strokeDasharray: '2 3' }}
      />
      <text
        x={sc.right - 3.5}
        y={half - 6.5}
        dy="0.32em"
        text-anchor="end"
        font-size="11"
        style={{ fill: 'var(--c-muted)' }}
      >
        α₀ / 2
      </text>
      <g transform="translate(0.5,0.5)">
        <path
          d={linePath(
            rows.map((r) => [r.step, r.lr]),
            sc,
          )}
          stroke-linejoin="round"
          stroke-linecap="round"
          style={{ fill: 'none', stroke: 'var(--c-green)', strokeWidth: 2 }}
        />
        {rows.length <= 40 && (
          <path
            d={rows.map((r) => symbolPath('circle', sc.x(r.step), sc.y(r.lr), 3)).join('')}
            style={{ fill: 'var(--c-green)' }}
          />
        )}
      </g>
    </>
  );
}
