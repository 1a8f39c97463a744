import type { Schema, StateOf } from '../shared/url-state';

/**
 * The batch-size widget's state: the mini-batch size (the full batch and the single sample are
 * always run beside it), the learning rate all three share, and the seed (initial weights and
 * sample order, the same for all three).
 */
export const batchSizeSchema = {
  batch: { kind: 'number', default: 8, min: 1, max: 50, step: 1 },
  lr: { kind: 'number', default: 0.1, min: 0.01, max: 0.3, step: 0.01 },
  seed: { kind: 'number', default: 3, min: 0, max: 9999, step: 1 },
} satisfies Schema;

export type BatchSizeState = StateOf<typeof batchSizeSchema>;
