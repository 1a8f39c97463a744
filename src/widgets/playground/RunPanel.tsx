/**
 * The run's controls and readouts: Play, Pause, one epoch, Restart, one iteration and the speed;
 * the epoch and iteration counts, the losses (and accuracies) on the training and test points now,
 * and the run's status.
 */
import { PlayControls, Select } from '../shared/controls';
import { StatusText, statusText, unhealthy } from '../shared/TrainingStatus';
import { describeDivergence, type TrainingLoopControls } from '../shared/useTrainingLoop';
import type { Task } from './datasets';
import { lossText, pct, type Measures } from './model';

/** Pace of Play, in epochs per second; 'fast' is as fast as the frame budget allows. */
export const SPEEDS = { slow: 20, normal: 120, fast: Infinity } as const;
export type Speed = keyof typeof SPEEDS;

export interface RunPanelProps {
  loop: TrainingLoopControls;
  /** The losses and accuracies of the current weights. */
  now: Measures;
  task: Task;
  speed: Speed;
  onSpeed: (speed: Speed) => void;
  /** One update of the weights (one batch), outside the training loop. */
  onOneIteration: () => void;
}

export function RunPanel({ loop, now, task, speed, onSpeed, onOneIteration }: RunPanelProps) {
  const { trainer } = loop;
  const diverged = trainer.diverged;
  const status = diverged && !loop.stop ? describeDivergence(diverged) : statusText(loop);
  const statusClass = diverged || unhealthy(loop) ? 'widget__status--bad' : loop.stop ? 'widget__status--good' : '';
  return (
    <>
      <div class="playground__run">
        <PlayControls
          playing={loop.playing}
          onPlay={loop.play}
          onPause={loop.pause}
          onStep={loop.step}
          stepLabel="One epoch"
          onReset={loop.reset}
          resetLabel="Restart"
        />
        <div class="control control--buttons">
          <button type="button" disabled={loop.playing || !!diverged} onClick={onOneIteration}>
            One iteration
          </button>
        </div>
        <Select
          label="Speed"
          value={speed}
          options={[
            { value: 'slow', label: `Slow (${SPEEDS.slow} epochs/s)` },
            {
              value: 'normal',
              label: `Normal (${SPEEDS.normal} epochs/s)`,
            },
            { value: 'fast', label: 'As fast as it goes' },
          ]}
          onChange={onSpeed}
        />
      </div>
      <dl class="widget__readout playground__counters">
        <div>
          <dt>Epoch</dt>
          <dd data-readout="epoch">{trainer.epochCount}</dd>
        </div>
        <div>
          <dt>Iteration (updates)</dt>
          <dd data-readout="iteration">{trainer.iteration}</dd>
        </div>
        <div>
          <dt>Loss train / test</dt>
          <dd data-readout="loss">
            {lossText(now.trainLoss)} / {lossText(now.testLoss)}
          </dd>
        </div>
        {task !== 'regression' && (
          <div>
            <dt>Accuracy train / test</dt>
            <dd data-readout="accuracy">
              {pct(now.trainAccuracy)} / {pct(now.testAccuracy)}
            </dd>
          </div>
        )}
      </dl>
      <p class={`widget__status playground__status ${statusClass}`} data-readout="status">
        <StatusText text={status} />
      </p>
    </>
  );
}
