import type { Schema, StateOf } from '../shared/url-state';

/**
 * The lr-decay widget's state: the schedule α_t = α₀ / (1 + d·t) with the slide's defaults
 * (α₀ = 1.0, d = 0.1, 20 steps drawn), and the seed of the training comparison.
 */
export const lrDecaySchema = {
  lr0: { kind: 'number', default: 1, min: 0.05, max: 2, step: 0.05 },
  decay: { kind: 'number', default: 0.1, min: 0, max: 1, step: 0.01 },
  steps: { kind: 'number', default: 20, min: 2, max: 100, step: 1 },
  seed: { kind: 'number', default: 0, min: 0, max: 9999, step: 1 },
} satisfies Schema;

export type LrDecayState = StateOf<typeof lrDecaySchema>;
