/**
 * `sine-fit` — fitting sin x on [0, 2π], three ways behind a mode switch, each in its own module:
 * (a) `StraightLine` — linear units, trained: the fit is stuck on a straight line, whatever the
 * number of units and layers. (b) `HingesByHand` — ReLU hinges set by hand, hinge by hinge,
 * starting from the slide's two-ReLU formula. (c) `UniversalApproximation` — ReLU units trained
 * with gradient descent: more units, more corners, a smaller error. This file holds what they
 * share: the frame, the mode switch, the fit chart, the readouts and the training run.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { LossChart } from '../shared/LossChart';
import { thin } from '~/charts/loss-curve';
import { WidgetFrame, type WidgetProps } from '../shared/WidgetFrame';
import { useWidget } from '../shared/useWidget';
import { useTrainingLoop } from '../shared/useTrainingLoop';
import { TrainingControls } from '../shared/TrainingControls';
import { StatusText, statusText, trainingAnnouncement, unhealthy } from '../shared/TrainingStatus';
import { useWidth } from '../shared/useWidth';
import { sineFitSchema } from './state';
import {
  EPOCHS_PER_SECOND,
  LINE,
  MAX_EPOCHS,
  MOMENTUM,
  VIEWS,
  activeUnits,
  collapseLinear,
  compareWithLine,
  curves,
  fmtMse,
  kinksOf,
  makeTrainer,
  maxEpochsMessage,
  mseOf,
  runKey,
  samplePoints,
  stopCheck,
} from './model';
import { handNetwork } from './hinges';
import { CHART_WIDTH, FitChart, MODE_LABEL, kinkMarks, lossChartOptions } from './FitChart';
import { StraightLineControls, StraightLineExplain } from './StraightLine';
import { HingeControls, HingeExplain } from './HingesByHand';
import { UnitsControl, UniversalApproximationExplain, withRun, type Run } from './UniversalApproximation';
import './sine-fit.css';
import meta from './widget.json';

export default function SineFit({ headingLevel }: WidgetProps) {
  const { state, update, reset, frame, Select, Slider, Toggle } = useWidget('sine-fit', sineFitSchema);
  const trained = state.mode !== 'hand';
  const loop = useTrainingLoop({
    key: state.mode === 'hand' ? 'hand' : runKey(state),
    create: () => makeTrainer(state.mode === 'hand' ? { ...state, mode: 'relu' } : state),
    maxEpochs: MAX_EPOCHS,
    check: stopCheck(state),
    epochsPerSecond: EPOCHS_PER_SECOND,
    describeMaxEpochs: (t) => maxEpochsMessage(state, t.evaluateTrain().loss),
  });
  const { trainer, version } = loop;
  const [runs, setRuns] = useState<Run[]>([]);

  const { hinges, hw, hb, hv, c: offset } = state;
  const hand = useMemo(() => handNetwork({ hinges, hw, hb, hv, c: offset }), [hinges, hw, hb, hv, offset]);
  const network = trained ? trainer.network : hand;
  const range = trained ? VIEWS.sine : VIEWS[state.view];

  const view = useMemo(() => {
    const kinks = state.mode === 'linear' ? [] : (kinksOf(network).filter((k) => k !== undefined) as number[]);
    const c = curves(network, samplePoints(range, kinks));
    const mse = mseOf(network);
    const history = trained
      ? [
          { epoch: 0, loss: trainer.history.iterations[0]?.loss ?? mse },
          ...thin(trainer.history.epochs).map((r) => ({
            epoch: r.epoch,
            loss: r.loss,
          })),
        ]
      : [];
    const line = state.mode === 'linear' ? collapseLinear(network) : undefined;
    const kinkPoints = kinkMarks(network, kinks, range);
    const active = state.mode === 'relu' ? activeUnits(network) : 0;
    // The trainer's network is mutated in place: this is the view of it at `version`.
    return { at: version, curves: c, mse, history, line, kinkPoints, active };
  }, [network, trainer, trained, version, range, state.mode]);

  // Remember finished ReLU runs, to compare unit counts.
  useEffect(() => {
    if (state.mode !== 'relu' || !loop.stop || loop.stop.kind === 'diverged') return;
    const run = {
      units: state.units,
      seed: state.seed,
      lr: state.lr,
      mse: view.mse,
    };
    setRuns((rs) => withRun(rs, run));
  }, [loop.stop, state.mode, state.units, state.seed, state.lr, view.mse]);

  const editIndex = Math.min(state.edit, state.hinges) - 1;
  const [outputRef, outputWidth] = useWidth<HTMLDivElement>(CHART_WIDTH);
  const width = Math.min(CHART_WIDTH, outputWidth);
  const lossOptions = useMemo(
    () => (trained ? lossChartOptions(view.history, trainer.epochCount, state.mode, width) : undefined),
    [trained, view, trainer.epochCount, state.mode, width],
  );

  const status = statusText(loop);
  /** Epochs trained, in the trained modes (undefined for hinges set by hand). */
  const trainedEpochs = trained ? trainer.epochCount : undefined;
  // Red when the run ended badly (diverged, or stuck no better than a straight line), green otherwise.
  const badEnd =
    loop.stop?.kind === 'diverged' ||
    (loop.stop?.kind === 'stalled' && (state.mode === 'linear' || view.mse > LINE.mse));
  const statusClass = loop.stop
    ? badEnd
      ? 'widget__status--bad'
      : 'widget__status--good'
    : unhealthy(loop)
      ? 'widget__status--bad'
      : '';
  const announce = loop.playing
    ? trainingAnnouncement(loop)
    : `Fit with ${MODE_LABEL[state.mode]}: error ${fmtMse(view.mse)}, ${compareWithLine(view.mse, trainedEpochs)}. ${trained ? (loop.stop?.message ?? '') : ''}`;

  return (
    <WidgetFrame
      {...frame}
      report={{ mode: state.mode, mse: view.mse, lineMse: LINE.mse, health: loop.health.verdict }}
      headingLevel={headingLevel}
      title={meta.title}
      intro={
        <p>
          Fit y = sin x on [0, 2π]. First with linear units: train them, add units and layers, and the fit stays a
          straight line. Then with ReLU units: build the curve by hand, hinge by hinge, starting from the slide's
          formula — and finally let gradient descent place the hinges.
        </p>
      }
      onReset={() => {
        reset();
        loop.reset();
        setRuns([]);
      }}
      announce={announce}
    >
      <div class="widget__body widget__body--split">
        <div class="widget__controls">
          <Select
            field="mode"
            label="Hidden units"
            options={[
              { value: 'linear', label: '(a) Linear units, trained' },
              { value: 'hand', label: '(b) ReLU hinges, set by hand' },
              { value: 'relu', label: '(c) ReLU units, trained' },
            ]}
          />
          {state.mode === 'linear' && <StraightLineControls />}
          {state.mode === 'relu' && <UnitsControl />}
          {trained && (
            <>
              <TrainingControls loops={[loop]}>
                <Slider field="lr" label="Learning rate η" />
                <Slider field="seed" label="Seed" />
              </TrainingControls>
              <p class="training__note">
                Mean squared error on the 201 points, gradient descent on all of them at once with momentum {MOMENTUM},
                at most {MAX_EPOCHS} epochs.
                {state.mode === 'relu' && ' Each unit starts with its kink at a random x inside [0, 2π].'} The same seed
                gives the same run.
              </p>
            </>
          )}
          {state.mode === 'hand' && <HingeControls state={state} update={update} />}
          <Toggle field="parts" label="Show each unit's contribution" />
        </div>
        <div class="training__output" ref={outputRef}>
          <FitChart state={state} view={view} range={range} edit={editIndex} width={width} />
          <dl class="widget__readout training__readout">
            <div>
              <dt>Error (MSE on [0, 2π])</dt>
              <dd data-readout="mse">{fmtMse(view.mse)}</dd>
            </div>
            <div>
              <dt>Compared with the best straight line</dt>
              <dd data-readout="compare">{compareWithLine(view.mse, trainedEpochs)}</dd>
            </div>
            {trained && (
              <div>
                <dt>Epochs</dt>
                <dd data-readout="epochs">{trainer.epochCount}</dd>
              </div>
            )}
            {state.mode === 'relu' && (
              <div>
                <dt>Active units</dt>
                <dd data-readout="active">
                  {view.active} of {state.units}
                </dd>
              </div>
            )}
          </dl>
          {trained && (
            <p class={`widget__status ${statusClass}`} data-readout="status">
              <StatusText text={status} />
            </p>
          )}
          {state.mode === 'linear' && view.line && <StraightLineExplain line={view.line} />}
          {state.mode === 'hand' && <HingeExplain state={state} />}
          {lossOptions && <LossChart chart={lossOptions} class="sine-fit__loss" />}
          {state.mode === 'relu' && <UniversalApproximationExplain runs={runs} />}
        </div>
      </div>
    </WidgetFrame>
  );
}
