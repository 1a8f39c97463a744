/**
 * `useTrainingLoop` — train an engine `Trainer` (lib/train.ts) in small chunks, one chunk per
 * animation frame, with play / pause / step / reset. Every widget that trains something (perceptron,
 * logic gates, sine fit, batch size, learning rate, momentum, playground) uses it, so they all behave
 * the same way:
 *
 * - **The page never freezes.** Each frame does at most `budgetMs` (default 8 ms) of training,
 *   then the view redraws. An optional pace (`epochsPerSecond`) slows fast runs down so the reader
 *   can follow them; the time budget still caps slow ones.
 * - **It stops by itself**: after `maxEpochs`, when the widget's `check` says the run converged or
 *   stalled, or when the Trainer reports its typed `'diverged'` status. The stop carries a
 *   sentence for the reader (`stop.message`); a diverged run is never drawn as NaN — the engine
 *   rolls the network back to its last finite parameters.
 * - **Reduced motion**: when the reader asks for less motion, Play runs to the end without
 *   animating. The work is still cut into chunks of at most `backgroundBudgetMs` (default 30 ms)
 *   spread over macrotasks, so the main thread is never blocked for more than about that; the view
 *   is updated once, at the end.
 * - **Same seed, same run**: chunking never changes the arithmetic — a run cut into frames gives
 *   exactly the weights of the same number of epochs done in one go.
 *
 * - **It tells the truth while running**: `health` is the run's verdict from the engine's one
 *   monitor (`lib/health.ts`: healthy, diverged, oscillating, stalled, overfitting, with the reason
 *   and a fix); `statusText` in `TrainingStatus.tsx` shows it instead of a plain "Training…".
 *
 * The Trainer is mutated in place. The hook returns it with a `version` number that changes
 * whenever the trainer did; derive what you draw with `useMemo(…, [version])`.
 *
 * ```tsx
 * const loop = useTrainingLoop({
 *   key: `${state.gate}|${state.lr}|${state.seed}`,   // a new key = a fresh run
 *   create: () => makeTrainer(state),
 *   maxEpochs: 2000,
 *   check: (trainer, record) => (record.loss < 0.05 ? { kind: 'converged', message: 'Learned.' } : undefined),
 *   epochsPerSecond: 40,
 * });
 * <PlayControls playing={loop.playing} onPlay={loop.play} onPause={loop.pause} onStep={loop.step} onReset={loop.reset} />
 * ```
 *
 * The loop itself (`TrainingLoop`, `trainChunk`) has no DOM or Preact dependency and is tested
 * with a fake clock in `useTrainingLoop.test.ts`. It drives anything {@link Trainable}: the engine's
 * `Trainer`, or a widget's own learning rule with the same `step()` and history (the perceptron's).
 */
import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import {
  HealthMonitor,
  type DivergedStatus,
  type EpochRecord,
  type Health,
  type RunView,
  type StepOutcome,
  type Trainer,
  type TrainingHistory,
} from '@lib';
import { prefersReducedMotion } from './theme';
import { num } from '~/util/format';

/** idle: nothing trained since the last reset · running · paused · stopped: a stop condition ended the run. */
export type LoopStatus = 'idle' | 'running' | 'paused' | 'stopped';

/** Why a run ended, with a sentence for the reader. */
export type TrainingStop =
  | { kind: 'converged'; message: string }
  | { kind: 'stalled'; message: string }
  | { kind: 'max-epochs'; message: string }
  | { kind: 'diverged'; message: string; diverged: DivergedStatus };

/**
 * What the loop trains: the engine's `Trainer` has all of it; a rule the engine does not train
 * (the perceptron's) fits when its `step()` reports the same records and keeps the same history.
 */
export interface Trainable extends RunView {
  /** Epochs completed so far. */
  readonly epochCount: number;
  /** Set when the run diverged (the loop then stops). */
  readonly diverged: DivergedStatus | undefined;
  readonly history: TrainingHistory;
  /** One update; `epochRecord` is set when it completed an epoch. */
  step(): StepOutcome;
}

/** A widget's own stop rule, asked after every completed epoch. Return undefined to go on. */
export type StopCheck<T extends Trainable = Trainer> = (
  trainer: T,
  record: EpochRecord,
) => { kind: 'converged' | 'stalled'; message: string } | undefined;

