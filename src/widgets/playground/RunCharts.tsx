/**
 * The run's curves: loss, and for classification accuracy, on the training and the test points
 * against the epochs, with a pinned run's curves dashed grey beneath. The trainer is mutated in
 * place, so each chart is drawn from a snapshot taken at its own redraw (`lossVersion`,
 * `accuracyVersion`, staggered by the view so the two never redraw in the same frame).
 */
import { useMemo } from 'preact/hooks';
import type { Trainer } from '@lib';
import { lossCurve, thin } from '~/charts/loss-curve';
import { LossChart } from '../shared/LossChart';
import type { Task } from './datasets';
import { curvesOf, lossText, measure, pct, type Curves, type Measures } from './model';
import { LOSS_LABEL } from './output-and-loss';
import type { Pinned } from './PinnedRun';
import type { LossChoice } from './state';

/** The measures before any training, per trainer (a trainer is created once per run). */
const starts = new WeakMap<Trainer, Measures>();

/** The measures of a run before any training (unknown for a trainer first seen mid-run). */
export function startOf(trainer: Trainer): Measures {
  let m = starts.get(trainer);
  if (!m) {
    m =
      trainer.iteration === 0
        ? measure(trainer)
        : {
            trainLoss: NaN,
            testLoss: NaN,
            trainAccuracy: null,
            testAccuracy: null,
          };
    starts.set(trainer, m);
  }
  return m;
}

/** The loss and accuracy curves so far (at most 400 points each). */
export const curvesNow = (trainer: Trainer): Curves => curvesOf(startOf(trainer), thin(trainer.history.epochs, 400));

/**
 * What a chart is drawn from, taken at redraw `at` (the trainer is mutated in place): the curves so
 * far, the epoch count and the losses and accuracies now (for the chart's text description).
 */
function chartSnapshot(trainer: Trainer, at: number) {
  return {
    at,
    epochs: trainer.epochCount,
    now: measure(trainer),
    ...curvesNow(trainer),
  };
}

export interface RunChartsProps {
  trainer: Trainer;
  /** Redraw versions of the loss chart and of the accuracy chart. */
  lossVersion: number;
  accuracyVersion: number;
  pinned: Pinned | undefined;
  width: number;
  loss: LossChoice;
  task: Task;
}

export function RunCharts({ trainer, lossVersion, accuracyVersion, pinned, width, loss, task }: RunChartsProps) {
  const lossCurves = useMemo(() => chartSnapshot(trainer, lossVersion), [trainer, lossVersion]);
  const accuracyCurves = useMemo(() => chartSnapshot(trainer, accuracyVersion), [trainer, accuracyVersion]);

  const lossChart = useMemo(() => {
    const { now } = lossCurves;
    const epochs = Math.max(lossCurves.epochs, pinned?.epoch ?? 0);
    const style = { fontSize: width < 400 ? '12px' : '13px' };
    const pin = pinned?.curves;
    return lossCurve({
      history: lossCurves.trainLoss,
      epochs,
      minEpochs: 50,
      width,
      alt: `Loss against epochs: training loss ${lossText(now.trainLoss)}, test loss ${lossText(now.testLoss)} after ${lossCurves.epochs} epochs${pin ? `, with the pinned run's curves dashed grey` : ''}.`,
      label: `loss (${LOSS_LABEL[loss]})`,
      color: 'var(--c-blue)',
      minTop: 0.05,
      style,
      series: [
        ...(pin
          ? [
              { history: pin.trainLoss, color: 'var(--c-muted)', dash: '2 3' },
              {
                history: pin.testLoss,
                color: 'var(--c-muted)',
                dash: '8 3 2 3',
                width: 1.5,
              },
            ]
          : []),
        { history: lossCurves.testLoss, color: 'var(--c-orange)', dash: '6 3' },
      ],
    });
  }, [lossCurves, pinned, width, loss]);
  const accuracyChart = useMemo(() => {
    const { now } = accuracyCurves;
    const epochs = Math.max(accuracyCurves.epochs, pinned?.epoch ?? 0);
    const style = { fontSize: width < 400 ? '12px' : '13px' };
    const pin = pinned?.curves;
    if (task === 'regression') return undefined;
    return lossCurve({
      history: accuracyCurves.trainAccuracy,
      epochs,
      minEpochs: 50,
      width,
      alt: `Accuracy against epochs: ${pct(now.trainAccuracy)} of the training points and ${pct(now.testAccuracy)} of the test points classified correctly after ${accuracyCurves.epochs} epochs.`,
      label: 'accuracy',
      color: 'var(--c-blue)',
      minTop: 1,
      style,
      series: [
        ...(pin
          ? [
              {
                history: pin.trainAccuracy,
                color: 'var(--c-muted)',
                dash: '2 3',
              },
              {
                history: pin.testAccuracy,
                color: 'var(--c-muted)',
                dash: '8 3 2 3',
                width: 1.5,
              },
            ]
          : []),
        {
          history: accuracyCurves.testAccuracy,
          color: 'var(--c-orange)',
          dash: '6 3',
        },
      ],
    });
  }, [accuracyCurves, pinned, width, task]);

  return (
    <div class="playground__charts">
      <LossChart chart={lossChart} />
      {accuracyChart && <LossChart chart={accuracyChart} />}
      <p class="playground__legend">
        <span class="playground__key playground__key--train" /> training set,{' '}
        <span class="playground__key playground__key--test" /> test set
        {pinned && (
          <>
            , <span class="playground__key playground__key--pin" /> pinned run, training;{' '}
            <span class="playground__key playground__key--pintest" /> pinned run, test
          </>
        )}
        .
      </p>
    </div>
  );
}
