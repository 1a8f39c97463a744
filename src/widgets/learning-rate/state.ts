import type { Schema, StateOf } from '../shared/url-state';

/**
 * The learning-rate widget's state: the learning rate α (used on the parabola and in the network
 * run alike), how many steps are drawn on the parabola, and the seed of the network's initial weights.
 * The default α = 0.25 is the lecture figure's "good" rate.
 */
export const learningRateSchema = {
  lr: { kind: 'number', default: 0.25, min: 0.01, max: 1.5, step: 0.01 },
  steps: { kind: 'number', default: 8, min: 1, max: 30, step: 1 },
  seed: { kind: 'number', default: 3, min: 0, max: 9999, step: 1 },
} satisfies Schema;

export type LearningRateState = StateOf<typeof learningRateSchema>;
