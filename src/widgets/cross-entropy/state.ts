import type { Schema, StateOf } from '../shared/url-state';

/**
 * The cross-entropy widget's state. Categorical: the true class among Dog, Pear, House, Grass and
 * the predicted distribution (the defaults are the slides' "blue" prediction, true class Pear).
 * Binary: the true label y and the sigmoid output ŷ. In both, whether probabilities are clipped to
 * [1e-7, 1 − 1e-7] before the logarithm.
 */
export const crossEntropySchema = {
  mode: { kind: 'choice', default: 'categorical', options: ['categorical', 'binary'] as const },
  cls: { kind: 'number', default: 1, min: 0, max: 3, step: 1 },
  p: { kind: 'numbers', default: [0.232, 0.301, 0.233, 0.233], min: 0, max: 1, step: 0.001 },
  y: { kind: 'choice', default: '1', options: ['1', '0'] as const },
  yhat: { kind: 'number', default: 0.8, min: 0, max: 1, step: 0.001 },
  clip: { kind: 'boolean', default: true },
} satisfies Schema;

export type CrossEntropyState = StateOf<typeof crossEntropySchema>;
