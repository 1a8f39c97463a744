/**
 * Pinning a run: the reader keeps a run's curves (drawn dashed grey under the next run's) and its
 * set-up, changes one setting and trains again from the same seed. This module holds what a pin
 * keeps, the settings in which the current set-up differs from the pinned one, and the pin's
 * buttons with their sentence.
 */
import type { Trainer } from '@lib';
import type { Curves } from './model';
import { curvesNow } from './RunCharts';
import { ACT_KEYS, playgroundSchema, type PlaygroundState } from './state';

/** What a pin keeps of a run: its set-up, how far it trained and its curves. */
export interface Pinned {
  state: PlaygroundState;
  epoch: number;
  curves: Curves;
}

const FIELD_LABEL: Record<keyof PlaygroundState, string> = {
  data: 'data',
  noise: 'noise',
  test: 'test share',
  seed: 'seed',
  arch: 'hidden layers',
  a1: 'activation 1',
  a2: 'activation 2',
  a3: 'activation 3',
  a4: 'activation 4',
  out: 'output',
  loss: 'loss',
  lr: 'learning rate',
  decay: 'decay',
  mom: 'momentum',
  batch: 'batch size',
};

function showValue(key: keyof PlaygroundState, v: unknown): string {
  if (key === 'arch') return (v as number[]).length ? (v as number[]).join('-') : 'none';
  if (key === 'test') return `${Math.round((v as number) * 100)}%`;
  return String(v);
}

/** The settings in which `now` differs from `pinned`, e.g. "learning rate 0.03 → 0.3". Activations of absent layers are ignored. */
export function differences(pinned: PlaygroundState, now: PlaygroundState): string[] {
  const out: string[] = [];
  for (const key of Object.keys(playgroundSchema) as (keyof PlaygroundState)[]) {
    const k = (ACT_KEYS as readonly string[]).indexOf(key);
    if (k >= 0 && k >= pinned.arch.length && k >= now.arch.length) continue;
    const a = showValue(key, pinned[key]);
    const b = showValue(key, now[key]);
    if (a !== b) out.push(`${FIELD_LABEL[key]} ${a} → ${b}`);
  }
  return out;
}

export interface PinPanelProps {
  pinned: Pinned | undefined;
  state: PlaygroundState;
  trainer: Trainer;
  onPin: (pinned: Pinned | undefined) => void;
}

/** "Pin this run" (or "instead") and "Unpin", with how the pinned run differs from this one. */
export function PinPanel({ pinned, state, trainer, onPin }: PinPanelProps) {
  const diff = pinned ? differences(pinned.state, state) : [];
  return (
    <div class="playground__pin">
      <div class="control control--buttons">
        <button
          type="button"
          onClick={() =>
            onPin({
              state: { ...state, arch: [...state.arch] },
              epoch: trainer.epochCount,
              curves: curvesNow(trainer),
            })
          }
        >
          {pinned ? 'Pin this run instead' : 'Pin this run'}
        </button>
        {pinned && (
          <button type="button" onClick={() => onPin(undefined)}>
            Unpin
          </button>
        )}
      </div>
      <p class="playground__note" data-readout="pinned">
        {!pinned
          ? 'Pin a run to keep its curves, then change one setting and train again: both runs start from the same seed.'
          : diff.length === 0
            ? `Pinned: this set-up, ${pinned.epoch} epochs (dashed grey). Now change one setting.`
            : `Pinned run (${pinned.epoch} epochs, dashed grey) differs from this one in: ${diff.join('; ')}.`}
      </p>
    </div>
  );
}
