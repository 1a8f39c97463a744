/**
 * `learning-rate` — too small, good, too big. One learning rate α drives two things: gradient
 * descent on the parabola E(w) = w² (the steps drawn as a zig-zag path) and a real training run of
 * a small network from the same initial weights. A diverging run stops and says so.
 */
import * as Plot from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import { Chart, linePath, type ChartScales, fixedHeight } from '../shared/Chart';
import { LossChart } from '../shared/LossChart';
import { lossCurve, thin } from '~/charts/loss-curve';
import { symbolPath, type ChartOptions } from '~/charts/plot';
import { TrainingControls } from '../shared/TrainingControls';
import { StatusText, statusText, trainingAnnouncement, unhealthy } from '../shared/TrainingStatus';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { divergenceCause, useTrainingLoop } from '../shared/useTrainingLoop';
import { useWidth } from '../shared/useWidth';
import { fmt, num } from '~/util/format';
import { learningRateSchema } from './state';
import {
  DATA,
  EPOCHS_PER_SECOND,
  MAX_EPOCHS,
  PRESETS,
  initialLoss,
  lossText,
  makeTrainer,
  parabolaPath,
  parabolaVerdict,
} from './model';
import './learning-rate.css';
import meta from './widget.json';

/** A number for the readout: four decimals, or a power of ten when it is tiny. */
const small = (x: number) => num(x, 4);

const CHART_WIDTH = 720;
/** The w axis never goes beyond ±8: farther steps leave the chart (and the text says so). */
const W_RANGE = 8;

export default function LearningRate({ headingLevel }: WidgetProps) {
  const { state, update, reset, frame, Slider } = useWidget('learning-rate', learningRateSchema);
  const loop = useTrainingLoop({
    key: `${state.lr}|${state.seed}`,
    create: () => makeTrainer(state),
    maxEpochs: MAX_EPOCHS,
    epochsPerSecond: EPOCHS_PER_SECOND,
    stepEpochs: 1,
    describeDivergence: (d) =>
      `Diverged ${d.epoch === 0 ? 'in the first epoch' : `after epoch ${d.epoch}`}: ${divergenceCause(d)}. With α\u00a0=\u00a0${fmt(state.lr, 2)} each update overshoots so far that the loss explodes; the weights were rolled back to their last finite values. Try a smaller learning rate.`,
    describeMaxEpochs: (t) => `Done: ${MAX_EPOCHS} epochs, loss ${lossText(t.evaluateTrain().loss)}.`,
  });
  const [outputRef, outputWidth] = useWidth<HTMLDivElement>(CHART_WIDTH);
  const width = Math.min(CHART_WIDTH, outputWidth);

  const path = useMemo(() => parabolaPath(state.lr, state.steps), [state.lr, state.steps]);
  const verdict = parabolaVerdict(state.lr);
  const start = useMemo(() => initialLoss(state.seed), [state.seed]);

  const run = useMemo(() => {
    const history = [
      { epoch: 0, loss: start },
      ...thin(loop.trainer.history.epochs).map((r) => ({ epoch: r.epoch, loss: r.loss })),
    ];
    const last = loop.trainer.history.epochs.at(-1);
    return { history, loss: last ? last.loss : start, epochs: loop.trainer.epochCount };
    // The trainer is mutated in place; `loop` is a new object whenever it moved.
  }, [loop, start]);

  const diverged = loop.stop?.kind === 'diverged';
  const range = parabolaRange(path);
  const parabolaOptions = useMemo(() => parabolaChart(range, width), [range, width]);
  const lossOptions = useMemo(
    () =>
      lossCurve({
        history: run.history,
        epochs: run.epochs,
        minEpochs: 50,
        width,
        alt: `Training loss of the network against epochs with α = ${fmt(state.lr, 2)}, on a logarithmic axis: ${run.epochs} epochs so far, loss ${lossText(run.loss)}${diverged ? '; the run diverged' : ''}.`,
        label: 'loss (MSE, log scale)',
        color: diverged ? 'var(--c-red)' : 'var(--c-blue)',
        minTop: 1,
        log: { floor: 0.005 },
      }),
    [run, width, state.lr, diverged],
  );
  const wLast = path[path.length - 1]!;
  const offChart = path.findIndex((w) => Math.abs(w) > parabolaRange(path));
  const active = PRESETS.find((p) => Math.abs(p.lr - state.lr) < 1e-9)?.name;

  const announce = loop.playing
    ? trainingAnnouncement(loop)
    : `α = ${fmt(state.lr, 2)}: after ${state.steps} steps on the parabola w = ${fmt(wLast, 3)}. ${loop.stop ? loop.stop.message : `Network loss ${lossText(run.loss)} after ${run.epochs} epochs.`}`;

  return (
    <WidgetFrame
      {...frame}
      report={{
        lr: state.lr,
        diverged,
        health: loop.health.verdict,
        finalLoss: Number.isFinite(run.loss) ? Number(run.loss.toPrecision(6)) : null,
        epochs: run.epochs,
        parabolaW: Number(wLast.toPrecision(6)),
        parabolaLoss: Number((wLast * wLast).toPrecision(6)),
        parabolaDiverges: verdict.kind === 'diverges',
      }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          One learning rate α, used twice: for gradient descent on the parabola E(w) = w², and for training a small
          network (1 input, 8 tanh units, 1 output) on 50 noisy points of a sine wave, always from the same initial
          weights. Try the three presets, then look for the largest α that still works.
        </p>
      }
      onReset={() => {
        reset();
        loop.reset();
      }}
      announce={announce}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <div class="control control--buttons" role="group" aria-label="Presets">
            {PRESETS.map((p) => (
              <button type="button" aria-pressed={active === p.name} onClick={() => update({ lr: p.lr })}>
                {p.name} (α = {p.lr})
              </button>
            ))}
          </div>
          <TrainingControls loops={[loop]}>
            <Slider field="lr" label="Learning rate α" />
            <Slider field="seed" label="Seed (initial weights)" />
            <Slider field="steps" label="Steps on the parabola" />
          </TrainingControls>
          <p class="training__note">
            The network is trained with plain gradient descent on all {DATA.x.rows} points at once (one update per
            epoch), at most {MAX_EPOCHS} epochs. The same seed gives the same run.
          </p>
        </div>
        <div class="training__output learning-rate__output" ref={outputRef}>
          <Chart
            options={parabolaOptions}
            sized={fixedHeight(parabolaOptions)}
            alt={parabolaAlt(path, state.lr)}
            overlay={(sc) => <ParabolaSteps sc={sc} path={path} />}
            table={{
              caption: `Gradient descent on E(w) = w² with α = ${fmt(state.lr, 2)}: the weight and loss after each step`,
              columns: ['step', 'w', 'E(w) = w²'],
              rows: path.map((w, t) => [t, fmt(w, 4), fmt(w * w, 4)]),
            }}
          />
          <p class="training__note">
            The parabola E(w) = w² (grey) and the steps from w = 3 (numbered dots joined by a line), the minimum at w =
            0.
            {offChart >= 0 && ` From step ${offChart} on, the steps leave the chart.`}
          </p>
          <p data-readout="parabola">
            {verdict.text} After {state.steps} step{state.steps > 1 ? 's' : ''}: w = {small(wLast)}, E ={' '}
            {small(wLast * wLast)}.
          </p>
          <LossChart chart={lossOptions} />
          <dl class="widget__readout training__readout">
            <div>
              <dt>Learning rate α</dt>
              <dd data-readout="lr">{fmt(state.lr, 2)}</dd>
            </div>
            <div>
              <dt>Epochs</dt>
              <dd data-readout="epochs">{run.epochs}</dd>
            </div>
            <div>
              <dt>Network loss (MSE)</dt>
              <dd data-readout="loss">{lossText(run.loss)}</dd>
            </div>
          </dl>
          <p
            class={`widget__status ${diverged || unhealthy(loop) ? 'widget__status--bad' : ''}`}
            data-readout="status"
            data-diverged={diverged ? 'true' : 'false'}
          >
            <StatusText text={statusText(loop)} />
          </p>
        </div>
      </div>
    </WidgetFrame>
  );
}

