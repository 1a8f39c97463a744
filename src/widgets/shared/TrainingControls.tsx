/**
 * `TrainingControls` — what every widget that trains something repeats: the sliders that set the
 * run (the view's own, typed by its schema: learning rate, seed, …), then Play/Pause, Step and
 * Restart (`PlayControls`) for one run or for several runs that are compared side by side (they
 * start, pause, step and restart together), and the status line.
 *
 * ```tsx
 * const { frame, Slider } = useWidget('learning-rate', learningRateSchema);
 * const loop = useTrainingLoop({ key, create, maxEpochs });
 * <TrainingControls loops={[loop]} status>
 *   <Slider field="lr" label="Learning rate α" />
 *   <Slider field="seed" label="Seed (initial weights)" />
 * </TrainingControls>
 * ```
 *
 * Also here: {@link overlayLossCurves}, several runs' loss curves in one chart, built on the one
 * loss-curve helper (`~/charts/loss-curve.ts`) and told apart by dash and an end label as well as colour.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { lossCurve, thin, type LossChartSpec, type LossCurve } from '~/charts/loss-curve';
import { PlayControls } from './controls';
import './training.css';
import { StatusText, statusText, unhealthy } from './TrainingStatus';
import type { TrainingLoopControls } from './useTrainingLoop';

export interface TrainingControlsProps {
  /** The run(s) these buttons drive; several runs start, pause, step and restart together. */
  loops: readonly TrainingLoopControls[];
  stepLabel?: string;
  resetLabel?: string;
  /** Show the run's status sentence, with its health warning (only for a single run; compared runs show their own). */
  status?: boolean;
  /** The controls that set the run (the view's schema-bound sliders), placed before the buttons. */
  children?: ComponentChildren;
}

/** Play: resume every run that has not ended; when all have ended, start them all afresh (same settings, same seed). */
export function playAll(loops: readonly Pick<TrainingLoopControls, 'status' | 'play'>[]): void {
  const going = loops.filter((l) => l.status !== 'stopped');
  for (const l of going.length ? going : loops) l.play();
}

/** "Training…", or, when the reader prefers reduced motion, that the runs compute without animation. */
export function trainingText(loops: readonly Pick<TrainingLoopControls, 'background'>[]): string {
  return loops.some((l) => l.background)
    ? 'Training without animation (you prefer reduced motion); the result appears when it is done…'
    : 'Training…';
}

/** One Step for every run that has not ended (a run that diverged or finished stays as it is). */
export function stepAll(loops: readonly Pick<TrainingLoopControls, 'status' | 'step'>[]): void {
  for (const l of loops) if (l.status !== 'stopped') l.step();
}

export function TrainingControls({
  loops,
  stepLabel = 'Train one epoch',
  resetLabel = 'Restart training',
  status,
  children,
}: TrainingControlsProps) {
  const playing = loops.some((l) => l.playing);
  const single = loops.length === 1 ? loops[0] : undefined;
  const bad = single !== undefined && (single.stop?.kind === 'diverged' || unhealthy(single));
  return (
    <>
      {children}
      <PlayControls
        playing={playing}
        onPlay={() => playAll(loops)}
        onPause={() => loops.forEach((l) => l.pause())}
        onStep={() => stepAll(loops)}
        stepLabel={stepLabel}
        onReset={() => loops.forEach((l) => l.reset())}
        resetLabel={resetLabel}
      />
      {status && single && (
        <p class={`widget__status ${bad ? 'widget__status--bad' : ''}`} data-readout="status">
          <StatusText text={statusText(single)} />
        </p>
      )}
    </>
  );
}

/**
 * For runs compared side by side: the runs to derive the drawing from. Each run trains its own
 * chunk in every animation frame and each chunk re-renders the widget, so the charts would be
 * drawn once per run per frame. While the runs animate, the array returned here changes at most
 * once per frame (the charts follow the training one frame later); otherwise — a reader's input,
 * a step, a stop — at once. Derive with `useMemo(…, [shown, …])`.
 */
export function useFrameLoops<L extends Pick<TrainingLoopControls, 'version' | 'playing' | 'background'>>(
  loops: readonly L[],
): readonly L[] {
  const current = loops.map((l) => l.version).join('|');
  const animating = loops.some((l) => l.playing && !l.background);
  const [drawn, setDrawn] = useState(current);
  const latest = useRef(current);
  latest.current = current;
  const frame = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!animating || drawn === current || frame.current !== undefined) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = undefined;
      setDrawn(latest.current);
    });
  });
  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    },
    [],
  );
  const key = animating ? drawn : current;
  const shown = useRef({ key, loops });
  if (shown.current.key !== key) shown.current = { key, loops };
  return shown.current.loops;
}

/** One run's curve in {@link overlayLossCurves}. */
export interface OverlaidRun {
  /** Loss after each epoch, epoch 0 (before training) included. */
  history: readonly { epoch: number; loss: number }[];
  /** Short name written at the end of its curve (and in the legend). */
  label: string;
  color: string;
  /** SVG dash pattern ('none' for solid). */
  dash: string;
}

/**
 * Several loss curves in one chart (drawn with `LossChart`): the axes, grid and scale of
 * `lossCurve`, the y axis tall enough for every run, each run a line with its own dash, its newest
 * point marked and its name written along it.
 */
export function overlayLossCurves(
  runs: readonly OverlaidRun[],
  common: Omit<LossCurve, 'history' | 'color' | 'series'>,
): LossChartSpec {
  return lossCurve({
    ...common,
    history: [],
    color: 'var(--c-ink)',
    series: runs.map((run, i) => ({
      history: thin(run.history, 400),
      color: run.color,
      dash: run.dash,
      dot: true,
      // Names stand at different points along the curves (not all at the newest point), so they do not pile up.
      name: { text: run.label, at: runs.length > 1 ? 0.2 + (0.4 * i) / (runs.length - 1) : 1 },
    })),
  });
}
