import type { Schema, StateOf } from '../shared/url-state';

/**
 * The momentum widget's state: the learning rate α (shared by plain SGD and SGD with momentum),
 * the momentum factor β, and how many updates are run. The defaults are the lecture figure's plain
 * SGD rate α = 0.18 with β = 0.6.
 */
export const momentumSchema = {
  lr: { kind: 'number', default: 0.18, min: 0.005, max: 0.3, step: 0.005 },
  momentum: { kind: 'number', default: 0.6, min: 0, max: 0.99, step: 0.01 },
  steps: { kind: 'number', default: 40, min: 5, max: 200, step: 1 },
} satisfies Schema;

export type MomentumState = StateOf<typeof momentumSchema>;