/** How a run is driven. Everything may change between renders without restarting the run. */
export interface TrainingLoopConfig<T extends Trainable = Trainer> {
  /** The run stops once the trainer has completed this many epochs in total. */
  maxEpochs: number;
  /** Convergence / stall rule, asked after each completed epoch. */
  check?: StopCheck<T> | undefined;
  /** Training time per animation frame, ms (default 8). */
  budgetMs?: number;
  /** Training time per background chunk when the reader prefers reduced motion, ms (default 30). */
  backgroundBudgetMs?: number;
  /** Pace of the animation in epochs per second (default: as fast as the budget allows). */
  epochsPerSecond?: number;
  /** Epochs trained by one press of Step (default 1). */
  stepEpochs?: number;
  /** The sentence shown when the run diverges (default: {@link describeDivergence}). */
  describeDivergence?: (diverged: DivergedStatus) => string;
  /** The sentence shown when the run reaches maxEpochs. */
  describeMaxEpochs?: (trainer: T) => string;
}

/** Something that runs a task later: the next animation frame, or the next macrotask. */
export interface Scheduler {
  /** Run `task` later; returns a function that cancels it. */
  schedule(task: (time: number) => void): () => void;
  /** Current time in ms (a monotonic clock). */
  now(): number;
}

/** Versions are unique across loops, so `[version]` alone is a complete memo dependency. */
let versions = 0;

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** One chunk per animation frame (requestAnimationFrame). */
export const animationFrames: Scheduler = {
  schedule(task) {
    const id = requestAnimationFrame(task);
    return () => cancelAnimationFrame(id);
  },
  now: clock,
};

/** One chunk per macrotask (setTimeout 0): used when nothing is animated, so the browser can still paint and handle input in between. */
export const backgroundTasks: Scheduler = {
  schedule(task) {
    const id = setTimeout(() => task(clock()), 0);
    return () => clearTimeout(id);
  },
  now: clock,
};

/**
 * The default sentence for a diverged run, in the readout's terms: "after epoch 4" is the last epoch
 * the readout counts (the run broke during the next one), and every number is written for readers.
 */
export function describeDivergence(d: DivergedStatus): string {
  const when = d.epoch === 0 ? 'in its first epoch' : `after epoch ${d.epoch}`;
  return (
    `Training diverged ${when}: ${divergenceCause(d)}. ` +
    `The weights were rolled back to their last finite values; try a smaller learning rate.`
  );
}

/** What went wrong, with the numbers: "the loss reached 1413.46, more than 1000× the loss before training (6.17)". */
export function divergenceCause({ cause, loss }: DivergedStatus): string {
  switch (cause.kind) {
    case 'not-finite':
      return `the loss became ${Number.isNaN(loss) ? 'not a number (NaN)' : 'infinite'}`;
    case 'above-limit':
      return `the loss reached ${num(loss)}, above the limit of ${num(cause.limit)}`;
    case 'grew':
      return `the loss reached ${num(loss)}, more than ${cause.factor}× the loss before training (${num(cause.initialLoss)})`;
    case 'parameters-not-finite':
      return 'the update made some weights infinite or not a number';
  }
}

export interface ChunkLimits {
  /** Stop the chunk once this much time has passed (at least one update is always made). */
  budgetMs: number;
  /** Complete at most this many epochs in this chunk. */
  epochs: number;
  now: () => number;
}

export interface ChunkResult {
  /** Epochs completed in this chunk. */
  epochs: number;
  /** Updates (trainer.step calls that succeeded) in this chunk. */
  iterations: number;
  /** Set when the run must end. */
  stop?: TrainingStop;
}

/**
 * One chunk of training: `trainer.step()` until the time budget is used, `limits.epochs` epochs
 * are complete, the run reaches `config.maxEpochs`, the check stops it, or it diverges. The clock
 * is read after every update, so a chunk overruns its budget by at most one update.
 */
export function trainChunk<T extends Trainable>(
  trainer: T,
  limits: ChunkLimits,
  config: TrainingLoopConfig<T>,
): ChunkResult {
  const start = limits.now();
  let epochs = 0;
  let iterations = 0;
  if (trainer.diverged) return { epochs, iterations, stop: divergedStop(trainer.diverged, config) };
  if (trainer.epochCount >= config.maxEpochs) return { epochs, iterations, stop: maxEpochsStop(trainer, config) };
  while (epochs < limits.epochs) {
    const outcome = trainer.step();
    if (outcome.status === 'diverged') return { epochs, iterations, stop: divergedStop(outcome, config) };
    iterations++;
    if (outcome.epochRecord) {
      epochs++;
      const verdict = config.check?.(trainer, outcome.epochRecord);
      if (verdict) return { epochs, iterations, stop: verdict };
      if (trainer.epochCount >= config.maxEpochs) return { epochs, iterations, stop: maxEpochsStop(trainer, config) };
    }
    if (limits.now() - start >= limits.budgetMs) break;
  }
  return { epochs, iterations };
}

