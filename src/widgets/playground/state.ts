import type { Schema, StateOf } from '../shared/url-state';

/** Most hidden layers, and most units in one hidden layer. */
export const MAX_LAYERS = 4;
export const MAX_UNITS = 16;

export const DATASETS = ['blue-orange', 'xor', 'circles', 'spiral', 'fruits', 'sine'] as const;
export const HIDDEN_ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
/** The state fields of the hidden layers' activations, by layer. */
export const ACT_KEYS = ['a1', 'a2', 'a3', 'a4'] as const;
export const LEARNING_RATES = ['0.0001', '0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1', '3'] as const;

const hidden = {
  kind: 'choice',
  default: 'tanh' as const,
  options: HIDDEN_ACTIVATIONS,
} as const;

/**
 * The playground's set-up, all of it in the link: the data (`data`, its `noise`, the `test`
 * fraction held out, the `seed` of points, initial weights and shuffling), the architecture
 * (`arch`: units per hidden layer, 0 to 4 layers; `a1`…`a4`: each hidden layer's activation;
 * `out` and `loss`, where `auto` picks the pair that fits the task), and the optimiser (`lr`,
 * `decay`, `mom`entum, `batch` size; a batch at least the training-set size is full-batch).
 */
export const playgroundSchema = {
  data: { kind: 'choice', default: 'circles' as const, options: DATASETS },
  noise: { kind: 'number', default: 0.2, min: 0, max: 1, step: 0.05 },
  test: { kind: 'number', default: 0.3, min: 0.1, max: 0.9, step: 0.05 },
  seed: { kind: 'number', default: 1, min: 0, max: 9999, step: 1 },
  arch: {
    kind: 'numbers',
    default: [8, 8],
    min: 1,
    max: MAX_UNITS,
    step: 1,
    minLength: 0,
    maxLength: MAX_LAYERS,
  },
  a1: hidden,
  a2: hidden,
  a3: hidden,
  a4: hidden,
  out: {
    kind: 'choice',
    default: 'auto' as const,
    options: ['auto', 'sigmoid', 'softmax', 'linear'] as const,
  },
  loss: {
    kind: 'choice',
    default: 'auto' as const,
    options: ['auto', 'bce', 'cce', 'mse'] as const,
  },
  lr: { kind: 'choice', default: '0.03' as const, options: LEARNING_RATES },
  decay: { kind: 'number', default: 0, min: 0, max: 0.01, step: 0.0001 },
  mom: { kind: 'number', default: 0.9, min: 0, max: 0.99, step: 0.01 },
  batch: { kind: 'number', default: 10, min: 1, max: 300, step: 1 },
} satisfies Schema;

export type PlaygroundState = StateOf<typeof playgroundSchema>;
export type DatasetName = PlaygroundState['data'];
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];
export type OutputChoice = Exclude<PlaygroundState['out'], 'auto'>;
export type LossChoice = Exclude<PlaygroundState['loss'], 'auto'>;