/** Half-width of the w axis: the whole path while it stays within ±8, at least ±3.2. */
function parabolaRange(path: readonly number[]): number {
  return Math.min(W_RANGE, Math.max(3.2, ...path.map(Math.abs)) * 1.05);
}

/** The parabola and its axes: drawn again only when the range (or width) changes. */
function parabolaChart(r: number, width: number): ChartOptions {
  const curve = Array.from({ length: 121 }, (_, i) => {
    const w = -r + (2 * r * i) / 120;
    return { w, e: w * w };
  });
  return {
    alt: '',
    width,
    height: 240,
    marginLeft: 44,
    marginTop: 20,
    marginBottom: 36,
    x: { domain: [-r, r], label: 'w' },
    y: { domain: [0, r * r], label: 'E(w) = w²' },
    marks: [
      Plot.gridY({ stroke: 'var(--c-grid)', strokeOpacity: 0.7, ticks: 4 }),
      Plot.line(curve, { x: 'w', y: 'e', stroke: 'var(--c-muted)', strokeWidth: 1.5 }),
      Plot.ruleX([0], { stroke: 'var(--c-grid)' }),
    ],
  };
}

const parabolaAlt = (path: readonly number[], lr: number) =>
  `The parabola E = w² with ${path.length - 1} gradient-descent steps from w = 3 with α = ${fmt(lr, 2)}, ending at w = ${fmt(path[path.length - 1]!, 3)}.`;

/** The steps on the parabola (the overlay): a dashed path, a dot per step in view, numbers where they stand clear. */
function ParabolaSteps({ sc, path }: { sc: ChartScales; path: readonly number[] }) {
  const r = parabolaRange(path);
  const steps = path.map((w, t) => ({ w, e: w * w, t }));
  const shown = steps.filter((s) => Math.abs(s.w) <= r);
  // Number a step only where it stands clear of the one before (small steps pile up near the bottom).
  const numbered = shown.filter(
    (s, i) => i === 0 || Math.hypot((s.w - shown[i - 1]!.w) / r, (s.e - shown[i - 1]!.e) / (r * r)) > 0.06,
  );
  return (
    <>
      <path
        d={linePath(
          steps.map((s) => [s.w, s.e] as [number, number]),
          sc,
        )}
        clip-path={sc.clip}
        fill="none"
        stroke="var(--c-orange)"
        stroke-width={1.8}
        stroke-dasharray="5 3"
        stroke-linejoin="round"
        stroke-linecap="round"
      />
      <g fill="var(--c-orange)" stroke="var(--c-ink)" stroke-width={0.8}>
        {shown.map((s) => (
          <path d={symbolPath('circle', sc.x(s.w), sc.y(s.e), 3.5)} />
        ))}
      </g>
      <g fill="var(--c-ink)" font-size="11" text-anchor="middle">
        {numbered.map((s) => (
          <text x={sc.x(s.w)} y={sc.y(s.e) - 11} dy="0.32em">
            {String(s.t)}
          </text>
        ))}
      </g>
    </>
  );
}