function divergedStop<T extends Trainable>(d: DivergedStatus, config: TrainingLoopConfig<T>): TrainingStop {
  return {
    kind: 'diverged',
    diverged: d,
    message: (config.describeDivergence ?? describeDivergence)(d),
  };
}

function maxEpochsStop<T extends Trainable>(trainer: T, config: TrainingLoopConfig<T>): TrainingStop {
  const message =
    config.describeMaxEpochs?.(trainer) ?? `Stopped after ${trainer.epochCount} epochs, the limit of this widget.`;
  return { kind: 'max-epochs', message };
}

export interface LoopSchedulers {
  animation: Scheduler;
  background: Scheduler;
}

/**
 * The loop behind the hook: owns the trainer, its status and the scheduled chunk. Listeners are
 * told after every change (a frame of training, a state change); `version` counts the changes.
 */
export class TrainingLoop<T extends Trainable = Trainer> {
  trainer: T;
  status: LoopStatus = 'idle';
  stop: TrainingStop | undefined = undefined;
  /** A new number on every change of the trainer or the status (unique across loops). */
  version = ++versions;
  /** True while a reduced-motion run computes without updating the view. */
  background = false;
  /** Watches the current run's losses (a new monitor with every fresh trainer). */
  private monitor = new HealthMonitor();

  private cancel: (() => void) | undefined;
  private readonly listeners = new Set<() => void>();
  private allowance = 0;
  private lastTime: number | undefined;
  private disposed = false;

  constructor(
    /** The settings this loop was made for (a new key, a new loop). */
    readonly key: string,
    private readonly create: () => T,
    private readonly config: () => TrainingLoopConfig<T>,
    private readonly schedulers: LoopSchedulers = {
      animation: animationFrames,
      background: backgroundTasks,
    },
    private readonly reducedMotion: () => boolean = prefersReducedMotion,
  ) {
    this.trainer = create();
  }

  get playing(): boolean {
    return this.status === 'running';
  }

