/**
 * The playground's controls column: the data (set, noise, test share, seed), the network (hidden
 * layers, their units and activations, the output activation and loss, with a warning and a fix
 * when the pair does not fit the task) and the training (learning rate, decay, momentum, batch
 * size), each with a line saying what it gives.
 */
import type { Trainer } from '@lib';
import type { BoundControls } from '../shared/controls';
import { fmt } from '~/util/format';
import { DATASET_INFO, type PlaygroundData } from './datasets';
import { LOSS_LABEL, OUTPUT_LABEL, fittingPair, pairVerdict, resolvePair } from './output-and-loss';
import {
  ACT_KEYS,
  DATASETS,
  HIDDEN_ACTIVATIONS,
  LEARNING_RATES,
  MAX_LAYERS,
  type PlaygroundState,
  type playgroundSchema,
} from './state';

export const ACTIVATION_LABEL: Record<string, string> = {
  relu: 'ReLU',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  linear: 'linear (none)',
};

export interface PlaygroundControlsProps {
  state: PlaygroundState;
  update: (patch: Partial<PlaygroundState>) => void;
  trainer: Trainer;
  data: PlaygroundData;
  /**
   * Redraw version (staggered while training runs): the decayed learning rate moves with every
   * update, and the column shows it as of its last redraw.
   */
  version: number;
  /** A share link can fix the architecture (its buttons disabled) or hide its controls. */
  archLocked: boolean;
  archHidden: boolean;
  /** The controls bound to the playground's state (from `useWidget`). */
  Slider: BoundControls<typeof playgroundSchema>['Slider'];
  Select: BoundControls<typeof playgroundSchema>['Select'];
}

export function PlaygroundControls({
  state,
  update,
  trainer,
  data,
  archLocked,
  archHidden,
  Slider,
  Select,
}: PlaygroundControlsProps) {
  const info = DATASET_INFO[state.data];
  const fit = fittingPair(info.task);
  const pair = resolvePair(state);
  const verdict = pairVerdict(info.task, pair.out, pair.loss);
  const shape = trainer.network.sizes.join('-');
  const itsPerEpoch = Math.ceil(trainer.xTrain.rows / trainer.batchSize);
  const learningRate = trainer.optimizer.iterations > 0 ? trainer.optimizer.currentLearningRate : Number(state.lr);
  const setArch = (arch: number[]) => update({ arch });
  return (
    <div class="widget__controls">
      <fieldset class="playground__group">
        <legend>Data</legend>
        <Select
          field="data"
          label="Data set"
          options={DATASETS.map((d) => ({
            value: d,
            label: DATASET_INFO[d].label,
          }))}
        />
        <Slider field="noise" label="Noise" />
        <Slider
          field="test"
          label="Test share (held out)"
          // Shown in per cent (10 … 90 in steps of 5), stored as a fraction (0.1 … 0.9 in steps of 0.05).
          value={Math.round(state.test * 100)}
          min={10}
          max={90}
          step={5}
          unit="%"
          onChange={(v) => update({ test: v / 100 })}
        />
        <Slider field="seed" label="Seed" />
        <p class="playground__note">
          {data.train.x.rows} training and {data.test.x.rows} test points. Noise: {info.noise}.
        </p>
      </fieldset>

      <fieldset class="playground__group">
        <legend>Network</legend>
        {!archHidden && (
          <div
            class="control control--buttons"
            role="group"
            aria-label={archLocked ? 'Hidden layers (set by your instructor)' : 'Hidden layers'}
            data-field="arch"
            data-locked={archLocked ? '' : undefined}
          >
            <button
              type="button"
              disabled={archLocked || state.arch.length >= MAX_LAYERS}
              onClick={() => setArch([...state.arch, state.arch.at(-1) ?? 4])}
            >
              Add a hidden layer
            </button>
            <button
              type="button"
              disabled={archLocked || state.arch.length === 0}
              onClick={() => setArch(state.arch.slice(0, -1))}
            >
              Remove a hidden layer
            </button>
          </div>
        )}
        <p class="playground__note" data-readout="architecture">
          {shape}:{' '}
          {state.arch.length === 0
            ? 'no hidden layer (a single layer of weights)'
            : `${state.arch.length} hidden layer${state.arch.length > 1 ? 's' : ''}`}
          , {trainer.network.parameterCount} weights and biases.
        </p>
        {state.arch.map((_, k) => (
          <div class="playground__layer" key={k}>
            <Slider field="arch" label={`Units in hidden layer ${k + 1}`} index={k} />
            <Select
              field={ACT_KEYS[k]!}
              label={`Activation of hidden layer ${k + 1}`}
              options={HIDDEN_ACTIVATIONS.map((a) => ({
                value: a,
                label: ACTIVATION_LABEL[a]!,
              }))}
            />
          </div>
        ))}
        <Select
          field="out"
          label="Output activation"
          options={[
            {
              value: 'auto',
              label: `Fits the task (${OUTPUT_LABEL[fit.out]})`,
            },
            { value: 'sigmoid', label: 'Sigmoid' },
            { value: 'softmax', label: 'Softmax' },
            { value: 'linear', label: 'Linear' },
          ]}
        />
        <Select
          field="loss"
          label="Loss"
          options={[
            {
              value: 'auto',
              label: `Fits the task (${LOSS_LABEL[fit.loss]})`,
            },
            { value: 'bce', label: 'Binary cross-entropy' },
            { value: 'cce', label: 'Categorical cross-entropy' },
            { value: 'mse', label: 'Mean squared error' },
          ]}
        />
        {verdict.kind !== 'fits' && (
          <div class={`playground__pair playground__pair--${verdict.kind}`} data-readout="pair">
            <p>
              <strong>
                {verdict.kind === 'mismatch' ? 'Mismatched pair' : 'Note'}: {OUTPUT_LABEL[pair.out]} output with{' '}
                {LOSS_LABEL[pair.loss]}.
              </strong>{' '}
              {verdict.why}
            </p>
            <button type="button" onClick={() => update({ out: 'auto', loss: 'auto' })}>
              Use {OUTPUT_LABEL[fit.out]} with {LOSS_LABEL[fit.loss]}
            </button>
          </div>
        )}
      </fieldset>

      <fieldset class="playground__group">
        <legend>Training</legend>
        <Select field="lr" label="Learning rate α₀" options={LEARNING_RATES.map((v) => ({ value: v, label: v }))} />
        <Slider field="decay" label="Decay" />
        <Slider field="mom" label="Momentum β" />
        <Slider field="batch" label="Batch size" />
        <p class="playground__note" data-readout="batch">
          {trainer.batchSize === trainer.xTrain.rows
            ? `The whole training set (${trainer.xTrain.rows} points): batch gradient descent, one update per epoch.`
            : `${trainer.batchSize === 1 ? 'One point per update (stochastic gradient descent)' : `${trainer.batchSize} points per update (mini-batches)`}, ${itsPerEpoch} updates per epoch.`}
          {state.decay > 0 && ` The learning rate is now ${fmt(learningRate, 5)}.`}
        </p>
      </fieldset>
    </div>
  );
}
