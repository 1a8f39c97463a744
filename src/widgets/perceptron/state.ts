import type { Schema, StateOf } from '../shared/url-state';

/** The perceptron widget's state: the neuron's three parameters, its activation, and the data. */
export const perceptronSchema = {
  w1: { kind: 'number', default: 0.8, min: -4, max: 4, step: 0.05 },
  w2: { kind: 'number', default: -0.5, min: -4, max: 4, step: 0.05 },
  b: { kind: 'number', default: 0.3, min: -3, max: 3, step: 0.05 },
  act: { kind: 'choice', default: 'step', options: ['step', 'sigmoid'] as const },
  lr: { kind: 'number', default: 0.1, min: 0.01, max: 2, step: 0.01 },
  seed: { kind: 'number', default: 7, min: 1, max: 9999, step: 1 },
} satisfies Schema;

export type PerceptronState = StateOf<typeof perceptronSchema>;
