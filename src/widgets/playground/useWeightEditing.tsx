import { useCallback, useMemo, useState } from 'preact/hooks';
import type { Trainer } from '@lib';
import { activationsOf } from './model';
import { ACTIVATION_LABEL } from './PlaygroundControls';
import type { PlaygroundState } from './state';
import { WeightEditor, clampEdge, type EdgeChoice } from './WeightEditor';

export interface WeightEditingOptions {
  trainer: Trainer;
  state: PlaygroundState;
  /** Redraw version of the network drawing (staggered while training runs). */
  version: number;
  /** Pauses training: a hand edit stops the run so the reader sees its effect. */
  pause: () => void;
  /** Called after every hand edit (the weights changed outside the training loop). */
  onEdit: () => void;
}

/**
 * The network drawing with its weight editor: the chosen connection (and whether the drawing
 * emphasises it) and setting its weight by hand. Returns the editor as one vnode, the same while
 * nothing it shows changed, so renders during training skip it.
 */
export function useWeightEditing({ trainer, state, version, pause, onEdit }: WeightEditingOptions) {
  const [edge, setEdge] = useState<EdgeChoice>({ layer: 0, from: 0, to: 0 });
  const [emphasise, setEmphasise] = useState(false);
  const setWeight = useCallback(
    (value: number) => {
      pause();
      const { layer, from, to } = clampEdge(edge, trainer.network.sizes);
      trainer.network.setWeight(layer, from, to, value);
      onEdit();
      setEmphasise(true);
    },
    [pause, trainer, edge, onEdit],
  );
  return useMemo(
    () => (
      <WeightEditor
        network={trainer.network}
        version={version}
        activations={activationsOf(state).map((a) => ACTIVATION_LABEL[a] ?? a)}
        edge={edge}
        emphasise={emphasise}
        onSelect={(e) => {
          setEdge(e);
          setEmphasise(true);
        }}
        onShowAll={() => setEmphasise(false)}
        onChange={setWeight}
      />
    ),
    [trainer, version, edge, emphasise, state, setWeight],
  );
}
