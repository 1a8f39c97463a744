/**
 * The perceptron's training run, in the shape the shared training loop drives
 * (`useTrainingLoop`'s `Trainable`): one `step()` is one epoch of `learn` — the perceptron rule,
 * or a gradient step of logistic regression — so Play, Step, the pace, reduced motion and the
 * stop sentences are the same as in every other training widget.
 *
 * The neuron itself stays in the widget's state, not here: the reader may drag the line or move a
 * slider between two epochs, and a link may lock a weight. Each step reads the neuron from the
 * state and writes the new one back.
 */
import type { Dataset, EpochRecord, IterationRecord, Neuron2, StepOutcome, TrainingHistory } from '@lib';
import type { StopCheck } from '../shared/useTrainingLoop';
import { learn, logisticLoss } from './model';
import type { PerceptronState } from './state';

/** A run ends after this many epochs if the rule has not converged. */
export const MAX_EPOCHS = 200;
/** About 8 epochs per second, so the line's motion can be followed. */
export const EPOCHS_PER_SECOND = 8;

export class PerceptronRun {
  /**
   * One record per epoch. Its loss is what the activation's rule reduces: for the step, the share
   * of points the rule got wrong during the epoch; for the sigmoid, the binary cross-entropy after it.
   */
  readonly history: TrainingHistory = { iterations: [], epochs: [] };
  readonly diverged = undefined;
  epochCount = 0;
  /** Points misclassified during the last epoch (undefined before the first). */
  mistakes: number | undefined = undefined;

  constructor(
    private readonly data: Dataset,
    /** The widget's current state (with the neuron the reader sees). */
    private readonly settings: () => PerceptronState,
    /** Writes a new neuron into the state; returns the neuron as stored (clamped to the sliders). */
    private readonly setNeuron: (n: Neuron2) => Neuron2,
  ) {}

  step(): StepOutcome {
    const s = this.settings();
    const { neuron, mistakes } = learn(s, this.data);
    const stored = this.setNeuron(neuron);
    this.mistakes = mistakes;
    this.epochCount++;
    const loss = s.act === 'step' ? mistakes / this.data.x.rows : logisticLoss({ ...s, ...stored }, this.data);
    const record: IterationRecord = {
      iteration: this.epochCount,
      epoch: this.epochCount - 1,
      loss,
      learningRate: s.lr,
    };
    const epochRecord: EpochRecord = { epoch: this.epochCount, iteration: this.epochCount, loss };
    this.history.iterations.push(record);
    this.history.epochs.push(epochRecord);
    return { status: 'ok', record, epochRecord };
  }
}

/** The run converges when an epoch makes no mistake (the perceptron convergence theorem: it will, on separable points). */
export const converged: StopCheck<PerceptronRun> = (run) =>
  run.mistakes === 0 ? { kind: 'converged', message: 'No mistakes in the last epoch: converged.' } : undefined;

/** What the readout says after the run's epochs: the stop sentence, or how the last epoch went. */
export function runStatus(run: PerceptronRun, stop: { message: string } | undefined, playing: boolean): string {
  if (stop) return stop.message;
  if (playing || run.mistakes === undefined) return '';
  return `${run.mistakes} mistakes during this epoch.`;
}
