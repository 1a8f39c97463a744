import type { Schema, StateOf } from '../shared/url-state';

/**
 * The mse widget's state: how many examples (days) are used, and each one's target and prediction
 * (five of each are kept; the first `n` are used). The defaults are the slides' single example,
 * a true temperature of 23.5 degrees predicted as 22.9.
 */
export const mseSchema = {
  n: { kind: 'number', default: 1, min: 1, max: 5, step: 1 },
  t: { kind: 'numbers', default: [23.5, 19, 21.5, 25, 17.5], min: 0, max: 40, step: 0.1 },
  p: { kind: 'numbers', default: [22.9, 20, 21, 23.5, 18.5], min: 0, max: 40, step: 0.1 },
} satisfies Schema;

export type MseState = StateOf<typeof mseSchema>;
