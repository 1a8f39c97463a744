/**
 * `batch-size` — full batch, mini-batch and single sample side by side: one data set, one seed,
 * the same initial weights, three Trainers that differ only in how many examples each update
 * averages over. The loss curves are overlaid against epochs; iterations and epochs are counted apart.
 */
import { ScrollTable } from '../shared/ScrollTable';
import { useMemo } from 'preact/hooks';
import { LossChart } from '../shared/LossChart';
import { Tex } from '../shared/Tex';
import {
  TrainingControls,
  overlayLossCurves,
  trainingText,
  useFrameLoops,
  type OverlaidRun,
} from '../shared/TrainingControls';
import { runsAnnouncement, runsHealthText } from '../shared/TrainingStatus';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { useTrainingLoop, type TrainingLoopControls } from '../shared/useTrainingLoop';
import { useWidth } from '../shared/useWidth';
import { batchSizeSchema, type BatchSizeState } from './state';
import {
  EPOCHS_PER_SECOND,
  MAX_EPOCHS,
  N,
  RUN_KINDS,
  RUN_NAMES,
  batchOf,
  lossText,
  makeTrainer,
  splitText,
  updatesPerEpoch,
  type RunKind,
} from './model';
import { initialLoss } from '../learning-rate/model';
import './batch-size.css';
import meta from './widget.json';

const CHART_WIDTH = 720;
const STYLE: Record<RunKind, { color: string; dash: string; short: string }> = {
  full: { color: 'var(--c-blue)', dash: 'none', short: 'full' },
  mini: { color: 'var(--c-orange)', dash: '7 4', short: 'mini' },
  single: { color: 'var(--c-purple)', dash: '2 3', short: 'single' },
};

function useRun(kind: RunKind, state: BatchSizeState): TrainingLoopControls {
  const batch = batchOf(kind, state.batch);
  return useTrainingLoop({
    key: `${kind}|${batch}|${state.lr}|${state.seed}`,
    create: () => makeTrainer(kind, state),
    maxEpochs: MAX_EPOCHS,
    epochsPerSecond: EPOCHS_PER_SECOND,
    budgetMs: 3,
    describeMaxEpochs: () => `Done: ${MAX_EPOCHS} epochs.`,
  });
}