  /**
   * The run's health now. Reads the epochs trained since the last call, whoever trained them (the
   * loop, or a widget stepping the trainer itself); the same object while the verdict holds.
   */
  get health(): Health {
    return this.monitor.observe(this.trainer);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Start or resume. After a stop, Play starts a fresh run (same settings, same seed). */
  play(): void {
    if (this.disposed || this.status === 'running') return;
    if (this.status === 'stopped') this.fresh();
    this.status = 'running';
    this.background = this.reducedMotion();
    this.allowance = 1; // the first frame trains at once, so Play answers immediately
    this.lastTime = undefined;
    this.notify();
    this.scheduleNext();
  }

  pause(): void {
    if (this.status !== 'running') return;
    this.cancelScheduled();
    this.status = 'paused';
    this.background = false;
    this.notify();
  }

  /**
   * Train `stepEpochs` epochs now (synchronously: keep an epoch well under 50 ms). An explicit
   * step goes on even after a convergence or stall verdict; it cannot pass a divergence or maxEpochs.
   */
  step(): void {
    if (this.disposed || this.status === 'running') return;
    const config = this.config();
    const result = trainChunk(
      this.trainer,
      {
        budgetMs: Infinity,
        epochs: config.stepEpochs ?? 1,
        now: this.schedulers.animation.now,
      },
      { ...config, check: undefined },
    );
    let stop = result.stop;
    if (!stop) {
      const last = this.trainer.history.epochs.at(-1);
      if (last && config.check) stop = config.check(this.trainer, last);
    }
    this.stop = stop;
    this.status = stop ? 'stopped' : 'paused';
    this.notify();
  }

  /** A fresh trainer from the current settings; stops any run. */
  reset(): void {
    if (this.disposed) return;
    this.fresh();
    this.notify();
  }

  dispose(): void {
    this.cancelScheduled();
    this.disposed = true;
    this.listeners.clear();
  }

  private fresh(): void {
    this.cancelScheduled();
    this.trainer = this.create();
    this.monitor = new HealthMonitor();
    this.status = 'idle';
    this.stop = undefined;
    this.background = false;
  }

  private scheduleNext(): void {
    const scheduler = this.background ? this.schedulers.background : this.schedulers.animation;
    this.cancel = scheduler.schedule(this.tick);
  }

  private cancelScheduled(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  private readonly tick = (time: number): void => {
    this.cancel = undefined;
    if (this.disposed || this.status !== 'running') return;
    const config = this.config();
    const scheduler = this.background ? this.schedulers.background : this.schedulers.animation;
    let epochs = Infinity;
    const pace = config.epochsPerSecond;
    if (!this.background && pace !== undefined && Number.isFinite(pace) && pace > 0) {
      // Accumulate the epochs this frame is owed; cap the debt so a stalled tab does not burst.
      const elapsed = this.lastTime === undefined ? 0 : Math.min(Math.max(time - this.lastTime, 0), 100);
      this.lastTime = time;
      this.allowance = Math.min(this.allowance + (elapsed * pace) / 1000, Math.max(1, pace / 10));
      epochs = Math.floor(this.allowance);
      if (epochs < 1) {
        this.scheduleNext();
        return;
      }
    }
    const budgetMs = this.background ? (config.backgroundBudgetMs ?? 30) : (config.budgetMs ?? 8);
    const result = trainChunk(this.trainer, { budgetMs, epochs, now: scheduler.now }, config);
    this.allowance = Math.max(0, this.allowance - result.epochs);
    if (result.stop) {
      this.stop = result.stop;
      this.status = 'stopped';
      this.background = false;
      this.notify();
      return;
    }
    if (!this.background && result.iterations > 0) this.notify();
    this.scheduleNext();
  };

  private notify(): void {
    this.version = ++versions;
    for (const listener of [...this.listeners]) listener();
  }
}

export interface TrainingLoopOptions<T extends Trainable = Trainer> extends TrainingLoopConfig<T> {
  /** Builds a fresh Trainer for the current settings (on mount, on reset, after a stop + Play, and when `key` changes). */
  create: () => T;
  /** The settings the trainer is built from, as one string: when it changes, a fresh, idle run starts. */
  key: string;
  /** For tests: replace requestAnimationFrame / setTimeout. */
  schedulers?: LoopSchedulers;
  /** For tests: replace the prefers-reduced-motion query. */
  reducedMotion?: () => boolean;
}

export interface TrainingLoopControls<T extends Trainable = Trainer> {
  /** The trainer of the current run (mutated in place while training). */
  trainer: T;
  /** Changes whenever the trainer or the status changed: use it as a memo dependency. */
  version: number;
  status: LoopStatus;
  playing: boolean;
  /** True while a reduced-motion run computes in the background (the view updates when it ends). */
  background: boolean;
  /** Why the run ended, with a sentence for the reader. */
  stop: TrainingStop | undefined;
  /** The run's health verdict (lib/health.ts), up to date with the trainer. */
  health: Health;
  play: () => void;
  pause: () => void;
  step: () => void;
  reset: () => void;
}

/** Preact binding of {@link TrainingLoop}: see the top of this file. */
export function useTrainingLoop<T extends Trainable = Trainer>(
  options: TrainingLoopOptions<T>,
): TrainingLoopControls<T> {
  const latest = useRef(options);
  latest.current = options;
  // A new key means new settings: a fresh loop with a fresh trainer. The loop reads every other
  // option through `latest`, so the key is the only thing its identity depends on.
  const { key } = options;
  const loop = useMemo(
    () =>
      new TrainingLoop(
        key,
        () => latest.current.create(),
        () => latest.current,
        latest.current.schedulers,
        latest.current.reducedMotion,
      ),
    [key],
  );
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const unsubscribe = loop.subscribe(() => rerender(undefined));
    return () => {
      unsubscribe();
      loop.dispose();
    };
  }, [loop]);
  // One object per state of the loop: a view derives from it with `useMemo(…, [controls])` and
  // recomputes exactly when the trainer moved or the status changed.
  // The commands stay the same functions for the loop's whole life.
  const commands = useMemo(
    () => ({
      play: () => loop.play(),
      pause: () => loop.pause(),
      step: () => loop.step(),
      reset: () => loop.reset(),
    }),
    [loop],
  );
  const { trainer, version, status, playing, background, stop, health } = loop;
  return useMemo(
    () => ({ trainer, version, status, playing, background, stop, health, ...commands }),
    [commands, trainer, version, status, playing, background, stop, health],
  );
}