export default function BatchSize({ headingLevel }: WidgetProps) {
  const { state, reset, frame, Slider } = useWidget('batch-size', batchSizeSchema);
  const full = useRun('full', state);
  const mini = useRun('mini', state);
  const single = useRun('single', state);
  const [outputRef, outputWidth] = useWidth<HTMLDivElement>(CHART_WIDTH);
  const width = Math.min(CHART_WIDTH, outputWidth);
  const start = useMemo(() => initialLoss(state.seed), [state.seed]);

  const shown = useFrameLoops([full, mini, single]);
  const { batch } = state;
  const runs = useMemo(
    () =>
      RUN_KINDS.map((kind, i) => {
        const loop = shown[i]!;
        const t = loop.trainer;
        const last = t.history.epochs.at(-1);
        return {
          kind,
          batch: batchOf(kind, batch),
          epochs: t.epochCount,
          iterations: t.iteration,
          loss: last ? last.loss : start,
          history: [{ epoch: 0, loss: start }, ...t.history.epochs.map((r) => ({ epoch: r.epoch, loss: r.loss }))],
          stop: loop.stop,
        };
      }),
    [shown, start, batch],
  );
  const epochs = Math.max(...runs.map((r) => r.epochs));
  const chart = useMemo(
    () =>
      overlayLossCurves(
        runs.map((r): OverlaidRun => ({
          history: r.history,
          label: STYLE[r.kind].short,
          color: STYLE[r.kind].color,
          dash: STYLE[r.kind].dash,
        })),
        {
          epochs,
          minEpochs: 30,
          width,
          alt: `Training loss against epochs for the three runs: ${runs.map((r) => `${RUN_NAMES[r.kind](r.batch)} ${lossText(r.loss)} after ${r.epochs} epochs`).join('; ')}.`,
          label: 'loss (MSE, log scale)',
          minTop: 1,
          log: { floor: 0.005 },
        },
      ),
    [runs, epochs, width],
  );

  const u = updatesPerEpoch(state.batch);
  const miniRun = runs[1]!;
  const diverged = runs.filter((r) => r.stop?.kind === 'diverged');
  const anyPlaying = full.playing || mini.playing || single.playing;
  const named = [full, mini, single].map((loop, i) => ({
    name: `the ${RUN_NAMES[RUN_KINDS[i]!](state.batch)} run`,
    loop,
  }));
  const warnings = runsHealthText(named);
  const status = anyPlaying
    ? warnings || trainingText([full, mini, single])
    : diverged.length
      ? diverged.map((r) => `${RUN_NAMES[r.kind](r.batch)}: ${r.stop!.message}`).join(' ')
      : runs.every((r) => r.stop)
        ? `${warnings ? `${warnings} ` : ''}Done: ${MAX_EPOCHS} epochs each. The same number of passes over the data, but ${runs.map((r) => r.iterations).join(', ')} updates.`
        : epochs
          ? `${warnings ? `${warnings} ` : ''}Paused.`
          : 'Press Play to train all three, or train them one epoch at a time.';
  const announce = anyPlaying
    ? runsAnnouncement(named)
    : `Batch size ${state.batch}: ${u} updates per epoch. ${status}`;

  return (
    <WidgetFrame
      {...frame}
      report={{
        batchSize: state.batch,
        updatesPerEpoch: u,
        epochs: miniRun.epochs,
        iterations: miniRun.iterations,
        fullLoss: Number(runs[0]!.loss.toPrecision(6)),
        miniLoss: Number(miniRun.loss.toPrecision(6)),
        singleLoss: Number(runs[2]!.loss.toPrecision(6)),
        diverged: diverged.length > 0,
        fullHealth: full.health.verdict,
        miniHealth: mini.health.verdict,
        singleHealth: single.health.verdict,
      }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          The same network (1 input, 8 tanh units, 1 output) learns the same {N} noisy points of a sine wave three
          times, from the same initial weights and with the same learning rate. The only difference: how many examples
          each update averages over. Change the mini-batch size and compare the curves epoch by epoch.
        </p>
      }
      onReset={() => {
        reset();
        for (const l of [full, mini, single]) l.reset();
      }}
      announce={announce}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Slider field="batch" label="Mini-batch size" />
          <TrainingControls loops={[full, mini, single]}>
            <Slider field="lr" label="Learning rate α" />
            <Slider field="seed" label="Seed (initial weights, sample order)" />
          </TrainingControls>
          <p class="training__note">
            One epoch is one pass over all {N} examples; one iteration is one update of the weights. Mini-batches are
            drawn in a new random order every epoch. The same seed gives the same three runs.
          </p>
        </div>
        <div class="training__output batch-size__output" ref={outputRef}>
          <p data-readout="updates">
            <Tex
              tex={`\\text{updates per epoch} = \\lceil N / \\text{batch} \\rceil = \\lceil ${N} / ${state.batch} \\rceil = ${u}`}
            />{' '}
            — an epoch of the mini-batch run is {splitText(state.batch)}.
          </p>
          <LossChart
            chart={chart}
            table={{
              caption: 'Training loss (MSE on all 50 points) after every 10th epoch',
              columns: ['epoch', ...runs.map((r) => RUN_NAMES[r.kind](r.batch))],
              rows: Array.from({ length: Math.floor(epochs / 10) + 1 }, (_, k) => [
                k * 10,
                ...runs.map((r) => (r.history[k * 10] ? lossText(r.history[k * 10]!.loss) : '')),
              ]),
            }}
          />
          <p class="training__note">
            Solid blue: full batch. Dashed orange: mini-batch. Dotted purple: single sample. Each curve carries its
            name; the dot marks its newest epoch.
          </p>
          <p class="training__note">
            Epochs count passes over all {N} examples; iterations count updates of the weights.
          </p>
          <ScrollTable label="The three runs so far">
            <table class="batch-size__counts" data-readout="counts">
              <caption>The three runs so far</caption>
              <thead>
                <tr>
                  <th scope="col">Run (batch)</th>
                  <th scope="col">Epochs</th>
                  <th scope="col">Iterations</th>
                  <th scope="col">Updates / epoch</th>
                  <th scope="col">Loss</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr data-run={r.kind}>
                    <th scope="row">{RUN_NAMES[r.kind](r.batch)}</th>
                    <td data-readout="epochs">{r.epochs}</td>
                    <td data-readout="iterations">{r.iterations}</td>
                    <td>{updatesPerEpoch(r.batch)}</td>
                    <td data-readout="loss">{lossText(r.loss)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <p class={`widget__status ${diverged.length || warnings ? 'widget__status--bad' : ''}`} data-readout="status">
            {status}
          </p>
        </div>
      </div>
    </WidgetFrame>
  );
}
